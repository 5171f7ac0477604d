import { INFRA, RUNTIMES, describeKind, isRuntime, type DesignNode } from '../../core';

/** A node the find box offers. */
export interface FoundNode {
  id: string;
  name: string;
  /** The kind's label, e.g. "Go · net/http" or "Kafka". */
  kind: string;
  mark: string;
  color: string;
}

/** What a search gives: the first `limit` matches, best first, and how many there are in all. */
export interface FindResult {
  hits: FoundNode[];
  total: number;
}

/** The words a node's kind is known by: its label, framework or product, language, keywords, image. */
function kindWords(node: DesignNode): string {
  const d = describeKind(node.kind);
  const more = isRuntime(node.kind)
    ? [RUNTIMES[node.kind].framework, RUNTIMES[node.kind].language]
    : [INFRA[node.kind].product];
  return [d.label, ...more, ...d.keywords, node.image ?? ''].join(' ').toLowerCase();
}

/**
 * The nodes a query finds. Every word of the query must appear in the node's name or the words
 * its kind is known by (case ignored). A name equal to the query
 * comes first, then names that start with it, then names that contain it, then matches by whole
 * words of the kind (language, framework, product), then by parts of those words; each group by name. An empty query lists every node by name.
 */
export function findNodes(nodes: readonly DesignNode[], query: string, limit = 50): FindResult {
  const q = query.trim().toLowerCase();
  const terms = q.split(/\s+/).filter(Boolean);
  const ranked: { node: DesignNode; rank: number; name: string }[] = [];
  for (const node of nodes) {
    const name = node.name.toLowerCase();
    let rank: number;
    if (q === '' || name === q) rank = 0;
    else if (name.startsWith(q)) rank = 1;
    else if (name.includes(q)) rank = 2;
    else {
      const kind = kindWords(node);
      const haystack = `${name} ${kind}`;
      if (!terms.every((t) => haystack.includes(t))) continue;
      // "java" is the language of Java · Spring Boot, and only part of "javascript": whole words
      // of the kind (its language, runtime, product) rank before parts of words.
      const words = new Set(haystack.split(/[^a-z0-9#+]+/));
      rank = terms.every((t) => name.includes(t)) ? 2 : terms.every((t) => words.has(t)) ? 3 : 4;
    }
    ranked.push({ node, rank, name });
  }
  ranked.sort(
    (a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.node.id < b.node.id ? -1 : 1),
  );
  const hits = ranked.slice(0, limit).map(({ node }): FoundNode => {
    const d = describeKind(node.kind);
    return { id: node.id, name: node.name, kind: d.label, mark: d.mark, color: d.color };
  });
  return { hits, total: ranked.length };
}
