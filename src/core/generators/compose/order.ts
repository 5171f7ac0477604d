/**
 * Start order without cycles. A design may legally have A -> B and B -> A (two services calling
 * each other), but compose refuses a cyclic `depends_on`. A depth-first walk in a stable order
 * (nodes and their edges as given) keeps every edge that does not close a cycle and drops the
 * back edges; the result is acyclic and the same for the same input. Both services of a REST
 * cycle still start, one after the other; the stubs retry calls, so nothing is lost.
 */

/**
 * The edges of `graph` (node -> the nodes it waits for, in preference order) minus the back edges
 * of a stable depth-first search. Nodes missing from `graph` have no edges.
 */
export function acyclic(
  order: readonly string[],
  graph: ReadonlyMap<string, readonly string[]>,
): Map<string, string[]> {
  const kept = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (start: string) => {
    // iterative, so 5000 nodes in a chain do not overflow the stack
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 'open');
    kept.set(start, []);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = graph.get(top.node) ?? [];
      if (top.next >= edges.length) {
        state.set(top.node, 'done');
        stack.pop();
        continue;
      }
      const to = edges[top.next++]!;
      const s = state.get(to);
      const mine = kept.get(top.node)!;
      if (s === 'open' || mine.includes(to)) continue; // a back edge would close a cycle
      mine.push(to);
      if (s === undefined) {
        state.set(to, 'open');
        kept.set(to, []);
        stack.push({ node: to, next: 0 });
      }
    }
  };
  for (const n of order) if (!state.has(n)) visit(n);
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return kept;
}
