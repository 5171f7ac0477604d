import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DesignLink } from '../model/types';
import { components, cycles } from './graph';

const link = (source: string, target: string, i: number): DesignLink =>
  ({ id: `l${i}`, kind: 'rest', source, target }) as DesignLink;

function graph(edges: readonly (readonly [number, number])[]): Map<string, DesignLink[]> {
  const adj = new Map<string, DesignLink[]>();
  edges.forEach(([s, t], i) => {
    const list = adj.get(`n${s}`) ?? [];
    list.push(link(`n${s}`, `n${t}`, i));
    adj.set(`n${s}`, list);
  });
  return adj;
}

/** Every simple cycle, by brute force: the reference the search must agree with. */
function allCycles(adj: Map<string, DesignLink[]>, order: readonly string[]): Set<string> {
  const out = new Set<string>();
  const index = new Map(order.map((id, i) => [id, i]));
  for (const start of order) {
    const walk = (node: string, path: DesignLink[], seen: Set<string>) => {
      for (const l of adj.get(node) ?? []) {
        if (l.target === start) out.add([...path, l].map((x) => x.id).join(','));
        else if (!seen.has(l.target) && (index.get(l.target) ?? -1) > (index.get(start) ?? 0))
          walk(l.target, [...path, l], new Set([...seen, l.target]));
      }
    };
    walk(start, [], new Set([start]));
  }
  return out;
}

const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `n${i}`);

/** A random directed graph of 1 to `maxNodes` nodes (n0, n1, …) and up to `maxEdges` links, loops and repeats included. */
const randomGraph = (maxNodes: number, maxEdges: number) =>
  fc
    .integer({ min: 1, max: maxNodes })
    .chain((n) =>
      fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: maxEdges }).map((edges) => ({ n, edges })),
    )
    .map(({ n, edges }) => ({ adj: graph(edges), order: names(n) }));

describe('cycles', () => {
  it('finds exactly the simple cycles of small random graphs', () => {
    fc.assert(
      fc.property(randomGraph(7, 14), ({ adj, order }) => {
        const want = allCycles(adj, order);
        const got = cycles(adj, order, 10_000).map((c) => c.map((l) => l.id).join(','));
        expect(new Set(got)).toEqual(want);
        expect(got.length).toBe(want.size);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a self-loop and ignores nodes on no cycle', () => {
    const adj = graph([
      [0, 1],
      [1, 2],
      [2, 2],
      [3, 0],
    ]);
    expect(cycles(adj, ['n0', 'n1', 'n2', 'n3']).map((c) => c.map((l) => l.id))).toEqual([['l2']]);
  });

  it('handles a chain of 20,000 services without running out of stack', () => {
    const n = 20_000;
    const edges = Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const);
    const adj = graph([...edges, [n - 1, 0]]);
    const order = names(n);
    const comp = components(adj, order);
    expect(new Set(comp.values()).size).toBe(1);
    // One component: the search finds the one cycle if its budget allows, and never throws.
    expect(() => cycles(adj, order)).not.toThrow();
  });
});

describe('components', () => {
  it('puts two nodes in one component exactly when each reaches the other', () => {
    fc.assert(
      fc.property(randomGraph(8, 16), ({ adj, order }) => {
        const reach = (from: string) => {
          const seen = new Set([from]);
          const todo = [from];
          while (todo.length)
            for (const l of adj.get(todo.pop()!) ?? [])
              if (!seen.has(l.target)) todo.push((seen.add(l.target), l.target));
          return seen;
        };
        const comp = components(adj, order);
        for (const a of order)
          for (const b of order) expect(comp.get(a) === comp.get(b)).toBe(reach(a).has(b) && reach(b).has(a));
      }),
      { numRuns: 200 },
    );
  });
});
