import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../templates/builder';
import type { Design } from '../model/types';
import { DEFAULT_NODE_SIZE, LARGE_LAYOUT, buildLayoutGraph, positionsFromLayout } from './layoutGraph';

/** web -> gateway -> api; api gRPC orders; api publishes to kafka, kafka feeds mailer; api uses postgres. */
function shop(): { design: Design; id: (name: string) => string } {
  const b = new DesignBuilder('shop')
    .node('web', 'frontend', 900, 500)
    .node('gateway', 'gateway', 700, 300)
    .node('api', 'python-fastapi', 500, 100)
    .node('orders', 'go-nethttp', 300, 300)
    .node('kafka', 'kafka', 100, 500)
    .node('mailer', 'node-express', 0, 0)
    .node('db', 'postgres', 50, 50)
    .node('loner', 'rust-axum', 400, 400)
    .link('web', 'gateway')
    .link('gateway', 'api')
    .link('api', 'orders', { kind: 'grpc' })
    .link('api', 'kafka', { kind: 'queue', topic: 'orders' })
    .link('kafka', 'mailer', { kind: 'queue', topic: 'orders' })
    .link('api', 'db', { kind: 'database' });
  return { design: b.build(), id: (n) => b.id(n) };
}

describe('buildLayoutGraph', () => {
  it('has one layered, left-to-right child per node and one edge per link in call direction', () => {
    const { design, id } = shop();
    const g = buildLayoutGraph(design);
    expect(g.layoutOptions['elk.algorithm']).toBe('layered');
    expect(g.layoutOptions['elk.direction']).toBe('RIGHT');
    expect(g.children.map((c) => c.id)).toEqual(design.nodes.map((n) => n.id));
    const edges = g.edges.map((e) => [e.sources[0], e.targets[0]]);
    expect(edges).toEqual([
      [id('web'), id('gateway')], // REST, caller -> callee
      [id('gateway'), id('api')],
      [id('api'), id('orders')], // gRPC
      [id('api'), id('kafka')], // queue: publisher -> broker
      [id('kafka'), id('mailer')], // queue: broker -> subscriber
      [id('api'), id('db')], // database: service -> database
    ]);
    expect(g.edges.map((e) => e.id)).toEqual(design.links.map((l) => l.id));
  });

  it('points a database link from the service even when it was stored the other way round', () => {
    const { design, id } = shop();
    const flipped: Design = {
      ...design,
      links: design.links.map((l) => (l.kind === 'database' ? { ...l, source: l.target, target: l.source } : l)),
    };
    const e = buildLayoutGraph(flipped).edges.find((x) => x.targets[0] === id('db') || x.sources[0] === id('db'));
    expect(e).toMatchObject({ sources: [id('api')], targets: [id('db')] });
  });

  it('uses measured sizes and the default for unmeasured or nonsense sizes', () => {
    const { design, id } = shop();
    const sizes = new Map([
      [id('api'), { width: 250.4, height: 71.2 }],
      [id('db'), { width: 0, height: 50 }],
      [id('kafka'), { width: Number.NaN, height: 50 }],
    ]);
    const g = buildLayoutGraph(design, sizes);
    const size = (n: string) => g.children.find((c) => c.id === id(n));
    expect(size('api')).toMatchObject({ width: 251, height: 72 });
    expect(size('db')).toMatchObject(DEFAULT_NODE_SIZE);
    expect(size('kafka')).toMatchObject(DEFAULT_NODE_SIZE);
    expect(size('web')).toMatchObject(DEFAULT_NODE_SIZE);
  });

  it('tries less hard on crossings for a large design', () => {
    const { design } = shop();
    expect(buildLayoutGraph(design).layoutOptions['elk.layered.thoroughness']).toBeUndefined();
    const node = design.nodes[0]!;
    const large: Design = {
      ...design,
      nodes: Array.from({ length: LARGE_LAYOUT + 1 }, (_, i) => ({ ...node, id: `n${i}`, name: `s${i}` })),
    };
    expect(buildLayoutGraph(large).layoutOptions['elk.layered.thoroughness']).toBe('1');
  });

  it('leaves out links whose ends are missing instead of failing', () => {
    const { design } = shop();
    const broken: Design = { ...design, links: [...design.links, { ...design.links[0]!, id: 'x', target: 'gone' }] };
    expect(buildLayoutGraph(broken).edges.map((e) => e.id)).not.toContain('x');
  });
});

describe('positionsFromLayout', () => {
  it('keeps the design’s top-left corner and rounds to whole numbers', () => {
    const { design } = shop();
    const laidOut = {
      children: design.nodes.map((n, i) => ({ id: n.id, x: 12 + i * 300.4, y: 12 + (i % 2) * 100.6 })),
    };
    const moves = positionsFromLayout(design, laidOut);
    expect(moves.size).toBe(design.nodes.length);
    const xs = [...moves.values()].map((p) => p.x);
    const ys = [...moves.values()].map((p) => p.y);
    // The old corner was (0, 0): mailer's position.
    expect(Math.min(...xs)).toBe(0);
    expect(Math.min(...ys)).toBe(0);
    expect([...xs, ...ys].every(Number.isInteger)).toBe(true);
    expect(moves.get(design.nodes[1]!.id)).toEqual({ x: 300, y: 101 });
  });

  it('refuses an answer that leaves a node without a position', () => {
    const { design } = shop();
    const laidOut = { children: design.nodes.slice(1).map((n) => ({ id: n.id, x: 0, y: 0 })) };
    expect(() => positionsFromLayout(design, laidOut)).toThrow(/no position for 1 node/);
  });
});
