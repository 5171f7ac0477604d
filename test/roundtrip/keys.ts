import { parseDocument } from 'yaml';

/**
 * Counting the keys of a compose file, every leaf by its path (`services.db.environment.POSTGRES_USER`),
 * so a round trip can be measured: how many of the file's keys come back with the same value.
 * Environment and label lists (`- KEY=value`) count as mappings, as compose reads them.
 */

export type Leaves = Map<string, unknown>;

const MAPPING_LISTS = new Set(['environment', 'labels', 'args', 'annotations', 'sysctls']);

export function leavesOf(text: string): Leaves {
  const out: Leaves = new Map();
  const root = parseDocument(text, { merge: true }).toJS({ maxAliasCount: -1 }) as unknown;
  walk(root, [], out);
  return out;
}

function walk(v: unknown, path: string[], out: Leaves): void {
  const last = path[path.length - 1] ?? '';
  if (Array.isArray(v) && MAPPING_LISTS.has(last) && v.every((x) => typeof x === 'string')) {
    for (const item of v as string[]) {
      const eq = item.indexOf('=');
      out.set([...path, eq < 0 ? item : item.slice(0, eq)].join('.'), eq < 0 ? null : item.slice(eq + 1));
    }
    if (v.length === 0) out.set(path.join('.'), []);
    return;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) out.set(path.join('.'), []);
    v.forEach((x, i) => walk(x, [...path, `[${i}]`], out));
    return;
  }
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v);
    if (entries.length === 0) out.set(path.join('.'), {});
    for (const [k, x] of entries) walk(x, [...path, k], out);
    return;
  }
  out.set(path.join('.'), v);
}

/** The service keys of `before` that `after` lacks or holds with another value. */
export function lostOrChanged(before: Leaves, after: Leaves, prefix = 'services.'): string[] {
  const out: string[] = [];
  for (const [k, v] of before) {
    if (!k.startsWith(prefix)) continue;
    if (!after.has(k)) out.push(`${k} (missing)`);
    else if (String(after.get(k)) !== String(v))
      out.push(`${k}: ${JSON.stringify(v)} -> ${JSON.stringify(after.get(k))}`);
  }
  return out;
}
