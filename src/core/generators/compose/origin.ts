import { dnsLabel } from '../../model/naming';
import type { Design, DesignNode, EnvVar, NodeOrigin, ResourceLimits } from '../../model/types';
import type { ServiceWiring } from '../../model/wiring';
import { ownEnvValue } from '../../model/credentials';
import { composeCredential, composeLiteral, type ComposeService } from './infra';
import { deployEnv } from './plan';

/**
 * The compose entry of an imported node: the entry the file had, every key as it was written,
 * except where the user has since changed a field the design models (image, ports, environment,
 * replicas, limits), which then follows the design; links added in the design add their address
 * variable and their `depends_on`. Nothing is invented: no restart policy, healthcheck, build,
 * expose or label the file did not have.
 */

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets an own key whatever its name (`__proto__` included). */
function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (isObj(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) put(out, k, clone(x));
    return out;
  }
  return v;
}

const sameEnv = (a: readonly EnvVar[], b: readonly EnvVar[]) =>
  a.length === b.length &&
  a.every((e, i) => e.key === b[i]?.key && e.value === b[i]?.value && !e.secret === !b[i]?.secret);
const sameLimits = (a: ResourceLimits | undefined, b: ResourceLimits | undefined) =>
  a?.cpu === b?.cpu && a?.memoryMiB === b?.memoryMiB;

/** Whether an imported node's ports are as they were imported. */
export function portsAsImported(node: DesignNode, origin: NodeOrigin): boolean {
  return node.port === origin.imported.port && node.hostPort === origin.imported.hostPort;
}

/** The names a `depends_on` (list or mapping) waits for. */
function waitsFor(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return isObj(v) ? Object.keys(v) : [];
}

export interface OriginContext {
  node: DesignNode;
  origin: NodeOrigin;
  wiring: ServiceWiring | undefined;
  /** The `ports` the design would publish (used once the user changed the port). */
  ports: string[] | undefined;
  /** The services the design says the node waits for, with the condition to wait on. */
  dependsOn: Record<string, { condition: string }>;
}

/** The compose entry of a node that came from an imported compose file. */
export function originService({ node, origin, wiring, ports, dependsOn }: OriginContext): ComposeService {
  const out = clone(origin.compose) as ComposeService;
  const was = origin.imported;
  if (node.image !== was.image) {
    if (node.image) out.image = node.image;
    else if (out.build !== undefined) delete out.image;
  }
  if (!portsAsImported(node, origin)) {
    if (ports) out.ports = ports;
    else delete out.ports;
  }

  if (!sameEnv(node.env, was.env)) {
    const env: Record<string, string> = {};
    // a secret value is read from .env, as on every other service
    for (const e of node.env)
      put(env, e.key, e.secret ? ownEnvValue(node, e, composeCredential) : composeLiteral(e.value));
    out.environment = env;
  }
  // a link drawn since the import: the address it reads, as the design generates it
  if (wiring) {
    const before = new Set(was.links);
    const fresh = new Set<string>();
    for (const c of [...wiring.rest, ...wiring.grpc, ...wiring.publishes, ...wiring.databases])
      if (!before.has(c.link.id)) fresh.add(c.envVar);
    for (const q of wiring.subscribes) if (!before.has(q.link.id)) fresh.add(q.envVar);
    const own = new Set(node.env.map((e) => e.key));
    const generated = deployEnv(wiring).filter(([k]) => fresh.has(k) && !own.has(k));
    if (generated.length > 0) {
      const env = out.environment;
      if (Array.isArray(env)) out.environment = [...env, ...generated.map(([k, v]) => `${k}=${composeLiteral(v)}`)];
      else {
        const map = isObj(env) ? env : {};
        for (const [k, v] of generated) put(map, k, composeLiteral(v));
        out.environment = map;
      }
    }
  }

  if (node.replicas !== was.replicas || !sameLimits(node.limits, was.limits)) {
    const deploy = isObj(out.deploy) ? out.deploy : {};
    if (node.replicas !== was.replicas) {
      deploy.replicas = node.replicas;
      delete out.scale;
    }
    if (!sameLimits(node.limits, was.limits)) {
      const resources = isObj(deploy.resources) ? deploy.resources : {};
      const limits: Record<string, string> = {};
      if (node.limits?.cpu !== undefined) limits.cpus = String(node.limits.cpu);
      if (node.limits?.memoryMiB !== undefined) limits.memory = `${node.limits.memoryMiB}M`;
      if (Object.keys(limits).length > 0) resources.limits = limits;
      else delete resources.limits;
      deploy.resources = resources;
      delete out.cpus;
      delete out.mem_limit;
    }
    out.deploy = deploy;
  }

  // services the design waits for that the file did not name (a link drawn since the import)
  const named = new Set([...waitsFor(out.depends_on), ...waitsFor(out.links).map((l) => l.split(':')[0] ?? l)]);
  const added = Object.entries(dependsOn).filter(([name]) => !named.has(name));
  if (added.length > 0) {
    if (Array.isArray(out.depends_on)) out.depends_on = [...(out.depends_on as unknown[]), ...added.map(([n]) => n)];
    else {
      const map = isObj(out.depends_on) ? out.depends_on : {};
      for (const [n, c] of added) put(map, n, c);
      out.depends_on = map;
    }
  }
  return out;
}

/**
 * The DNS names of the nodes at the other end of links drawn since the import (a link the file
 * already implied is in its `depends_on` or environment, or deliberately not).
 */
export function linkedSinceImport(design: Design, node: DesignNode, origin: NodeOrigin): Set<string> {
  const before = new Set(origin.imported.links);
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const out = new Set<string>();
  for (const l of design.links) {
    if (before.has(l.id)) continue;
    const other = l.source === node.id ? l.target : l.target === node.id && l.kind === 'queue' ? l.source : null;
    const n = other ? byId.get(other) : undefined;
    if (n) out.add(dnsLabel(n.name));
  }
  return out;
}

/** Whether an imported node's entry has a healthcheck compose can wait for. */
export function originHealthy(origin: NodeOrigin): boolean {
  const h = origin.compose.healthcheck;
  return isObj(h) && h.disable !== true && h.test !== undefined && !(Array.isArray(h.test) && h.test[0] === 'NONE');
}
