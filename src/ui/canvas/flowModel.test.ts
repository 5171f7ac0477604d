import { describe, expect, it } from 'vitest';
import { addNode, connect, emptyDesign, moveNodes, updateNode, type Design } from '../../core';
import {
  CARD_HANDLES,
  NODE_SIZE,
  createFlowModel,
  drawnSides,
  linkLabel,
  linkSides,
  type LinkFlowEdge,
} from './flowModel';

function design(): Design {
  let d = emptyDesign();
  for (const kind of ['python-fastapi', 'go-nethttp', 'kafka'] as const) {
    const r = addNode(d, { kind, position: { x: d.nodes.length * 250, y: 0 }, id: kind });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
  }
  for (const [source, target] of [
    ['python-fastapi', 'go-nethttp'],
    ['python-fastapi', 'kafka'],
    ['kafka', 'go-nethttp'],
  ] as const) {
    const r = connect(d, { source, target, id: `${source}>${target}` });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
  }
  return d;
}

describe('flow model', () => {
  it('replaces only the moved node object, and keeps its card data when only the position changed', () => {
    const model = createFlowModel();
    const d = design();
    const none = new Set<string>();
    const before = model.nodes(d.nodes, none);
    const edgesBefore = model.edges(d.links, d.nodes, none);
    const moved = moveNodes(d, new Map([['go-nethttp', { x: 260, y: 40 }]]));
    const after = model.nodes(moved.nodes, none);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]?.position).toEqual({ x: 260, y: 40 });
    expect(after[1]?.data).toBe(before[1]?.data);
    // Every card has the same known size and handles, so React Flow can draw links to cards it has not drawn.
    expect(after[1]?.measured).toEqual(NODE_SIZE);
    expect(after[1]?.handles?.map((h) => h.id)).toEqual([
      'in',
      'in-top',
      'out',
      'out-bottom',
      'out-left',
      'in-right',
      'out-top',
      'in-bottom',
    ]);
    const edgesAfter = model.edges(moved.links, moved.nodes, none);
    // The same array, so React Flow does not rebuild its edge lookups on every drag step.
    expect(edgesAfter).toBe(edgesBefore);
  });

  it('hands over a new edge array when a link changes, and the same node array when nothing moved', () => {
    const model = createFlowModel();
    const d = design();
    const none = new Set<string>();
    const nodes = model.nodes(d.nodes, none);
    expect(model.nodes([...d.nodes], none)).toBe(nodes);
    const edges = model.edges(d.links, d.nodes, none);
    const picked = model.edges(d.links, d.nodes, new Set([d.links[0]?.id ?? '']));
    expect(picked).not.toBe(edges);
    expect(picked[0]?.selected).toBe(true);
    expect(picked[1]).toBe(edges[1]);
  });

  it('gives a renamed node new data, and a selected node a new object', () => {
    const model = createFlowModel();
    const d = design();
    const before = model.nodes(d.nodes, new Set());
    const renamed = updateNode(d, 'kafka', { name: 'events' });
    if (!renamed.ok) throw new Error(renamed.reason);
    const after = model.nodes(renamed.design.nodes, new Set(['python-fastapi']));
    expect(after[2]?.data.name).toBe('events');
    expect(after[2]?.data).not.toBe(before[2]?.data);
    expect(after[0]?.selected).toBe(true);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
  });

  it('gives only the nodes whose finding changed new objects, with the finding in their data', () => {
    const model = createFlowModel();
    const d = design();
    const none = new Set<string>();
    const before = model.nodes(d.nodes, none);
    const checked = model.nodes(d.nodes, none, new Map([['kafka', 'warning' as const]]));
    expect(checked[0]).toBe(before[0]);
    expect(checked[1]).toBe(before[1]);
    expect(checked[2]?.data.check).toBe('warning');
    expect(before[2]?.data.check).toBeUndefined();
    const again = model.nodes(d.nodes, none, new Map([['kafka', 'warning' as const]]));
    expect(again).toBe(checked);
    const cleared = model.nodes(d.nodes, none);
    expect(cleared[2]?.data.check).toBeUndefined();
    expect(cleared[0]).toBe(before[0]);
  });

  it('labels links by kind and queue direction', () => {
    const d = design();
    const model = createFlowModel();
    const labels = model.edges(d.links, d.nodes, new Set()).map((e) => e.data?.label);
    expect(labels).toEqual(['REST', 'publish python-events', 'subscribe python-events']);
    const grpc = { ...d.links[0]!, kind: 'grpc' as const };
    expect(linkLabel(grpc, 'python-fastapi')).toBe('gRPC');
  });
});

describe('link sides', () => {
  const at = (id: string, x: number, y: number) => ({ ...design().nodes[0]!, id, position: { x, y } });
  it('leaves on the side facing the target, so a link never cuts through a card', () => {
    expect(linkSides(at('a', 0, 0), at('b', 400, 80))).toEqual(['out', 'in']);
    expect(linkSides(at('a', 400, 0), at('b', 0, 30))).toEqual(['out-left', 'in-right']);
    expect(linkSides(at('a', 0, 0), at('b', 20, 300))).toEqual(['out-bottom', 'in-top']);
    expect(linkSides(at('a', 0, 300), at('b', -10, 0))).toEqual(['out-top', 'in-bottom']);
  });

  it("names no handles on the usual sides, where React Flow takes a card's first ones: out and in", () => {
    expect(CARD_HANDLES.find((h) => h.type === 'source')?.id).toBe('out');
    expect(CARD_HANDLES.find((h) => h.type === 'target')?.id).toBe('in');
    const edges = createFlowModel().edges(design().links, design().nodes, new Set());
    // The third link runs from kafka back to the Go service on its left.
    expect(edges.map((e) => [e.sourceHandle, e.targetHandle])).toEqual([
      [null, null],
      [null, null],
      ['out-left', 'in-right'],
    ]);
    expect(edges.map(drawnSides)).toEqual([
      ['out', 'in'],
      ['out', 'in'],
      ['out-left', 'in-right'],
    ]);
  });

  it('places every handle at whole pixels (React Flow would box a half pixel per handle per card)', () => {
    for (const h of CARD_HANDLES) expect([h.x, h.y].every(Number.isInteger), String(h.id)).toBe(true);
  });

  it('keeps an edge when a moved card flips its sides, and gives the sides it is drawn on', () => {
    const model = createFlowModel();
    const d = design();
    const first = model.edges(d.links, d.nodes, new Set());
    const nudged = moveNodes(d, new Map([['go-nethttp', { x: 260, y: 10 }]]));
    const second = model.edges(nudged.links, nudged.nodes, new Set());
    expect(second).toBe(first);
    expect(drawnSides(second[0]!)).toEqual(['out', 'in']);
    // Passing a neighbour flips the link's sides: React Flow keeps its edges, the link is drawn
    // from the new sides.
    const flipped = moveNodes(d, new Map([['go-nethttp', { x: -400, y: 0 }]]));
    const third = model.edges(flipped.links, flipped.nodes, new Set());
    expect(third).toBe(first);
    expect(drawnSides(third[0]!)).toEqual(['out-left', 'in-right']);
    expect(drawnSides(third[1]!)).toEqual(drawnSides(first[1]!));
    // Back where it was: drawn from its handles again.
    const back = moveNodes(d, new Map([['go-nethttp', { x: 260, y: 10 }]]));
    expect(model.edges(back.links, back.nodes, new Set())).toBe(first);
    expect(third[0]?.data?.live).toBeUndefined();
    // Anything else that remakes the edge (here, selecting the link) gives it the handles it is drawn on.
    model.edges(flipped.links, flipped.nodes, new Set());
    const picked = model.edges(flipped.links, flipped.nodes, new Set([d.links[0]!.id]));
    expect(picked[0]).not.toBe(first[0]);
    expect([picked[0]?.sourceHandle, picked[0]?.targetHandle]).toEqual(['out-left', 'in-right']);
    expect(picked[0]?.data?.live).toBeUndefined();
    // The presenter's cards are drawn from their handles alone.
    const presented = createFlowModel();
    const card = { width: 300, height: 76 };
    presented.edges(d.links, d.nodes, new Set(), card);
    const moved = presented.edges(flipped.links, flipped.nodes, new Set(), card);
    expect([moved[0]?.sourceHandle, moved[0]?.targetHandle]).toEqual(['out-left', 'in-right']);
    expect(moved[0]?.data?.live).toBeUndefined();
  });
  it('gives after any sequence of moves, edits and selections what a new model gives for the same design', () => {
    const model = createFlowModel();
    let d = design();
    let selected = new Set<string>();
    const ids = d.nodes.map((n) => n.id);
    // mulberry32: the same moves on every run.
    let seed = 7;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (let step = 0; step < 200; step++) {
      const id = ids[Math.floor(random() * ids.length)] ?? '';
      if (step % 17 === 16) {
        const r = updateNode(d, id, { name: `renamed-${step}` });
        if (r.ok) d = r.design;
      } else
        d = moveNodes(d, new Map([[id, { x: Math.round(random() * 800) - 300, y: Math.round(random() * 400) - 200 }]]));
      if (step % 5 === 0) {
        const all = [...ids, ...d.links.map((l) => l.id)];
        selected = new Set(all.filter(() => random() < 0.3));
      }
      const fresh = createFlowModel();
      expect(model.nodes(d.nodes, selected)).toEqual(fresh.nodes(d.nodes, selected));
      // The same edges, each drawn on the same sides (a moved card's links may keep their handles
      // and be drawn from their live sides).
      const drawn = (es: LinkFlowEdge[]) =>
        es.map((e) => {
          const [sourceHandle, targetHandle] = drawnSides(e);
          return { ...e, sourceHandle, targetHandle, data: { ...e.data, live: undefined } };
        });
      expect(drawn(model.edges(d.links, d.nodes, selected))).toEqual(drawn(fresh.edges(d.links, d.nodes, selected)));
    }
  });
});
