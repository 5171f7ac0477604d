import { validPort } from '../ops/ops';
import { repairLimits } from './limits';
import type { RepairLog } from './repairLog';
import { isObj } from './restoreUtil';
import type { ComposeValue, DesignNode, EnvVar, NodeOrigin } from './types';

/**
 * Restoring what an import kept of its source file (`node.origin`, `design.composeTop`). The
 * values are plain data that export writes back into compose.yaml, so only what YAML can hold is
 * accepted (mappings, lists, strings, finite numbers, booleans, null), nested at most 30 deep and
 * at most 256 KiB per node; anything else is removed with a warning that names it.
 */

const MAX_DEPTH = 30;
const MAX_CHARS = 256 * 1024;
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A deep copy of `v` as compose data, or a reason it is not one. */
export function composeData(v: unknown): { ok: true; value: ComposeValue } | { ok: false; why: string } {
  let chars = 0;
  const walk = (x: unknown, depth: number): ComposeValue => {
    if (depth > MAX_DEPTH) throw new Error(`it nests deeper than ${MAX_DEPTH} levels`);
    if (x === null || typeof x === 'boolean') return x;
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) throw new Error(`it holds the number ${String(x)}`);
      return x;
    }
    if (typeof x === 'string') {
      chars += x.length;
      if (chars > MAX_CHARS) throw new Error('it is larger than 256 KiB');
      return x;
    }
    if (Array.isArray(x)) return x.map((y) => walk(y, depth + 1));
    if (isObj(x)) {
      const out: { [key: string]: ComposeValue } = {};
      for (const [k, y] of Object.entries(x)) {
        chars += k.length;
        // defined, not assigned: `__proto__` stays an ordinary key
        Object.defineProperty(out, k, {
          value: walk(y, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    throw new Error(`it holds a ${typeof x}, which compose has no place for`);
  };
  try {
    return { ok: true, value: walk(v, 0) };
  } catch (e) {
    return { ok: false, why: e instanceof Error ? e.message : String(e) };
  }
}

/** The node's origin from untrusted input; a broken one is removed, with a warning. */
export function repairOrigin(raw: unknown, node: DesignNode, log: RepairLog): NodeOrigin | undefined {
  if (raw === undefined) return undefined;
  const drop = (why: string) => {
    log.add(
      `The compose settings ${node.name} was imported with were removed (${why}); it is exported as the design describes it.`,
    );
    return undefined;
  };
  if (!isObj(raw) || !isObj(raw.compose) || !isObj(raw.imported)) return drop('they were not readable');
  const data = composeData(raw.compose);
  if (!data.ok) return drop(data.why);
  const im = raw.imported;
  const port = typeof im.port === 'number' && validPort(im.port) ? im.port : node.port;
  const env: EnvVar[] = Array.isArray(im.env)
    ? im.env.flatMap((e) =>
        isObj(e) && typeof e.key === 'string' && ENV_KEY.test(e.key) && typeof e.value === 'string'
          ? [{ key: e.key, value: e.value }]
          : [],
      )
    : [];
  const imported: NodeOrigin['imported'] = {
    port,
    replicas: typeof im.replicas === 'number' && Number.isInteger(im.replicas) ? im.replicas : node.replicas,
    env,
    links: Array.isArray(im.links) ? im.links.filter((l): l is string => typeof l === 'string').slice(0, 20000) : [],
  };
  if (typeof im.image === 'string') imported.image = im.image;
  if (typeof im.hostPort === 'number' && (im.hostPort === 0 || validPort(im.hostPort))) imported.hostPort = im.hostPort;
  const limits = repairLimits(im.limits, node.name, []);
  if (limits) imported.limits = limits;
  return { compose: data.value as NodeOrigin['compose'], imported };
}

/** The design's top-level compose keys from untrusted input; broken ones are removed, with a warning. */
export function repairComposeTop(raw: unknown, log: RepairLog): { [key: string]: ComposeValue } | undefined {
  if (raw === undefined) return undefined;
  const data = isObj(raw) ? composeData(raw) : { ok: false as const, why: 'they were not a mapping' };
  if (!data.ok) {
    log.add(`The top-level compose settings of the imported file were removed (${data.why}).`);
    return undefined;
  }
  const top = data.value as { [key: string]: ComposeValue };
  return Object.keys(top).length > 0 ? top : undefined;
}
