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
 * The strongly connected components of a directed graph (Tarjan's algorithm, without recursion so
 * a long chain cannot overflow the stack), as a component number per node. Every cycle lies
 * inside one component, so a cycle search need not leave it.
 */
export function components(adj: Map<string, DesignLink[]>, order: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const comp = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let next = 0;
  let count = 0;
  for (const root of order) {
    if (index.has(root)) continue;
    const work: [node: string, edge: number][] = [[root, 0]];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [node, i] = top;
      const out = adj.get(node) ?? [];
      if (i < out.length) {
        top[1] = i + 1;
        const t = out[i]!.target;
        if (!index.has(t)) {
          index.set(t, next);
          low.set(t, next++);
          stack.push(t);
          onStack.add(t);
          work.push([t, 0]);
        } else if (onStack.has(t)) low.set(node, Math.min(low.get(node)!, index.get(t)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(node)!));
      if (low.get(node) === index.get(node)) {
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          comp.set(member, count);
        } while (member !== node);
        count++;
      }
    }
  }
  return comp;
}

/**
 * The cycles of a directed graph, each once, as lists of links (Johnson-lite: a DFS from each
 * node that only visits nodes after it in order, so every cycle is found from its first node).
 * The search stays inside the start's strongly connected component, where all its cycles are,
 * and skips nodes that are on no cycle, so a large acyclic part costs one linear pass.
 * Capped in cycles and in steps, per start and in all, so a dense or huge design cannot make the
 * checker slow.
 */
export function cycles(adj: Map<string, DesignLink[]>, order: readonly string[], cap = 20): DesignLink[][] {
  const index = new Map(order.map((id, i) => [id, i]));
  const comp = components(adj, order);
  const size = new Map<number, number>();
  for (const c of comp.values()) size.set(c, (size.get(c) ?? 0) + 1);
  const found: DesignLink[][] = [];
  let left = 200_000;
  for (const start of order) {
    if (left <= 0) break;
    const c = comp.get(start);
    const selfLoop = (adj.get(start) ?? []).some((l) => l.target === start);
    if (c === undefined || ((size.get(c) ?? 0) < 2 && !selfLoop)) continue;
    const startIdx = index.get(start) ?? 0;
    const stack: DesignLink[] = [];
    const onPath = new Set<string>([start]);
    const dfs = (node: string, budget: { steps: number }) => {
      if (found.length >= cap || budget.steps-- <= 0 || left-- <= 0) return;
      for (const l of adj.get(node) ?? []) {
        const t = l.target;
        if (t === start) {
          found.push([...stack, l]);
          if (found.length >= cap) return;
        } else if (!onPath.has(t) && comp.get(t) === c && (index.get(t) ?? -1) > startIdx) {
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
