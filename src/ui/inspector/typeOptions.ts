import { COMMON_SCALARS, COMMON_WELL_KNOWN, SCALAR_TYPES, type Design, type TypeRef } from '../../core';

/** An option of a type select: a scalar, a well-known type, or a type of the design by id. */
export interface TypeOption {
  value: TypeRef;
  label: string;
  group: string;
}

/**
 * The types a field may have, grouped as a person looks for them: the common scalars, the design's
 * messages and enums, well-known types. `current` stays listed even when it is a rarer scalar.
 */
export function typeOptions(
  types: Design['types'],
  current?: TypeRef,
  kinds: 'any' | 'scalarOrEnum' = 'any',
): TypeOption[] {
  const scalars: readonly string[] = COMMON_SCALARS;
  const out: TypeOption[] = COMMON_SCALARS.map((s) => ({ value: s, label: s, group: 'Scalars' }));
  if (current && (SCALAR_TYPES as readonly string[]).includes(current) && !scalars.includes(current))
    out.push({ value: current, label: current, group: 'Scalars' });
  for (const t of types)
    if (kinds === 'any' || t.kind === 'enum')
      out.push({ value: t.id, label: t.name, group: t.kind === 'message' ? 'Messages' : 'Enums' });
  if (kinds === 'any')
    for (const w of COMMON_WELL_KNOWN)
      out.push({ value: w, label: w.replace('google.protobuf.', ''), group: 'Well-known' });
  if (current && !out.some((o) => o.value === current))
    out.push({ value: current, label: current, group: 'Well-known' });
  return out;
}
