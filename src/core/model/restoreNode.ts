import { describeKind, isBroker, isNodeKind, isRuntime, servesApi } from '../catalog/catalog';
import { repairNative } from './native';
import { validPort } from '../ops/ops';
import { imageProblem } from './image';
import { repairLimits } from './limits';
import { repairOrigin } from './restoreOrigin';
import { codePackageProblem, dnsLabel, envPrefixProblem, nameProblem, nodeEnvPrefix, packageSegment } from './naming';
import { pluralWas, type RepairLog } from './repairLog';
import { TEXT_LIMITS, show } from './text';
import type { DesignNode, EnvVar } from './types';

import { LIMITS, isObj } from './restoreUtil';

export { LIMITS, isObj } from './restoreUtil';

/** The names taken so far, as the generators derive them (sets, so thousands of nodes stay linear). */
export interface TakenNames {
  dns: Set<string>;
  pkg: Set<string>;
}

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COORD = 1e6;

/** One node from untrusted input, or null (with a warning) when it cannot be used at all. */
export function repairNode(
  raw: unknown,
  i: number,
  ids: Set<string>,
  names: TakenNames,
  log: RepairLog,
): DesignNode | null {
  if (!isObj(raw)) {
    log.add(`Node ${i + 1} was ${show(raw)}, not an object, and was dropped.`);
    return null;
  }
  const id = typeof raw.id === 'string' && raw.id.length <= 100 ? raw.id : '';
  if (!id || ids.has(id)) {
    log.add(`Node ${i + 1} had a missing or repeated id (${show(raw.id)}) and was dropped.`);
    return null;
  }
  if (!isNodeKind(raw.kind)) {
    log.add(`Node ${i + 1} has an unknown kind ${show(raw.kind)} and was dropped.`);
    return null;
  }
  const kind = raw.kind;
  const name = repairName(raw.name, i, kind, names, log);
  const at = (field: string) => `the ${field} of ${name}`;
  const number = (field: string, v: unknown, ok: (n: number) => boolean, fallback: number, rule: string): number => {
    if (v === undefined) return fallback;
    if (typeof v === 'number' && ok(v)) return v;
    log.add(`The ${field} of ${name} was ${show(v)}, not ${rule}; it is now ${fallback}.`);
    return fallback;
  };
  const PORT = 'a port from 1 to 65535';
  const node: DesignNode = {
    id,
    kind,
    name,
    position: repairPosition(raw.position, name, log),
    port: number('port', raw.port, validPort, 8080, PORT),
    // infrastructure has no gRPC port: addNode gives it 0, and a reload must keep it
    grpcPort: isRuntime(kind)
      ? number('gRPC port', raw.grpcPort, validPort, 50051, PORT)
      : number('gRPC port', raw.grpcPort, (p) => p === 0 || validPort(p), 0, `${PORT} (or 0)`),
    replicas: number(
      'replica count',
      raw.replicas,
      (r) => Number.isInteger(r) && r >= 0 && r <= 100,
      1,
      'a whole number from 0 to 100',
    ),
    env: repairEnv(raw.env, name, log),
    description: log.text(raw.description, TEXT_LIMITS.description, at('description')),
  };
  if (raw.image !== undefined) {
    const why = typeof raw.image === 'string' ? imageProblem(raw.image) : 'An image is a text.';
    if (why) log.add(`The image of ${name} (${show(raw.image)}) was removed: ${why}`);
    else node.image = raw.image as string;
  }
  if (raw.hostPort !== undefined) {
    const hostPort = raw.hostPort;
    if (typeof hostPort === 'number' && (hostPort === 0 || validPort(hostPort))) node.hostPort = hostPort;
    else
      log.add(
        `The host port of ${name} (${show(hostPort)}) was removed: it must be a whole number from 1 to 65535 (or 0 to publish none); ${name} publishes its port ${node.port}.`,
      );
  }
  if (raw.envPrefix !== undefined) {
    const why = typeof raw.envPrefix === 'string' ? envPrefixProblem(raw.envPrefix) : 'A prefix is a text.';
    if (why) log.add(`The environment prefix ${show(raw.envPrefix)} of ${name} was removed: ${why}`);
    else node.envPrefix = raw.envPrefix as string;
  }
  if (raw.codePackage !== undefined) {
    const why = typeof raw.codePackage === 'string' ? codePackageProblem(raw.codePackage) : 'A package is a text.';
    if (why) log.add(`The code package ${show(raw.codePackage)} of ${name} was removed: ${why}`);
    else if (!isRuntime(node.kind)) log.add(`The code package of ${name} was removed: only a service has code.`);
    else node.codePackage = raw.codePackage as string;
  }
  const limitWarnings: string[] = [];
  const limits = repairLimits(raw.limits, name, limitWarnings);
  for (const w of limitWarnings) log.add(w);
  if (limits) node.limits = limits;
  const native = repairNative(raw.native, node.kind, name, describeKind(node.kind).label, (w) => log.add(w));
  if (native) node.native = native;
  const origin = repairOrigin(raw.origin, node, log);
  if (origin) node.origin = origin;
  return node;
}

function repairName(raw: unknown, i: number, kind: string, names: TakenNames, log: RepairLog): string {
  const name = typeof raw === 'string' ? raw : '';
  const taken = (n: string) => names.dns.has(dnsLabel(n)) || names.pkg.has(packageSegment(n));
  const why = typeof raw === 'string' ? nameProblem(name, []) : 'A name is a text.';
  if (!why && !taken(name)) return name;
  let fresh = `${kind}-${i + 1}`;
  while (taken(fresh)) fresh = `${fresh}-x`;
  const reason = why ?? 'Another node already has this name (or one that becomes the same DNS or package name).';
  log.add(`Node ${i + 1} was named ${show(raw)} and was renamed to "${fresh}": ${reason}`);
  return fresh;
}

function repairPosition(raw: unknown, name: string, log: RepairLog): { x: number; y: number } {
  if (raw === undefined) return { x: 0, y: 0 };
  const pos = isObj(raw) ? raw : {};
  const coord = (v: unknown) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.max(-COORD, Math.min(COORD, v)) : 0;
  const out = { x: coord(pos.x), y: coord(pos.y) };
  if (out.x !== pos.x || out.y !== pos.y)
    log.add(
      `The position of ${name} was ${isObj(raw) ? `(${show(pos.x)}, ${show(pos.y)})` : show(raw)}; it is now (${out.x}, ${out.y}) (coordinates are numbers from -1,000,000 to 1,000,000).`,
    );
  return out;
}

function repairEnv(raw: unknown, name: string, log: RepairLog): EnvVar[] {
  const list = log.list(raw, LIMITS.envPerNode, `the environment of ${name}`);
  const dropped = log.tally((n) => `${name}: ${pluralWas(n, 'environment entry', 'environment entries')} dropped`);
  const retyped = log.tally(
    (n) => `${name}: ${pluralWas(n, 'environment value')} not a text and ${n === 1 ? 'was' : 'were'} changed`,
  );
  const out: EnvVar[] = [];
  list.forEach((x, i) => {
    if (!isObj(x)) return dropped.note(`entry ${i + 1} (${show(x)}, not an object)`);
    const key = x.key;
    if (typeof key !== 'string' || key === '' || !ENV_KEY.test(key) || key.length > 200)
      return dropped.note(`${show(key)} (not a variable name: letters, digits and _, not starting with a digit)`);
    const raw = x.value;
    let value = '';
    if (typeof raw === 'string') value = log.text(raw, TEXT_LIMITS.envValue, `the value of ${key} on ${name}`);
    else if (typeof raw === 'number' || typeof raw === 'boolean') {
      value = String(raw);
      retyped.note(`${key} from ${show(raw)} to "${value}"`);
    } else if (raw !== undefined) retyped.note(`${key} from ${show(raw)} to ""`);
    if (x.secret === true) out.push({ key, value, secret: true });
    else {
      if (x.secret !== undefined && x.secret !== false)
        log.add(
          `${name}: ${key} was marked secret with ${show(x.secret)}, not true or false; it is an ordinary value now.`,
        );
      out.push({ key, value });
    }
  });
  dropped.flush();
  retyped.flush();
  return out;
}

/**
 * Two nodes whose callers would read the same variable (`ORDERS_URL`) cannot both be reached: a
 * prefix that collides with another node's is removed, and the derived one used.
 */
export function repairEnvPrefixes(nodes: DesignNode[], log: RepairLog): void {
  const taken = new Map<string, string>();
  for (const n of nodes) if (n.envPrefix === undefined) taken.set(nodeEnvPrefix(n), n.id);
  for (const n of nodes) {
    if (n.envPrefix === undefined) continue;
    const other = taken.get(n.envPrefix);
    if (other !== undefined && other !== n.id) {
      log.add(`The environment prefix ${n.envPrefix} of ${n.name} was removed: another node's callers use it.`);
      delete n.envPrefix;
    } else taken.set(n.envPrefix, n.id);
  }
}

/** Whether a node keeps channels (a broker) or an API (a service or gateway). */
export function contractRole(kind: DesignNode['kind']): 'api' | 'channels' | null {
  if (isBroker(kind)) return 'channels';
  return servesApi(kind) ? 'api' : null;
}
