import { describe, expect, it } from 'vitest';
import { addNode, connect, moveNodes, updateNode } from '../ops/ops';
import { sameExceptLayout } from './layout';
import { emptyDesign, type Design } from './types';

function twoServices(): Design {
  let d = emptyDesign('t');
  for (const [kind, name] of [
    ['go-nethttp', 'a'],
    ['rust-axum', 'b'],
  ] as const) {
    const r = addNode(d, { kind, name, position: { x: 0, y: 0 } });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
  }
  return d;
}

describe('sameExceptLayout', () => {
  const d = twoServices();
  const [a, b] = d.nodes;
  if (!a || !b) throw new Error('nodes missing');

  it('ignores moves and the viewport', () => {
    const moved = moveNodes(d, new Map([[a.id, { x: 500, y: 9 }]]));
    expect(moved).not.toBe(d);
    expect(sameExceptLayout(d, moved)).toBe(true);
    expect(sameExceptLayout(d, { ...d, viewport: { x: 1, y: 2, zoom: 2 } })).toBe(true);
  });

  it('sees every edit that can change the output', () => {
    const edits = [
      updateNode(d, a.id, { name: 'alpha' }),
      updateNode(d, a.id, { port: 9999 }),
      updateNode(d, a.id, { grpcPort: 50099 }),
      updateNode(d, a.id, { replicas: 3 }),
      updateNode(d, a.id, { env: [{ key: 'X', value: '1' }] }),
      updateNode(d, a.id, { description: 'does things' }),
      updateNode(d, a.id, { kind: 'python-flask' }),
      updateNode(d, a.id, { image: 'ghcr.io/acme/alpha:1.2' }),
      updateNode(d, a.id, { hostPort: 18080 }),
      connect(d, { source: a.id, target: b.id }),
    ];
    for (const e of edits) {
      if (!e.ok) throw new Error(e.reason);
      expect(sameExceptLayout(d, e.design)).toBe(false);
    }
    expect(sameExceptLayout(d, { ...d, name: 'other' })).toBe(false);
    expect(sameExceptLayout(d, { ...d, nodes: d.nodes.slice(1) })).toBe(false);
    expect(sameExceptLayout(d, { ...d, presentation: { order: [b.id, a.id] } })).toBe(false);
  });
});
