import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE_SIZE, type Design, type LaidOutGraph } from '../core';
import { DesignBuilder } from '../core/templates/builder';
import { createAutoLayout, type LayoutEngine } from './autoLayout';
import { createDesignStore } from './store';

const elk = new ELK();
/** The real layout engine, in this process instead of a worker. */
const elkEngine: LayoutEngine = (graph) => elk.layout(graph) as Promise<LaidOutGraph>;

function shop() {
  const b = new DesignBuilder('shop')
    .node('web', 'frontend', 900, 500)
    .node('gateway', 'gateway', 700, 300)
    .node('api', 'python-fastapi', 500, 100)
    .node('orders', 'go-nethttp', 300, 300)
    .node('kafka', 'kafka', 100, 500)
    .node('mailer', 'node-express', 40, 20)
    .node('db', 'postgres', 50, 50)
    .node('loner', 'rust-axum', 500, 100)
    .node('loner-2', 'java-spring', 500, 100)
    .link('web', 'gateway')
    .link('gateway', 'api')
    .link('api', 'orders', { kind: 'grpc' })
    .link('api', 'kafka', { kind: 'queue', topic: 'orders' })
    .link('kafka', 'mailer', { kind: 'queue', topic: 'orders' })
    .link('api', 'db', { kind: 'database' });
  return { design: b.build(), id: (n: string) => b.id(n) };
}

function setup(engine: LayoutEngine = elkEngine) {
  let t = 0;
  const { design, id } = shop();
  const store = createDesignStore({ design, now: () => (t += 5000) });
  return { store, s: () => store.getState(), id, layout: createAutoLayout(engine) };
}

const pos = (d: Design) => new Map(d.nodes.map((n) => [n.name, n.position]));

function overlaps(d: Design): string[] {
  const { width: w, height: h } = DEFAULT_NODE_SIZE;
  const found: string[] = [];
  for (const a of d.nodes)
    for (const b of d.nodes)
      if (a.id < b.id && Math.abs(a.position.x - b.position.x) < w && Math.abs(a.position.y - b.position.y) < h)
        found.push(`${a.name}/${b.name}`);
  return found;
}

describe('auto-layout', () => {
  it('lays the design out in call direction, places every node, and overlaps none', async () => {
    const { store, s, layout } = setup();
    expect(overlaps(s().design)).not.toEqual([]);
    expect(await layout.run(store)).toBe('applied');
    const p = pos(s().design);
    const x = (n: string) => p.get(n)!.x;
    expect(x('web')).toBeLessThan(x('gateway'));
    expect(x('gateway')).toBeLessThan(x('api'));
    expect(x('api')).toBeLessThan(x('orders'));
    expect(x('api')).toBeLessThan(x('kafka'));
    expect(x('kafka')).toBeLessThan(x('mailer'));
    expect(x('api')).toBeLessThan(x('db'));
    expect(overlaps(s().design)).toEqual([]);
    // The corner the design had stays where it was.
    expect(Math.min(...[...p.values()].map((q) => q.x))).toBe(40);
    expect(Math.min(...[...p.values()].map((q) => q.y))).toBe(20);
  });

  it('is one undo step; undo restores every position and redo reapplies them', async () => {
    const { store, s, layout } = setup();
    const before = s().design;
    const steps = s().history.past.length;
    await layout.run(store);
    const after = s().design;
    expect(s().history.past.length).toBe(steps + 1);
    expect(after.links).toBe(before.links);
    expect(s().undo()).toBe(true);
    expect(pos(s().design)).toEqual(pos(before));
    expect(s().redo()).toBe(true);
    expect(pos(s().design)).toEqual(pos(after));
  });

  it('adds no step when the design is already laid out', async () => {
    const { store, s, layout } = setup();
    await layout.run(store);
    const steps = s().history.past.length;
    const design = s().design;
    expect(await layout.run(store)).toBe('unchanged');
    expect(s().design).toBe(design);
    expect(s().history.past.length).toBe(steps);
  });

  it('ignores a second run while one is under way, and says when it is busy', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const { store, s, layout } = setup(async (g) => {
      calls++;
      await gate;
      return elkEngine(g);
    });
    const first = layout.run(store);
    expect(layout.status.getState().running).toBe(true);
    expect(await layout.run(store)).toBe('busy');
    release();
    expect(await first).toBe('applied');
    expect(calls).toBe(1);
    expect(layout.status.getState().running).toBe(false);
    expect(s().history.past.length).toBe(1);
  });

  it('on an engine failure leaves the design unchanged and shows an error notice', async () => {
    const { store, s, layout } = setup(() => Promise.reject(new Error('The layout engine could not run.')));
    const before = s().design;
    expect(await layout.run(store)).toBe('failed');
    expect(s().design).toBe(before);
    expect(s().history.past).toEqual([]);
    expect(s().notices).toMatchObject([
      {
        tone: 'error',
        title: 'Auto-layout failed',
        text: 'The layout engine could not run. Your design was not changed.',
      },
    ]);
    expect(layout.status.getState().running).toBe(false);
  });

  it('does not apply a layout made for nodes that were deleted meanwhile', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { store, s, id, layout } = setup(async (g) => {
      await gate;
      return elkEngine(g);
    });
    const running = layout.run(store);
    s().removeElements([id('loner')]);
    const design = s().design;
    release();
    expect(await running).toBe('stale');
    expect(s().design).toBe(design);
    expect(s().notices[0]).toMatchObject({ tone: 'info', title: 'Auto-layout skipped' });
  });

  it('does nothing on an empty design', async () => {
    const store = createDesignStore();
    expect(await createAutoLayout(elkEngine).run(store)).toBe('empty');
    expect(store.getState().history.past).toEqual([]);
  });
});
