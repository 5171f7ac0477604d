import { isBroker, isNodeKind, isRuntime, servesApi } from '../catalog/catalog';
import { imageProblem } from './image';
import { codePackageProblem, dnsLabel, envPrefixProblem, nameProblem, nodeEnvPrefix, packageSegment } from './naming';
import { validPort } from '../ops/ops';
import { LIMITS, isObj, list, num, q, str } from './restoreUtil';
import type { DesignNode, EnvVar } from './types';

/** Names already taken by restored nodes: sets, so thousands of nodes take linear time. */
export interface TakenNames {
  dns: Set<string>;
  pkg: Set<string>;
}

/** Restores one node's own fields (its API and channels come later, once the types are known). */
export function repairNode(
  raw: unknown,
  i: number,
  ids: Set<string>,
  names: TakenNames,
  warnings: string[],
): DesignNode | null {
  if (!isObj(raw)) {
    warnings.push(`Node ${i + 1} was not an object and was dropped.`);
    return null;
  }
  const id = str(raw.id, 100);
  if (!id || ids.has(id)) {
    warnings.push(`Node ${i + 1} had a missing or repeated id and was dropped.`);
    return null;
  }
  if (!isNodeKind(raw.kind)) {
    warnings.push(
      `Node ${i + 1} has an unknown kind ${JSON.stringify(String(raw.kind)).slice(0, 40)} and was dropped.`,
    );
    return null;
  }
  let name = str(raw.name, 100) ?? '';
  const taken = (n: string) => names.dns.has(dnsLabel(n)) || names.pkg.has(packageSegment(n));
  if (nameProblem(name, []) || taken(name)) {
    name = `${raw.kind}-${i + 1}`;
    while (taken(name)) name = `${name}-x`;
    warnings.push(`Node ${i + 1} had an unusable or repeated name and was renamed to "${name}".`);
  }
  const pos = isObj(raw.position) ? raw.position : {};
  const port = num(raw.port);
  const grpcPort = num(raw.grpcPort);
  const replicas = num(raw.replicas);
  const node: DesignNode = {
    id,
    kind: raw.kind,
    name,
    position: { x: clampCoord(num(pos.x)), y: clampCoord(num(pos.y)) },
    port: port !== undefined && validPort(port) ? port : 8080,
    // infrastructure has no gRPC port: addNode gives it 0, and a reload must keep it so
    grpcPort: isRuntime(raw.kind)
      ? grpcPort !== undefined && validPort(grpcPort)
        ? grpcPort
        : 50051
      : grpcPort !== undefined && (grpcPort === 0 || validPort(grpcPort))
        ? grpcPort
        : 0,
    replicas: replicas !== undefined && Number.isInteger(replicas) && replicas >= 0 && replicas <= 100 ? replicas : 1,
    env: list(raw.env, repairEnv, LIMITS.envPerNode),
    description: str(raw.description, 2000) ?? '',
  };
  if (raw.image !== undefined) {
    const why = typeof raw.image === 'string' ? imageProblem(raw.image) : 'An image is a text.';
    if (why) warnings.push(`The image of ${name} was removed: ${why}`);
    else node.image = raw.image as string;
  }
  if (raw.hostPort !== undefined) {
    const hostPort = num(raw.hostPort);
    if (hostPort !== undefined && (hostPort === 0 || validPort(hostPort))) node.hostPort = hostPort;
    else
      warnings.push(
        `The host port of ${name} was removed: it must be a whole number from 1 to 65535 (or 0 to publish none).`,
      );
  }
  if (raw.envPrefix !== undefined) {
    const why = typeof raw.envPrefix === 'string' ? envPrefixProblem(raw.envPrefix) : 'A prefix is a text.';
    if (why) warnings.push(`The environment prefix ${q(raw.envPrefix)} of ${name} was removed: ${why}`);
    else node.envPrefix = raw.envPrefix as string;
  }
  if (raw.codePackage !== undefined) {
    const why = typeof raw.codePackage === 'string' ? codePackageProblem(raw.codePackage) : 'A package is a text.';
    if (why) warnings.push(`The code package ${q(raw.codePackage)} of ${name} was removed: ${why}`);
    else if (!isRuntime(node.kind)) warnings.push(`The code package of ${name} was removed: only a service has code.`);
    else node.codePackage = raw.codePackage as string;
  }
  return node;
}

/**
 * Two nodes whose callers would read the same variable (`ORDERS_URL`) cannot both be reached: a
 * prefix that collides with another node's is removed, and the derived one used.
 */
export function repairEnvPrefixes(nodes: DesignNode[], warnings: string[]): void {
  const taken = new Map<string, string>();
  for (const n of nodes) if (n.envPrefix === undefined) taken.set(nodeEnvPrefix(n), n.id);
  for (const n of nodes) {
    if (n.envPrefix === undefined) continue;
    const other = taken.get(n.envPrefix);
    if (other !== undefined && other !== n.id) {
      warnings.push(`The environment prefix ${n.envPrefix} of ${n.name} was removed: another node's callers use it.`);
      delete n.envPrefix;
    } else taken.set(n.envPrefix, n.id);
  }
}

/** Whether a node keeps channels (a broker) or an API (a service or gateway). */
export function contractRole(kind: DesignNode['kind']): 'api' | 'channels' | null {
  if (isBroker(kind)) return 'channels';
  return servesApi(kind) ? 'api' : null;
}

const clampCoord = (v: number | undefined) => (v === undefined ? 0 : Math.max(-1e6, Math.min(1e6, v)));

function repairEnv(x: unknown): EnvVar | null {
  if (!isObj(x)) return null;
  const key = str(x.key, 200);
  if (!key || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return null;
  return { key, value: str(x.value, 4000) ?? '' };
}
