import { describe, expect, it } from 'vitest';
import { restore, type Design } from '../core';
import { createDesignStore } from './store';

function setup() {
  let t = 0;
  const store = createDesignStore({ now: () => t });
  const s = () => store.getState();
  const tick = () => (t += 5000);
  const add = (x: number, y: number) => {
    const r = s().addNode('python-fastapi', { x, y });
    if (!r.ok) throw new Error(r.reason);
    tick();
    return r.id;
  };
  /** Drags like React Flow does: begin, several moves, end. */
  const drag = (id: string, to: { x: number; y: number }) => {
    s().beginDrag();
    s().moveNodes(new Map([[id, { x: to.x / 2, y: to.y / 2 }]]));
    s().moveNodes(new Map([[id, to]]));
    s().endDrag();
    tick();
  };
  return { s, add, drag, tick };
}

const boundary = (d: Design) => d.boundaries?.[0];

describe('boundaries', () => {
  it('a card dragged into a boundary joins it, one dragged out leaves it', () => {
    const { s, add, drag, tick } = setup();
    const a = add(1000, 1000);
    const b = add(1000, 1200);
    const r = s().addBoundary({ x: 0, y: 0 });
    if (!r.ok) throw new Error(r.reason);
    tick();
    expect(boundary(s().design)).toMatchObject({ name: 'Bounded context', kind: 'context', members: [] });
    drag(a, { x: 40, y: 60 });
    drag(b, { x: 320, y: 60 });
    expect(boundary(s().design)?.members).toEqual([a, b]);
    drag(b, { x: 2000, y: 60 });
    expect(boundary(s().design)?.members).toEqual([a]);
  });

  it('moving a boundary moves its cards, as one undo step', () => {
    const { s, add, drag } = setup();
    const a = add(40, 60);
    const outside = add(900, 900);
    const r = s().addBoundary({ x: 0, y: 0 });
    if (!r.ok) throw new Error(r.reason);
    expect(boundary(s().design)?.members).toEqual([a]);
    drag(r.id, { x: 100, y: 50 });
    const moved = s().design;
    expect(boundary(moved)?.position).toEqual({ x: 100, y: 50 });
    expect(moved.nodes.find((n) => n.id === a)?.position).toEqual({ x: 140, y: 110 });
    expect(moved.nodes.find((n) => n.id === outside)?.position).toEqual({ x: 900, y: 900 });
    expect(s().undo()).toBe(true);
    expect(boundary(s().design)?.position).toEqual({ x: 0, y: 0 });
    expect(s().design.nodes.find((n) => n.id === a)?.position).toEqual({ x: 40, y: 60 });
  });

  it('renames, recolours and changes kind with checks; delete leaves the cards', () => {
    const { s, add } = setup();
    const a = add(40, 60);
    const r = s().addBoundary({ x: 0, y: 0 });
    if (!r.ok) throw new Error(r.reason);
    expect(s().updateBoundary(r.id, { name: 'Ordering', kind: 'namespace', color: '#10b981' })).toEqual({ ok: true });
    expect(boundary(s().design)).toMatchObject({ name: 'Ordering', kind: 'namespace', color: '#10b981' });
    expect(s().updateBoundary(r.id, { name: '  ' })).toMatchObject({ ok: false });
    expect(s().updateBoundary(r.id, { color: 'red' })).toMatchObject({ ok: false });
    s().removeElements([r.id]);
    expect(s().design.boundaries).toEqual([]);
    expect(s().design.nodes.map((n) => n.id)).toEqual([a]);
    s().undo();
    expect(boundary(s().design)?.name).toBe('Ordering');
  });

  it('removing a card drops it from its boundary', () => {
    const { s, add } = setup();
    const a = add(40, 60);
    s().addBoundary({ x: 0, y: 0 });
    s().removeElements([a]);
    expect(boundary(s().design)?.members).toEqual([]);
  });

  it('resizing a boundary takes in the cards it now covers', () => {
    const { s, add } = setup();
    const r = s().addBoundary({ x: 0, y: 0 });
    if (!r.ok) throw new Error(r.reason);
    const far = add(700, 60);
    s().beginDrag();
    s().resizeBoundary(r.id, { width: 1000, height: 300 });
    s().endDrag();
    expect(boundary(s().design)).toMatchObject({ width: 1000, members: [far] });
  });
});

describe('sticky notes', () => {
  it('adds a note, edits its text, moves and removes it, each undoable', () => {
    const { s, drag } = setup();
    const r = s().addNote({ x: 10, y: 20 });
    if (!r.ok) throw new Error(r.reason);
    expect(s().updateNote(r.id, 'Start here: the gateway')).toEqual({ ok: true });
    expect(s().design.notes?.[0]).toMatchObject({ text: 'Start here: the gateway', position: { x: 10, y: 20 } });
    drag(r.id, { x: 300, y: 300 });
    expect(s().design.notes?.[0]?.position).toEqual({ x: 300, y: 300 });
    s().undo();
    expect(s().design.notes?.[0]?.position).toEqual({ x: 10, y: 20 });
    s().removeElements([r.id]);
    expect(s().design.notes).toEqual([]);
  });
});

describe('restore of boundaries and notes', () => {
  const head = { format: 'polyglot-canvas/design', version: 3, name: 'shop', types: [], links: [] };
  const node = {
    id: 'n1',
    kind: 'python-fastapi',
    name: 'orders',
    position: { x: 0, y: 0 },
    port: 8000,
    grpcPort: 50051,
    replicas: 1,
    env: [],
    description: '',
  };

  it('keeps good ones as they are', () => {
    const b = {
      id: 'b1',
      name: 'Ordering',
      kind: 'team',
      color: '#0ea5e9',
      position: { x: 1, y: 2 },
      width: 400,
      height: 300,
      members: ['n1'],
    };
    const r = restore({
      ...head,
      nodes: [node],
      boundaries: [b],
      notes: [{ id: 'x', text: 'hi', position: { x: 5, y: 6 } }],
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toEqual([]);
    expect(r.design.boundaries).toEqual([b]);
    expect(r.design.notes).toEqual([{ id: 'x', text: 'hi', position: { x: 5, y: 6 } }]);
  });

  it('repairs a corrupt boundary and note with a message, never dropping them silently', () => {
    const r = restore({
      ...head,
      nodes: [node],
      boundaries: [
        {
          id: 'n1',
          name: '',
          kind: 'galaxy',
          color: 'blue',
          position: 'here',
          width: -5,
          height: 'tall',
          members: ['n1', 'ghost'],
        },
        { id: 'b2', name: 'Second', kind: 'trust', position: { x: 0, y: 0 }, width: 300, height: 200, members: ['n1'] },
        42,
      ],
      notes: [{ text: 7, position: null }, 'nope'],
    });
    if (!r.ok) throw new Error(r.error);
    const [first, second] = r.design.boundaries ?? [];
    expect(first).toMatchObject({
      name: 'Boundary 1',
      kind: 'context',
      color: '#6366f1',
      position: { x: 0, y: 0 },
      width: 260,
      height: 120,
      members: ['n1'],
    });
    expect(first?.id).not.toBe('n1');
    expect(second).toMatchObject({ name: 'Second', members: [] });
    expect(r.design.notes).toHaveLength(1);
    expect(r.design.notes?.[0]).toMatchObject({ text: '', position: { x: 0, y: 0 } });
    const text = r.warnings.join('\n');
    for (const bit of [
      'Boundary 1 had no usable name',
      'unknown kind "galaxy"',
      'unreadable colour "blue"',
      'no readable position',
      'unusable width',
      'unusable height',
      '1 card not in the design',
      'already in another boundary',
      'Boundary 3 was 42, not a boundary',
      'The text of note 1',
      'Note 2 was',
    ])
      expect(text).toContain(bit);
  });

  it('opens a file without boundaries or notes as before', () => {
    const r = restore({ ...head, nodes: [node] });
    if (!r.ok) throw new Error(r.error);
    expect(r.design.boundaries).toBeUndefined();
    expect(r.design.notes).toBeUndefined();
  });
});
