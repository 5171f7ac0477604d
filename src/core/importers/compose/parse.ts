import { Budget } from '../budget';
import { readYamlDocument } from '../yamlRead';

/**
 * Reading a compose file into plain data: YAML with anchors, aliases and merge keys, within the
 * import's budget (see `../yamlRead`); `${VAR}` interpolation with defaults. Objects keyed by the
 * file's text are built by defining keys, never assigning them, so that `__proto__` or
 * `constructor` are ordinary keys.
 */

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets an own key, whatever its name (`obj[k] = v` would set the prototype for `__proto__`). */
export function put(obj: Obj, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

export type ParseResult = { ok: true; root: Obj } | { ok: false; error: string };

/** Parses compose YAML into a plain object, or says in words why it cannot. */
export function parseComposeYaml(text: string, budget: Budget = new Budget()): ParseResult {
  const read = readYamlDocument(text, budget, 'compose file');
  if (!read.ok) return read;
  if (!isObj(read.root))
    return {
      ok: false,
      error:
        read.root === null || read.root === undefined
          ? 'This is not a compose file: it is empty.'
          : 'This is not a compose file: its top level is not a mapping of keys.',
    };
  return { ok: true, root: read.root };
}

/**
 * The services of a compose document. Version 2 and 3 files (and the Compose Specification)
 * have `services:`; a version 1 file has the services at the top level.
 */
export function serviceMap(root: Obj, warn: (w: string) => void): Obj | null {
  if (root.services !== undefined) {
    if (!isObj(root.services)) return null;
    return root.services;
  }
  const candidates = Object.entries(root).filter(([, v]) => isObj(v) && ('image' in v || 'build' in v));
  if (candidates.length === 0) return null;
  warn('The file has no "services:" key; it was read as a version 1 file, with services at the top level.');
  return Object.fromEntries(candidates);
}

const VAR = /\$(?:\$|\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Compose interpolation without an environment: `${VAR:-default}` and `${VAR-default}` give the
 * default, `$$` a dollar; a variable with no default becomes empty and is reported in `missing`.
 */
export function interpolate(value: string, missing: Set<string>): string {
  return value.replace(VAR, (whole, braced: string | undefined, bare: string | undefined) => {
    if (whole === '$$') return '$';
    if (bare !== undefined) {
      missing.add(bare);
      return '';
    }
    const body = braced ?? '';
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::?-(.*)|:?[?+].*)?$/s.exec(body);
    if (m && m[2] !== undefined) return m[2];
    missing.add(m?.[1] ?? body);
    return '';
  });
}

/** Deep-interpolates every string of a value. */
export function interpolateAll(v: unknown, missing: Set<string>, depth = 0): unknown {
  if (depth > 20) return v;
  if (typeof v === 'string') return interpolate(v, missing);
  if (Array.isArray(v)) return v.map((x) => interpolateAll(x, missing, depth + 1));
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) put(out, k, interpolateAll(x, missing, depth + 1));
    return out;
  }
  return v;
}

/** `environment`/`labels` as a mapping, whichever syntax the file used. */
export function asMapping(v: unknown): Obj {
  if (isObj(v)) return v;
  if (!Array.isArray(v)) return {};
  const out: Obj = {};
  for (const item of v) {
    if (typeof item !== 'string') continue;
    const eq = item.indexOf('=');
    if (eq < 0) put(out, item, null);
    else put(out, item.slice(0, eq), item.slice(eq + 1));
  }
  return out;
}
