import { LINK_KINDS, isRuntime } from '../catalog/catalog';
import type { Design, DesignLink } from '../model/types';

/** Synchronous service-to-service calls (REST and gRPC), as adjacency lists by node id. */
export function syncCalls(design: Design): Map<string, DesignLink[]> {
  const services = new Set(design.nodes.filter((n) => isRuntime(n.kind)).map((n) => n.id));
  const out = new Map<string, DesignLink[]>();
  for (const l of design.links) {
    if (!LINK_KINDS[l.kind].sync || l.kind === 'database') continue;
    if (!services.has(l.source) || !services.has(l.target)) continue;
    const list = out.get(l.source) ?? [];
    list.push(l);
    out.set(l.source, list);
  }
  return out;
}

/**
 * The cycles of a directed graph, each once, as lists of links (Johnson-lite: a DFS from each
 * node that only visits nodes after it in order, so every cycle is found from its first node).
 * Capped so a dense design cannot make the checker slow.
 */
export function cycles(adj: Map<string, DesignLink[]>, order: readonly string[], cap = 20): DesignLink[][] {
  const index = new Map(order.map((id, i) => [id, i]));
  const found: DesignLink[][] = [];
  for (const start of order) {
    const startIdx = index.get(start) ?? 0;
    const stack: DesignLink[] = [];
    const onPath = new Set<string>([start]);
    const dfs = (node: string, budget: { steps: number }) => {
      if (found.length >= cap || budget.steps-- <= 0) return;
      for (const l of adj.get(node) ?? []) {
        const t = l.target;
        if (t === start) {
          found.push([...stack, l]);
          if (found.length >= cap) return;
        } else if (!onPath.has(t) && (index.get(t) ?? -1) > startIdx) {
          onPath.add(t);
          stack.push(l);
          dfs(t, budget);
          stack.pop();
          onPath.delete(t);
        }
      }
    };
    dfs(start, { steps: 5000 });
    if (found.length >= cap) break;
  }
  return found;
}

/** The longest chain of synchronous calls from each node (cycles are cut), with its links. */
export function longestChains(adj: Map<string, DesignLink[]>, order: readonly string[]): Map<string, DesignLink[]> {
  const memo = new Map<string, DesignLink[]>();
  const visiting = new Set<string>();
  const longest = (node: string): DesignLink[] => {
    const known = memo.get(node);
    if (known) return known;
    if (visiting.has(node)) return [];
    visiting.add(node);
    let best: DesignLink[] = [];
    for (const l of adj.get(node) ?? []) {
      if (visiting.has(l.target)) continue;
      const rest = longest(l.target);
      if (rest.length + 1 > best.length) best = [l, ...rest];
    }
    visiting.delete(node);
    memo.set(node, best);
    return best;
  };
  for (const id of order) longest(id);
  return memo;
}
