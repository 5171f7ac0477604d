import type { Budget } from '../budget';
import { asMapping, isObj, put, type Obj } from './parse';

/**
 * `extends` within one compose file: each imported service as the mapping compose would run,
 * its bases merged under it. Chains are walked in a loop, not by recursion, and no longer than
 * the budget's `extendsDepth`; a base shared by many services is merged once; every value copied
 * is counted against `extendedValues`, so a fan-out of a large base refuses rather than fills
 * the memory. Only the services asked for (and their bases) are resolved.
 */

/** Keys whose lists add up under `extends` (compose merges these instead of replacing them). */
const LIST_KEYS = new Set(['ports', 'expose', 'volumes', 'env_file', 'dns', 'external_links', 'profiles']);
/** Keys that are mappings (or KEY=VALUE lists) merged key by key. */
const MAP_KEYS = new Set(['environment', 'labels', 'build', 'depends_on', 'networks', 'deploy']);

/** The resolved mapping of each of `names`. */
export function resolveExtends(
  services: Obj,
  names: readonly string[],
  budget: Budget,
  warn: (w: string) => void,
): Map<string, Obj> {
  const done = new Map<string, Obj>();
  // how many services each resolved one extends through, so that a chain met piece by piece
  // counts as long as it is
  const depth = new Map<string, number>();
  const own = (name: string): Obj => {
    const raw = Object.hasOwn(services, name) ? services[name] : undefined;
    return isObj(raw) ? raw : {};
  };
  for (const name of names) {
    if (done.has(name)) continue;
    // walk up the chain until a resolved service, a service without a base, or a problem
    const chain = [name];
    const inChain = new Set(chain);
    let top: Obj | null = null;
    let below = 0;
    for (;;) {
      const current = chain[chain.length - 1]!;
      const base = baseOf(current, own(current), services, inChain, warn);
      if (base === null) break;
      const known = done.get(base);
      if (known) {
        top = known;
        below = (depth.get(base) ?? 0) + 1;
      }
      // the services `name` extends through, counting `base` and what it extends
      const bases = known ? chain.length - 1 + below : chain.length;
      if (bases > budget.limits.extendsDepth)
        throw budget.exceeded(
          'extendsDepth',
          `The service ${JSON.stringify(name).slice(0, 60)} extends a chain of more than ${budget.limits.extendsDepth} services`,
        );
      if (known) break;
      chain.push(base);
      inChain.add(base);
    }
    // merge from the top of the chain down to the service itself
    for (let i = chain.length - 1; i >= 0; i--) {
      const n = chain[i]!;
      const mine = withoutExtends(own(n));
      const merged: Obj = top ? mergeService(top, mine, budget, n) : mine;
      done.set(n, merged);
      depth.set(n, below + (chain.length - 1 - i));
      top = merged;
    }
  }
  return done;
}

/** The base a service extends within the file, or null (with a warning when it cannot be used). */
function baseOf(
  name: string,
  svc: Obj,
  services: Obj,
  inChain: ReadonlySet<string>,
  warn: (w: string) => void,
): string | null {
  const ext = svc.extends;
  if (ext === undefined) return null;
  const base = typeof ext === 'string' ? ext : isObj(ext) && typeof ext.service === 'string' ? ext.service : null;
  const file = isObj(ext) && typeof ext.file === 'string' ? ext.file : null;
  if (file) {
    warn(
      `${name}: extends ${base ?? 'a service'} from ${file}, another file that is not read; only its own settings were imported.`,
    );
    return null;
  }
  if (!base || !Object.hasOwn(services, base)) {
    warn(
      `${name}: extends ${JSON.stringify(base ?? ext)?.slice(0, 60)}, which is not a service of this file; only its own settings were imported.`,
    );
    return null;
  }
  if (inChain.has(base)) {
    warn(`${name}: its extends chain loops back to ${base}; the loop was cut.`);
    return null;
  }
  return base;
}

function withoutExtends(svc: Obj): Obj {
  if (!('extends' in svc)) return svc;
  const out: Obj = {};
  for (const [k, v] of Object.entries(svc)) if (k !== 'extends') put(out, k, v);
  return out;
}

/** `own` over `base`, as compose merges them; counts what it copies. */
function mergeService(base: Obj, own: Obj, budget: Budget, name: string): Obj {
  const out: Obj = {};
  let copied = 0;
  for (const [k, v] of Object.entries(base)) put(out, k, v);
  copied += Object.keys(base).length;
  for (const [k, v] of Object.entries(own)) {
    const b = Object.hasOwn(base, k) ? base[k] : undefined;
    if (LIST_KEYS.has(k) && Array.isArray(b) && Array.isArray(v)) {
      put(out, k, [...b, ...v]);
      copied += b.length + v.length;
    } else if (MAP_KEYS.has(k) && b !== undefined && v !== undefined) {
      if (k === 'depends_on' && Array.isArray(b) && Array.isArray(v)) {
        put(out, k, [...b, ...v]);
        copied += b.length + v.length;
      } else if (k === 'build' && (typeof b === 'string' || typeof v === 'string')) put(out, k, v);
      else {
        const merged: Obj = {};
        for (const m of [
          asMapping(k === 'depends_on' ? dependsOnMap(b) : b),
          asMapping(k === 'depends_on' ? dependsOnMap(v) : v),
        ])
          for (const [mk, mv] of Object.entries(m)) {
            put(merged, mk, mv);
            copied++;
          }
        put(out, k, merged);
      }
    } else put(out, k, v);
    copied++;
  }
  budget.spend(
    'extendedValues',
    copied,
    () =>
      `The services copy more than ${budget.limits.extendedValues.toLocaleString('en-US')} values through extends (the last was ${JSON.stringify(name).slice(0, 60)})`,
  );
  return out;
}

function dependsOnMap(v: unknown): Obj {
  if (Array.isArray(v)) {
    const out: Obj = {};
    for (const x of v) if (typeof x === 'string') put(out, x, {});
    return out;
  }
  return isObj(v) ? v : {};
}
