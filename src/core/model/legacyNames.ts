import { camelCase, fieldName, httpPath, isReservedWord, pascalCase, snakeCase } from './naming';

/**
 * How design version 2 turned the names typed on a link into contract names. The migration to
 * version 3 uses it so that a migrated design exports the same `.proto` as before, and the
 * compatibility layer of the contracts (contracts/legacy.ts) uses it to tell which fields the
 * stubs of version 2 can still carry.
 */

/** A field of version 2, as its export numbered and named it. */
export interface LegacyName {
  /** lower_snake_case, unique in its list. */
  name: string;
  /** camelCase, unique in its list. */
  camel: string;
  /** PascalCase, unique in its list. */
  pascal: string;
}

/**
 * The names version 2 gave a list of fields, in order: snake_case, a reserved word or a name the
 * plumbing uses given `_value`, and every form made unique with a number after the clip.
 */
export function legacyFieldNames(names: readonly string[]): LegacyName[] {
  const seen = new Set<string>();
  const out: LegacyName[] = [];
  for (const raw of names) {
    // A reserved word comes back as `word_`; buf's lower_snake_case rule refuses the trailing
    // underscore, so such a name, and the names the plumbing uses, become `word_value`.
    let name = fieldName(raw).replace(/_$/, '');
    if (isReservedWord(name) || name === 'path' || name === 'from' || name === 'service') name = `${name}_value`;
    // `x_2` and `x2` differ, their camelCase does not: every form must be unique. The suffix goes
    // after the 40-character clip, so it cannot be clipped away.
    const camel = camelCase(name, 'field');
    const pascal = pascalCase(name, 'Field');
    let i = 1;
    const sfx = (sep: string) => (i === 1 ? '' : `${sep}${i}`);
    while (seen.has(name + sfx('_')) || seen.has(`c ${camel}${sfx('')}`) || seen.has(`p ${pascal}${sfx('')}`)) i++;
    seen
      .add(name + sfx('_'))
      .add(`c ${camel}${sfx('')}`)
      .add(`p ${pascal}${sfx('')}`);
    out.push({ name: name + sfx('_'), camel: camel + sfx(''), pascal: pascal + sfx('') });
  }
  return out;
}

/** Whether version 2 would have kept a field name exactly as it is. */
export function isLegacyFieldName(name: string): boolean {
  return legacyFieldNames([name])[0]?.name === name;
}

/**
 * A path as version 2 routed it, but with its case kept: `{param}` names in snake_case, and a
 * parameter repeated in one path numbered (`/a/{id}/b/{id}` -> `/a/{id}/b/{id_2}`).
 */
export function legacyPath(path: string): string {
  const seen = new Set<string>();
  return httpPath(path).replace(/\{([^}]+)\}/g, (_m, p: string) => {
    const base = snakeCase(p, 'id');
    let n = base;
    for (let i = 2; seen.has(n); i++) n = `${base}_${i}`;
    seen.add(n);
    return `{${n}}`;
  });
}

/** The operation name version 2 derived from a method and a path: `getOrdersById`. */
export function legacyOperationName(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith('{') ? `by ${s.slice(1, -1)}` : s))
    .join(' ');
  return camelCase(`${method.toLowerCase()} ${words || 'root'}`, 'op');
}
