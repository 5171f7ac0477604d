import { describe, expect, it } from 'vitest';
import { addRpc, type NodeKind } from '../core';
import { createDesignStore } from './store';

function setup() {
  let t = 0;
  const clock = { advance: (ms: number) => (t += ms) };
  const store = createDesignStore({ now: () => t });
  const s = () => store.getState();
  const add = (kind: NodeKind, x = 0, y = 0) => {
    const r = s().addNode(kind, { x, y });
    if (!r.ok) throw new Error(r.reason);
    clock.advance(5000);
    return r.id;
  };
  return { store, s, add, clock };
}

describe('design store', () => {
  it('adds a node, selects it, and can undo the add', () => {
    const { s, add } = setup();
    const id = add('python-fastapi', 10.4, 20.6);
    expect(s().design.nodes).toHaveLength(1);
    expect(s().design.nodes[0]).toMatchObject({ id, kind: 'python-fastapi', position: { x: 10, y: 21 } });
    expect(s().selection).toEqual([id]);
    expect(s().undo()).toBe(true);
    expect(s().design.nodes).toHaveLength(0);
    expect(s().selection).toEqual([]);
    expect(s().redo()).toBe(true);
    expect(s().design.nodes[0]?.id).toBe(id);
  });

  it('connects two services with REST by default and refuses a database as a source with its reason', () => {
    const { s, add } = setup();
    const py = add('python-fastapi');
    const go = add('go-nethttp');
    const pg = add('postgres');
    const ok = s().connect(py, go);
    expect(ok.ok).toBe(true);
    expect(s().design.links[0]).toMatchObject({ kind: 'rest', source: py, target: go });
    const refused = s().connect(pg, py);
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining('is a database: it does not call anything') });
    const queue = s().connect(py, go, 'queue');
    expect(queue).toEqual({ ok: false, reason: expect.stringContaining('needs a broker') });
    expect(s().design.links).toHaveLength(1);
  });

  it('switches a new link to gRPC within the same undo step', () => {
    const { s, add } = setup();
    const py = add('python-fastapi');
    const go = add('go-nethttp');
    const r = s().connect(py, go);
    if (!r.ok) throw new Error(r.reason);
    expect(s().setLinkKind(r.id, 'grpc', { merge: true })).toEqual({ ok: true });
    expect(s().design.links[0]).toMatchObject({ id: r.id, kind: 'grpc' });
    // the target got its starter RPC with the switch, and the undo takes it back with the link
    expect(s().design.nodes[1]?.api?.grpc[0]?.rpcs.length).toBeGreaterThan(0);
    s().undo();
    expect(s().design.links).toHaveLength(0);
    expect(s().design.nodes).toHaveLength(2);
    expect(s().design.nodes[1]?.api).toBeUndefined();
  });

  it('applies an API edit as one undo step, and says why one is refused', () => {
    const { s, add } = setup();
    const go = add('go-nethttp');
    expect(s().edit((d) => addRpc(d, go, { name: 'PlaceOrder' }))).toEqual({ ok: true });
    expect(s().design.nodes[0]?.api?.grpc[0]?.rpcs.map((r) => r.name)).toEqual(['PlaceOrder']);
    expect(s().edit((d) => addRpc(d, go, { name: 'place order' }))).toMatchObject({ ok: false });
    s().undo();
    expect(s().design.nodes[0]?.api?.grpc ?? []).toEqual([]);
    expect(s().design.types).toEqual([]);
  });

  it('refuses an invalid or clashing rename and keeps the old name', () => {
    const { s, add } = setup();
    const a = add('python-fastapi');
    add('go-nethttp');
    const before = s().design;
    expect(s().updateNode(a, { name: '' }, `node:${a}:name`)).toEqual({ ok: false, reason: 'A name is required.' });
    const clash = s().updateNode(a, { name: 'Go Service' });
    expect(clash.ok).toBe(false);
    expect(clash.ok ? '' : clash.reason).toContain('same host name (go-service)');
    expect(s().design).toBe(before);
    expect(s().updateNode(a, { name: 'orders' })).toEqual({ ok: true });
    expect(s().design.nodes[0]?.name).toBe('orders');
  });

  it('coalesces typing in one field into one undo step', () => {
    const { s, add, clock } = setup();
    const a = add('python-fastapi');
    const key = `node:${a}:name`;
    for (const name of ['o', 'or', 'ord', 'orde', 'order']) {
      s().updateNode(a, { name }, key);
      clock.advance(200);
    }
    expect(s().design.nodes[0]?.name).toBe('order');
    s().undo();
    expect(s().design.nodes[0]?.name).toBe('python-service');
  });

  it('refuses a runtime switch that would break a gRPC link', () => {
    const { s, add } = setup();
    const py = add('python-fastapi');
    const go = add('go-nethttp');
    s().connect(py, go, 'grpc');
    const r = s().setNodeKind(go, 'ruby-rails');
    expect(r.ok).toBe(false);
    expect(s().design.nodes[1]?.kind).toBe('go-nethttp');
    expect(s().setNodeKind(go, 'java-spring')).toEqual({ ok: true });
  });

  it('deleting a node removes its links, in one undo step', () => {
    const { s, add } = setup();
    const py = add('python-fastapi');
    const go = add('go-nethttp');
    const kafka = add('kafka');
    s().connect(py, go);
    s().connect(py, kafka);
    s().select([py]);
    s().removeSelection();
    expect(s().design.nodes.map((n) => n.id)).toEqual([go, kafka]);
    expect(s().design.links).toHaveLength(0);
    expect(s().selection).toEqual([]);
    s().undo();
    expect(s().design.links).toHaveLength(2);
  });

  it('a drag is one undo step and moves during the drag do not enter history', () => {
    const { s, add } = setup();
    const a = add('kafka', 0, 0);
    const steps = s().history.past.length;
    s().beginDrag();
    for (let i = 1; i <= 20; i++) s().moveNodes(new Map([[a, { x: i * 5, y: i }]]));
    expect(s().history.past.length).toBe(steps);
    s().endDrag();
    expect(s().history.past.length).toBe(steps + 1);
    expect(s().design.nodes[0]?.position).toEqual({ x: 100, y: 20 });
    s().undo();
    expect(s().design.nodes[0]?.position).toEqual({ x: 0, y: 0 });
  });

  it('applies a layout as one step that undo reverts for every node; a no-op layout adds none', () => {
    const { s, add } = setup();
    const a = add('kafka', 0, 0);
    const b = add('python-fastapi', 10, 10);
    const c = add('postgres', 20, 20);
    const steps = s().history.past.length;
    const layout = new Map([
      [a, { x: 300, y: 0 }],
      [b, { x: 0, y: 0 }],
      [c, { x: 600, y: 0 }],
    ]);
    expect(s().applyLayout(layout)).toBe(true);
    expect(s().history.past.length).toBe(steps + 1);
    expect(s().applyLayout(layout)).toBe(false);
    expect(s().history.past.length).toBe(steps + 1);
    s().undo();
    expect(s().design.nodes.map((n) => n.position)).toEqual([
      { x: 0, y: 0 },
      { x: 10, y: 10 },
      { x: 20, y: 20 },
    ]);
    s().redo();
    expect(s().design.nodes.map((n) => n.position)).toEqual([...layout.values()]);
  });

  it('does not apply a layout in the middle of a drag', () => {
    const { s, add } = setup();
    const a = add('kafka', 0, 0);
    s().beginDrag();
    expect(s().applyLayout(new Map([[a, { x: 300, y: 0 }]]))).toBe(false);
    expect(s().design.nodes[0]?.position).toEqual({ x: 0, y: 0 });
  });

  it('a click without movement adds no step', () => {
    const { s, add } = setup();
    add('kafka');
    const steps = s().history.past.length;
    s().beginDrag();
    s().endDrag();
    expect(s().history.past.length).toBe(steps);
  });

  it('keeps the viewport out of history', () => {
    const { s, add } = setup();
    add('redis');
    s().setViewport({ x: 50, y: -20, zoom: 1.5 });
    expect(s().design.viewport).toEqual({ x: 50, y: -20, zoom: 1.5 });
    s().undo();
    expect(s().design.nodes).toHaveLength(0);
    expect(s().design.viewport).toEqual({ x: 50, y: -20, zoom: 1.5 });
  });

  it('copies and pastes the selection with its inner links, further away each time', () => {
    const { s, add } = setup();
    const py = add('python-fastapi', 0, 0);
    const go = add('go-nethttp', 300, 0);
    s().connect(py, go);
    s().select([py, go]);
    expect(s().copySelection()).toBe(2);
    expect(s().paste()).toEqual({ ok: true });
    expect(s().design.nodes).toHaveLength(4);
    expect(s().design.links).toHaveLength(2);
    expect(s().design.nodes[2]).toMatchObject({ name: 'python-service-2', position: { x: 48, y: 88 } });
    expect(s().selection).toHaveLength(3);
    s().paste();
    expect(s().design.nodes[4]?.position).toEqual({ x: 96, y: 176 });
  });

  it('copies a boundary with its cards and a note; the paste lands clear of them and undoes in one step', () => {
    const { s, add } = setup();
    const py = add('python-fastapi', 40, 60);
    const go = add('go-nethttp', 320, 60);
    const outside = add('redis', 40, 700);
    s().connect(py, go);
    const b = s().addBoundary({ x: 0, y: 0 });
    if (!b.ok) throw new Error(b.reason);
    s().updateBoundary(b.id, { name: 'Ordering' });
    const note = s().addNote({ x: 700, y: 0 });
    if (!note.ok) throw new Error(note.reason);
    s().updateNote(note.id, 'Orders start here.');
    const before = s().design;
    expect(before.boundaries?.[0]?.members).toEqual([py, go]);

    s().select([b.id, note.id]);
    expect(s().copySelection()).toBe(4);
    expect(s().paste()).toEqual({ ok: true });
    const d = s().design;
    expect(d.nodes).toHaveLength(5);
    expect(d.links).toHaveLength(2);
    const [orig, copy] = d.boundaries ?? [];
    expect(copy).toMatchObject({ name: 'Ordering 2', kind: orig?.kind, color: orig?.color, width: orig?.width });
    // below the original, clear of it, with the copies of its cards inside
    expect(copy!.position.y).toBeGreaterThanOrEqual(orig!.position.y + orig!.height);
    expect(copy!.members).toHaveLength(2);
    expect(copy!.members).not.toContain(py);
    const copied = copy!.members.map((m) => d.nodes.find((n) => n.id === m)!);
    expect(copied.map((n) => n.kind)).toEqual(['python-fastapi', 'go-nethttp']);
    expect(copied[0]!.position.y - 60).toBe(copy!.position.y);
    expect(d.links[1]).toMatchObject({ source: copy!.members[0], target: copy!.members[1] });
    expect(d.notes).toHaveLength(2);
    expect(d.notes?.[1]).toMatchObject({ text: 'Orders start here.' });
    expect(d.notes?.[1]?.id).not.toBe(note.id);
    expect(d.nodes.some((n) => n.id === outside)).toBe(true);
    // the two cards, their link, the boundary and the note
    expect(s().selection).toHaveLength(5);
    expect(orig!.members).toEqual([py, go]);

    s().undo();
    expect(s().design.nodes).toEqual(before.nodes);
    expect(s().design.boundaries).toEqual(before.boundaries);
    expect(s().design.notes).toEqual(before.notes);
  });

  it('copies a note alone, and says what to copy when nothing is', () => {
    const { s } = setup();
    expect(s().paste()).toEqual({ ok: false, reason: expect.stringContaining('copy a node, a boundary or a note') });
    const note = s().addNote({ x: 0, y: 0 });
    if (!note.ok) throw new Error(note.reason);
    s().select([note.id]);
    expect(s().copySelection()).toBe(1);
    s().paste();
    s().paste();
    const notes = s().design.notes ?? [];
    expect(notes.map((n) => n.position)).toEqual([
      { x: 0, y: 0 },
      { x: 48, y: 160 },
      { x: 96, y: 320 },
    ]);
  });

  it('a loaded design asks the canvas for its own camera, or to be framed when it has none', () => {
    const { s, add } = setup();
    add('python-fastapi');
    const saved = { ...s().design, viewport: { x: 40, y: 50, zoom: 0.5 } };
    s().loadDesign(saved);
    expect(s()).toMatchObject({ loadCount: 1, loadCamera: 'saved', design: saved });
    s().loadDesign({ ...saved, name: 'imported' }, 'fit');
    expect(s()).toMatchObject({ loadCount: 2, loadCamera: 'fit' });
    expect(s().undo()).toBe(true);
    expect(s().design.name).toBe(saved.name);
  });

  it('renames the project, refusing an empty name', () => {
    const { s } = setup();
    expect(s().renameProject('  ').ok).toBe(false);
    expect(s().renameProject('shop')).toEqual({ ok: true });
    expect(s().design.name).toBe('shop');
  });
});

describe('queue links', () => {
  it('a topic or message edit also changes the other end of the topic on the same broker', () => {
    const { s, add } = setup();
    const py = add('python-fastapi');
    const go = add('go-nethttp');
    const java = add('java-spring');
    const kafka = add('kafka');
    const nats = add('nats');
    const pub = s().connect(py, kafka);
    const sub = s().connect(kafka, go);
    const other = s().connect(java, nats);
    if (!pub.ok || !sub.ok || !other.ok) throw new Error('connect failed');
    expect(s().design.links[1]?.topic).toBe('python-events');

    s().updateLink(pub.id, { topic: 'orders' }, 'k');
    const topics = () => s().design.links.map((l) => l.topic);
    expect(topics()).toEqual(['orders', 'orders', 'java-events']);
    // the broker's channel was renamed with them, its message kept
    const channels = () => s().design.nodes.find((n) => n.id === kafka)?.channels ?? [];
    expect(channels().map((c) => c.topic)).toEqual(['orders']);

    // A new publisher joins the broker's topic; it can also move to a topic of its own.
    const pub2 = s().connect(java, kafka);
    if (!pub2.ok) throw new Error(pub2.reason);
    expect(topics()).toEqual(['orders', 'orders', 'java-events', 'orders']);
    s().updateLink(pub2.id, { topic: 'audit' }, undefined, { shareTopic: false });
    expect(topics()).toEqual(['orders', 'orders', 'java-events', 'audit']);
    s().updateLink(pub.id, { topic: 'orders-v2' });
    expect(topics()).toEqual(['orders-v2', 'orders-v2', 'java-events', 'audit']);
    // the link that moved took the message along: both topics carry the same one
    expect(channels().map((c) => c.topic)).toEqual(['orders-v2', 'audit']);
    expect(new Set(channels().map((c) => c.message)).size).toBe(1);
  });
});
