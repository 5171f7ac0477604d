import { isMap, isScalar, parseDocument } from 'yaml';

/**
 * Reading a compose file into plain data: YAML with anchors, aliases and merge keys, guarded
 * against alias bombs; `${VAR}` interpolation with defaults; `extends` within the file.
 */

/** The largest compose file read (a real one is a few kilobytes). */
export const MAX_COMPOSE_BYTES = 1024 * 1024;
/** The most aliases resolved: enough for any hand-written file, far too few for a "billion laughs". */
export const MAX_ALIASES = 200;
/** The most services imported. */
export const MAX_SERVICES = 500;

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export type ParseResult = { ok: true; root: Obj } | { ok: false; error: string };

/** Parses compose YAML into a plain object, or says in words why it cannot. */
export function parseComposeYaml(text: string): ParseResult {
  if (text.length > MAX_COMPOSE_BYTES)
    return {
      ok: false,
      error: `The file is larger than ${MAX_COMPOSE_BYTES / 1024} KiB: too large for a compose file.`,
    };
  let data: unknown;
  try {
    const doc = parseDocument(text, { merge: true, prettyErrors: true });
    const first = doc.errors[0];
    if (first) return { ok: false, error: `The file is not valid YAML: ${oneLine(first.message)}` };
    if (!isMap(doc.contents) && !(isScalar(doc.contents) && doc.contents.value === null) && doc.contents !== null)
      return { ok: false, error: 'This is not a compose file: its top level is not a mapping of keys.' };
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/alias/i.test(msg))
      return { ok: false, error: `The file expands too many YAML aliases (${oneLine(msg)}); it is refused as unsafe.` };
    return { ok: false, error: `The file is not valid YAML: ${oneLine(msg)}` };
  }
  if (!isObj(data)) return { ok: false, error: 'This is not a compose file: it is empty or not a mapping of keys.' };
  return { ok: true, root: data };
}

function oneLine(s: string): string {
  const first = s.split('\n')[0] ?? s;
  return first.length > 300 ? `${first.slice(0, 300)}…` : first;
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
    for (const [k, x] of Object.entries(v)) out[k] = interpolateAll(x, missing, depth + 1);
    return out;
  }
  return v;
}

/** Keys whose lists add up under `extends` (compose merges these instead of replacing them). */
const LIST_KEYS = new Set(['ports', 'expose', 'volumes', 'env_file', 'dns', 'external_links', 'profiles']);
/** Keys that are mappings (or KEY=VALUE lists) merged key by key. */
const MAP_KEYS = new Set(['environment', 'labels', 'build', 'depends_on', 'networks', 'deploy']);

/** `environment`/`labels` as a mapping, whichever syntax the file used. */
export function asMapping(v: unknown): Obj {
  if (isObj(v)) return v;
  if (!Array.isArray(v)) return {};
  const out: Obj = {};
  for (const item of v) {
    if (typeof item !== 'string') continue;
    const eq = item.indexOf('=');
    if (eq < 0) out[item] = null;
    else out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

function mergeService(base: Obj, own: Obj): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(own)) {
    const b = base[k];
    if (LIST_KEYS.has(k) && Array.isArray(b) && Array.isArray(v)) out[k] = [...b, ...v];
    else if (MAP_KEYS.has(k) && b !== undefined && v !== undefined) {
      if (k === 'depends_on' && Array.isArray(b) && Array.isArray(v)) out[k] = [...b, ...v];
      else if (k === 'build' && (typeof b === 'string' || typeof v === 'string')) out[k] = v;
      else
        out[k] = {
          ...asMapping(k === 'depends_on' ? dependsOnMap(b) : b),
          ...asMapping(k === 'depends_on' ? dependsOnMap(v) : v),
        };
    } else out[k] = v;
  }
  delete out.extends;
  return out;
}

function dependsOnMap(v: unknown): Obj {
  if (Array.isArray(v)) return Object.fromEntries(v.filter((x) => typeof x === 'string').map((x) => [x, {}]));
  return isObj(v) ? v : {};
}

/**
 * Resolves `extends` within the file (depth-first, cycles and other files reported), returning
 * each service as the mapping compose would run.
 */
export function resolveExtends(services: Obj, warn: (w: string) => void): Map<string, Obj> {
  const done = new Map<string, Obj>();
  const visiting = new Set<string>();
  const resolve = (name: string): Obj => {
    const cached = done.get(name);
    if (cached) return cached;
    const raw = services[name];
    const own: Obj = isObj(raw) ? raw : {};
    let out = own;
    const ext = own.extends;
    if (ext !== undefined) {
      const base = typeof ext === 'string' ? ext : isObj(ext) && typeof ext.service === 'string' ? ext.service : null;
      const file = isObj(ext) && typeof ext.file === 'string' ? ext.file : null;
      if (file) {
        warn(
          `${name}: extends ${base ?? 'a service'} from ${file}, another file that is not read; only its own settings were imported.`,
        );
        out = { ...own };
        delete out.extends;
      } else if (!base || !Object.hasOwn(services, base)) {
        warn(
          `${name}: extends ${JSON.stringify(base ?? ext)}, which is not a service of this file; only its own settings were imported.`,
        );
        out = { ...own };
        delete out.extends;
      } else if (visiting.has(base) || base === name) {
        warn(`${name}: its extends chain loops back to ${base}; the loop was cut.`);
        out = { ...own };
        delete out.extends;
      } else {
        visiting.add(name);
        out = mergeService(resolve(base), own);
        visiting.delete(name);
      }
    }
    done.set(name, out);
    return out;
  };
  for (const name of Object.keys(services)) {
    visiting.add(name);
    resolve(name);
    visiting.delete(name);
  }
  return done;
}
