import {
  addNode,
  connect,
  emptyDesign,
  type Design,
  type DesignLink,
  type DesignNode,
  type NodeKind,
} from '../src/core';

/** Runnable runtimes only, so that every service of a bench design is exported with a stub. */
const KINDS: NodeKind[] = ['python-fastapi', 'go-nethttp', 'node-express', 'java-spring', 'rust-axum', 'python-flask'];
const COLUMNS = 40;
const STEP_X = 300;
const STEP_Y = 140;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A design of `services` services on a grid with about 1.5 links per service (REST or gRPC),
 * each link going to a near neighbour so the picture stays readable. Same seed, same design.
 */
export function benchDesign(services: number, seed = 1): Design {
  const rand = rng(seed * 7919 + services);
  // Each node and link comes from the pure ops (so it has every default an edit gives it), made
  // against a tiny design and put into the big one directly: the ops scan the whole design on each
  // call, which would make a 2,000-service design take seconds.
  const nodes: DesignNode[] = [];
  for (let i = 0; i < services; i++) {
    const kind = KINDS[Math.floor(rand() * KINDS.length)] ?? 'python-fastapi';
    const position = { x: 40 + (i % COLUMNS) * STEP_X, y: 40 + Math.floor(i / COLUMNS) * STEP_Y };
    const r = addNode(emptyDesign(), { kind, id: `n${i}`, name: `svc-${i}`, position });
    if (!r.ok) throw new Error(r.reason);
    const node = r.design.nodes[0];
    if (!node) throw new Error('addNode made no node');
    nodes.push({ ...node, port: 10000 + i });
  }
  const links: DesignLink[] = [];
  const types: Design['types'] = [];
  const seen = new Set<string>();
  const wanted = Math.round(services * 1.5);
  // Mostly the next card in the row or the one below, sometimes a step further.
  const offsets = [1, COLUMNS, COLUMNS + 1, 2, COLUMNS - 1];
  for (let tries = 0; links.length < wanted && tries < wanted * 10; tries++) {
    const s = nodes[Math.floor(rand() * services)];
    const t = s && nodes[Number(s.id.slice(1)) + (offsets[Math.floor(rand() * offsets.length)] ?? 1)];
    const kind = rand() < 0.7 ? 'rest' : 'grpc';
    if (!s || !t || seen.has(`${s.id}>${t.id}`)) continue;
    const pair: Design = { ...emptyDesign(), nodes: [s, t] };
    const r = connect(pair, { source: s.id, target: t.id, kind, id: `l${links.length}` });
    if (!r.ok) continue;
    seen.add(`${s.id}>${t.id}`);
    links.push(r.link);
    // a target that served nothing of this kind got a starter endpoint or RPC, with its messages
    const target = r.design.nodes[1];
    if (target && target !== t) nodes[Number(t.id.slice(1))] = target;
    types.push(...r.design.types);
  }
  return { ...emptyDesign(`bench-${services}`), nodes, links, types };
}
