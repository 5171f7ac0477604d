import type { Design, DesignType } from '../../model/types';
import { IdPool } from './ids';
import { typeFullName } from './names';
import { remapType } from './refs';

export interface TypeMerge {
  types: DesignType[];
  /** Imported type id → the design's id for it. */
  ids: Map<string, string>;
  added: number;
  updated: number;
  error?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Puts imported types into the design's list. A type matches an existing one by full protobuf
 * name (package, parents, name): it takes the existing id, so references to it keep working, and
 * the imported definition (named in a warning when it differs). Two imported types with one full
 * name are one type: the first is kept, a different second is named.
 */
export function mergeTypes(
  design: Design,
  incoming: readonly DesignType[],
  ownerNode: (key: string) => string | undefined,
  warn: (w: string) => void,
): TypeMerge {
  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  const existing = new Map(design.types.map((t) => [t.id, t]));
  const byFull = new Map(design.types.map((t) => [typeFullName(design.name, t, existing, nodes), t]));
  const owned = incoming.map((t) => {
    if (t.owner === undefined) return t;
    const owner = ownerNode(t.owner);
    const { owner: _, ...rest } = t;
    return owner === undefined ? rest : { ...rest, owner };
  });
  const importedById = new Map(owned.map((t) => [t.id, t]));
  const pool = new IdPool(design.types.map((t) => t.id));
  const ids = new Map<string, string>();
  const fullOf = new Map<string, string>();
  const firstOfFull = new Map<string, DesignType>();
  for (const t of owned) {
    const full = typeFullName(design.name, t, importedById, nodes);
    fullOf.set(t.id, full);
    const twin = firstOfFull.get(full);
    if (twin) {
      ids.set(t.id, ids.get(twin.id) ?? twin.id);
      continue;
    }
    firstOfFull.set(full, t);
    const match = byFull.get(full);
    if (match && match.kind !== t.kind)
      return {
        types: design.types,
        ids,
        added: 0,
        updated: 0,
        error: `${full} is ${match.kind === 'enum' ? 'an enum' : 'a message'} in the design and ${t.kind === 'enum' ? 'an enum' : 'a message'} in ${t.file ?? 'the import'}; rename one of them first.`,
      };
    ids.set(t.id, match ? match.id : pool.take(t.id));
  }
  const map = (ref: string) => ids.get(ref) ?? ref;
  const types = [...design.types];
  const at = new Map(types.map((t, i) => [t.id, i]));
  let added = 0;
  let updated = 0;
  const done = new Set<string>();
  for (const t of owned) {
    const id = map(t.id);
    const mapped = remapType({ ...t, id }, map);
    const full = fullOf.get(t.id) ?? t.name;
    if (done.has(id)) {
      const first = types[at.get(id) ?? -1];
      if (first && !same({ ...first, file: undefined }, { ...mapped, file: undefined }))
        warn(`${full} is declared twice with different content (${t.file ?? 'the import'}); the first is kept.`);
      continue;
    }
    done.add(id);
    const i = at.get(id);
    if (i === undefined) {
      at.set(id, types.length);
      types.push(mapped);
      added++;
    } else if (!same(types[i], mapped)) {
      types[i] = mapped;
      updated++;
      warn(`${full} was replaced by the imported definition${t.file ? ` from ${t.file}` : ''}.`);
    }
  }
  return { types, ids, added, updated };
}
