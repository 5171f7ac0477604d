import type { Design, DesignType } from '../../model/types';
import { isDesignTypeRef } from '../../model/typeRefs';
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

type Fate = { kind: 'same' | 'update'; match: DesignType } | { kind: 'new' };

/** A type's definition with references by full name: equal when two types mean the same. */
function canonical(t: DesignType, fullOfRef: (ref: string) => string): string {
  const { id: _id, file: _file, owner: _owner, parent: _parent, package: _package, ...rest } = t;
  if (rest.kind === 'enum') return JSON.stringify(rest);
  return JSON.stringify({ ...rest, fields: rest.fields.map((f) => ({ ...f, type: fullOfRef(f.type) })) });
}

/**
 * Puts imported types into the design's list, matching existing types by full protobuf name
 * (package, parents, name). A match that means the same is that type. A match from the same
 * file (a contract imported again after a change), or one made in the app, takes the imported
 * definition and keeps its id, so every reference follows; a warning names it. A match from
 * another file with another definition is a different type that happens to share the name: the
 * imported one gets a free name (`Money2`), named in a warning, and the existing one stays.
 */
export function mergeTypes(
  design: Design,
  incoming: readonly DesignType[],
  ownerNode: (key: string) => string | undefined,
  warn: (w: string) => void,
): TypeMerge {
  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  const existing = new Map(design.types.map((t) => [t.id, t]));
  const fullOfExisting = new Map(design.types.map((t) => [t.id, typeFullName(design.name, t, existing, nodes)]));
  const byFull = new Map(design.types.map((t) => [fullOfExisting.get(t.id) ?? '', t]));
  const imported = new Map(
    incoming.map((t) => {
      const { owner: key, ...rest } = t;
      const owner = key === undefined ? undefined : ownerNode(key);
      return [t.id, owner === undefined ? rest : { ...rest, owner }] as [string, DesignType];
    }),
  );

  // renaming one type changes the full names that refer to it: settle until nothing moves,
  // renaming first a type none of whose references is itself in conflict
  const fates = new Map<string, Fate>();
  let full = new Map<string, string>();
  for (let round = 0; round <= imported.size; round++) {
    full = new Map([...imported.values()].map((t) => [t.id, typeFullName(design.name, t, imported, nodes)]));
    const fullOfImported = (ref: string) => (isDesignTypeRef(ref) ? (full.get(ref) ?? ref) : ref);
    const fullOfDesign = (ref: string) => (isDesignTypeRef(ref) ? (fullOfExisting.get(ref) ?? ref) : ref);
    const conflicts: { t: DesignType; name: string; match: DesignType }[] = [];
    for (const t of imported.values()) {
      const name = full.get(t.id) ?? '';
      const match = byFull.get(name);
      if (!match) fates.set(t.id, { kind: 'new' });
      else if (match.kind !== t.kind)
        return {
          types: design.types,
          ids: new Map(),
          added: 0,
          updated: 0,
          error: `${name} is ${match.kind === 'enum' ? 'an enum' : 'a message'} in the design and ${t.kind === 'enum' ? 'an enum' : 'a message'} in ${t.file ?? 'the import'}; rename one of them first.`,
        };
      else if (canonical(t, fullOfImported) === canonical(match, fullOfDesign))
        fates.set(t.id, { kind: 'same', match });
      else if (match.file === undefined || t.file === undefined || match.file === t.file)
        fates.set(t.id, { kind: 'update', match });
      else conflicts.push({ t, name, match });
    }
    if (conflicts.length === 0) break;
    const pending = new Set(conflicts.map((c) => c.t.id));
    const refs = (t: DesignType) => [t.parent, ...(t.kind === 'message' ? t.fields.map((f) => f.type) : [])];
    const { t, name, match } =
      conflicts.find((c) => !refs(c.t).some((r) => r !== undefined && r !== c.t.id && pending.has(r))) ?? conflicts[0]!;
    // a variant imported before with this very definition is the one to take again
    const taken = new Set([...byFull.keys(), ...full.values()]);
    const sameAs = (n: number) => {
      const prior = byFull.get(`${name}${n}`);
      return (
        prior !== undefined &&
        canonical({ ...t, name: `${t.name}${n}` }, fullOfImported) === canonical(prior, fullOfDesign)
      );
    };
    let n = 2;
    while (taken.has(`${name}${n}`) && !sameAs(n)) n++;
    warn(
      `${name} already exists (from ${match.file}) with another definition; the one from ${t.file} is imported as ${name}${n}.`,
    );
    imported.set(t.id, { ...t, name: `${t.name}${n}` });
  }

  const pool = new IdPool(design.types.map((t) => t.id));
  const ids = new Map<string, string>();
  for (const t of imported.values()) {
    const fate = fates.get(t.id) ?? { kind: 'new' };
    ids.set(t.id, fate.kind === 'new' ? pool.take(t.id) : fate.match.id);
  }
  const map = (ref: string) => ids.get(ref) ?? ref;
  const types = [...design.types];
  const at = new Map(types.map((t, i) => [t.id, i]));
  let added = 0;
  let updated = 0;
  for (const t of imported.values()) {
    const fate = fates.get(t.id) ?? { kind: 'new' };
    const mapped = remapType({ ...t, id: map(t.id) }, map);
    if (fate.kind === 'new') {
      at.set(mapped.id, types.length);
      types.push(mapped);
      added++;
    } else if (fate.kind === 'update') {
      const i = at.get(mapped.id);
      if (i === undefined || JSON.stringify(types[i]) === JSON.stringify(mapped)) continue;
      types[i] = mapped;
      updated++;
      warn(`${full.get(t.id) ?? t.name} was replaced by the imported definition${t.file ? ` from ${t.file}` : ''}.`);
    }
  }
  return { types, ids, added, updated };
}
