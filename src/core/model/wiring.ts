import { INFRA, RUNTIMES, isBroker, isInfra, isRuntime, type InfraId, type RuntimeId } from '../catalog/catalog';
import { infraCredentials, infraDatabase, literalCredential, ownEnvValue, type CredentialRef } from './credentials';
import { dnsLabel, nodeEnvPrefix, topicName } from './naming';
import type { TypeRef } from './typeRefs';
import type { Design, DesignLink, DesignNode, HttpEndpoint, RpcMethod } from './types';

/**
 * Who talks to whom, and through which environment variable. compose.yaml, the Kubernetes
 * ConfigMaps, the service stubs and the conformance run all read addresses from here, so the
 * variable a stub reads is always the one the deployment sets.
 */

/** Where a node can be reached: compose uses DNS names, a native run 127.0.0.1 and remapped ports. */
export interface Resolver {
  host(node: DesignNode): string;
  port(node: DesignNode): number;
  grpcPort(node: DesignNode): number;
}

/** In compose and Kubernetes every node is reached by its DNS label on its own ports. */
export const networkResolver: Resolver = {
  host: (n) => dnsLabel(n.name),
  port: (n) => n.port,
  grpcPort: (n) => n.grpcPort,
};

export interface RestCall {
  link: DesignLink;
  target: DesignNode;
  /** e.g. `ORDERS_URL`, holding `http://orders:8000` (the prefix is the target's `envPrefix`). */
  envVar: string;
  /** The target's endpoints this caller uses: the link's `uses`, or all of them. */
  endpoints: readonly HttpEndpoint[];
}

export interface GrpcCall {
  link: DesignLink;
  target: DesignNode;
  /** e.g. `INVENTORY_GRPC_ADDR`, holding `inventory:50051`. */
  envVar: string;
  /** The target's RPCs (of all its gRPC services) this caller uses: the link's `uses`, or all. */
  rpcs: readonly RpcMethod[];
}

/** The items of a target's list that a link uses: those named in `uses`, or all of them. */
export function usedBy<T extends { id: string }>(all: readonly T[], link: Pick<DesignLink, 'uses'>): readonly T[] {
  if (link.uses === undefined) return all;
  const wanted = new Set(link.uses);
  return all.filter((x) => wanted.has(x.id));
}

export interface QueueUse {
  link: DesignLink;
  broker: DesignNode;
  brokerKind: 'kafka' | 'rabbitmq' | 'redis' | 'nats';
  /** e.g. `KAFKA_URL`. */
  envVar: string;
  /** The topic as used on the wire (normalised by `topicName`). */
  topic: string;
  /**
   * The message type of the broker's channel for this topic (`designContracts(design).channel`
   * resolves it); `google.protobuf.Struct` when the broker has no such channel.
   */
  message: TypeRef;
}

export interface DatabaseUse {
  link: DesignLink;
  database: DesignNode;
  databaseKind: 'postgres' | 'mongodb' | 'redis';
  /** e.g. `POSTGRES_URL`. */
  envVar: string;
}

export interface ServiceWiring {
  /** The design the wiring belongs to. */
  design: Design;
  node: DesignNode;
  runtime: RuntimeId;
  rest: RestCall[];
  grpc: GrpcCall[];
  publishes: QueueUse[];
  subscribes: QueueUse[];
  databases: DatabaseUse[];
  /** Links on which other nodes call this service over REST. */
  incomingRest: DesignLink[];
  /** Links on which other services call this service over gRPC. */
  incomingGrpc: DesignLink[];
  /**
   * Whether the service runs a gRPC server: its runtime can, and it declares a gRPC service or
   * other services call it over gRPC.
   */
  servesGrpc: boolean;
}

const BROKERS = new Set<InfraId>(['kafka', 'rabbitmq', 'redis', 'nats']);
const DATABASES = new Set<InfraId>(['postgres', 'mongodb', 'redis']);

/**
 * Derived data of one design, computed once: a design is never changed in place (every edit makes
 * a new one), so the design object is the key. The node and link arrays are checked too, so a
 * design rebuilt around new arrays is never served stale data.
 */
interface DesignIndex {
  nodes: readonly DesignNode[];
  links: readonly DesignLink[];
  byId: Map<string, DesignNode>;
  /** The links that start or end at each node, in design order (a self-link once). */
  touching: Map<string, DesignLink[]>;
  wirings?: readonly ServiceWiring[];
  wiringById?: Map<string, ServiceWiring>;
}

const indexes = new WeakMap<Design, DesignIndex>();

function designIndex(design: Design): DesignIndex {
  const known = indexes.get(design);
  if (known && known.nodes === design.nodes && known.links === design.links) return known;
  const touching = new Map<string, DesignLink[]>();
  const add = (id: string, link: DesignLink) => {
    const list = touching.get(id);
    if (list) list.push(link);
    else touching.set(id, [link]);
  };
  for (const link of design.links) {
    add(link.source, link);
    if (link.target !== link.source) add(link.target, link);
  }
  const index: DesignIndex = {
    nodes: design.nodes,
    links: design.links,
    byId: new Map(design.nodes.map((n) => [n.id, n])),
    touching,
  };
  indexes.set(design, index);
  return index;
}

/**
 * The wiring of every service of the design, in design order. Computed once per design: the
 * array is the caller's own, the wirings in it are shared and must not be changed.
 */
export function wireServices(design: Design): ServiceWiring[] {
  return [...wirings(design)];
}

function wirings(design: Design): readonly ServiceWiring[] {
  const index = designIndex(design);
  index.wirings ??= computeWirings(design, index);
  return index.wirings;
}

/** The wiring of one service by node id (undefined for a node that is not a service). */
export function serviceWiring(design: Design, nodeId: string): ServiceWiring | undefined {
  const index = designIndex(design);
  index.wiringById ??= new Map(wirings(design).map((w) => [w.node.id, w]));
  return index.wiringById.get(nodeId);
}

function computeWirings(design: Design, { byId, touching }: DesignIndex): ServiceWiring[] {
  const out: ServiceWiring[] = [];
  for (const node of design.nodes) {
    if (!isRuntime(node.kind)) continue;
    const w: ServiceWiring = {
      design,
      node,
      runtime: node.kind,
      rest: [],
      grpc: [],
      publishes: [],
      subscribes: [],
      databases: [],
      incomingRest: [],
      incomingGrpc: [],
      servesGrpc: false,
    };
    for (const link of touching.get(node.id) ?? []) {
      const source = byId.get(link.source);
      const target = byId.get(link.target);
      if (!source || !target) continue;
      if (link.source === node.id) {
        if (link.kind === 'rest' && isRuntime(target.kind))
          w.rest.push({
            link,
            target,
            envVar: `${nodeEnvPrefix(target)}_URL`,
            endpoints: usedBy(target.api?.rest ?? [], link),
          });
        else if (link.kind === 'grpc' && isRuntime(target.kind))
          w.grpc.push({
            link,
            target,
            envVar: `${nodeEnvPrefix(target)}_GRPC_ADDR`,
            rpcs: usedBy(target.api?.grpc.flatMap((g) => g.rpcs) ?? [], link),
          });
        else if (link.kind === 'queue' && isInfra(target.kind) && BROKERS.has(target.kind))
          w.publishes.push(queueUse(link, target));
        else if (link.kind === 'database' && isInfra(target.kind) && DATABASES.has(target.kind))
          w.databases.push({
            link,
            database: target,
            databaseKind: target.kind as DatabaseUse['databaseKind'],
            envVar: `${nodeEnvPrefix(target)}_URL`,
          });
      } else if (link.target === node.id) {
        if (link.kind === 'rest') w.incomingRest.push(link);
        else if (link.kind === 'grpc') w.incomingGrpc.push(link);
        else if (link.kind === 'queue' && isInfra(source.kind) && BROKERS.has(source.kind))
          w.subscribes.push(queueUse(link, source));
      }
    }
    w.servesGrpc = RUNTIMES[node.kind].grpc && (w.incomingGrpc.length > 0 || (node.api?.grpc.length ?? 0) > 0);
    out.push(w);
  }
  return out;
}

function queueUse(link: DesignLink, broker: DesignNode): QueueUse {
  const topic = topicName(link.topic);
  return {
    link,
    broker,
    brokerKind: broker.kind as QueueUse['brokerKind'],
    envVar: `${nodeEnvPrefix(broker)}_URL`,
    topic,
    message: broker.channels?.find((c) => topicName(c.topic) === topic)?.message ?? 'google.protobuf.Struct',
  };
}

/**
 * The connection string of an infrastructure node as a client needs it. Its user and password
 * (see credentials.ts) are written by `ref`: themselves, or a reference to where a deployment
 * keeps them. They go into the URL as they are, so a password of one's own keeps to URL-safe
 * characters (letters, digits, `-._~`).
 */
export function infraUrl(
  node: DesignNode,
  r: Resolver = networkResolver,
  ref: CredentialRef = literalCredential,
): string {
  const h = r.host(node);
  const p = r.port(node);
  const [user, password] = infraCredentials(node).map(ref);
  const db = encodeURIComponent(infraDatabase(node));
  switch (node.kind as InfraId) {
    case 'kafka':
      return `${h}:${p}`;
    case 'rabbitmq':
      return `amqp://${user}:${password}@${h}:${p}/`;
    case 'redis':
      return `redis://${h}:${p}/0`;
    case 'nats':
      return `nats://${h}:${p}`;
    case 'postgres':
      return `postgresql://${user}:${password}@${h}:${p}/${db}`;
    case 'mongodb':
      return user === undefined
        ? `mongodb://${h}:${p}/${db}`
        : `mongodb://${user}:${password}@${h}:${p}/${db}?authSource=admin`;
    default:
      return `http://${h}:${p}`;
  }
}

/**
 * The environment a service starts with, in a stable order: its own identity and ports, one
 * variable per outgoing link target, then the user's own variables (which win on a clash).
 * Credentials in addresses are written by `ref` (see `infraUrl`).
 */
export function serviceEnv(
  w: ServiceWiring,
  r: Resolver = networkResolver,
  ref: CredentialRef = literalCredential,
): [string, string][] {
  const env = new Map<string, string>();
  env.set('SERVICE_NAME', dnsLabel(w.node.name));
  env.set('PORT', String(r.port(w.node)));
  if (w.servesGrpc) env.set('GRPC_PORT', String(r.grpcPort(w.node)));
  for (const c of w.rest) env.set(c.envVar, `http://${r.host(c.target)}:${r.port(c.target)}`);
  for (const c of w.grpc) env.set(c.envVar, `${r.host(c.target)}:${r.grpcPort(c.target)}`);
  for (const q of [...w.publishes, ...w.subscribes]) env.set(q.envVar, infraUrl(q.broker, r, ref));
  for (const d of w.databases) env.set(d.envVar, infraUrl(d.database, r, ref));
  for (const e of w.node.env) env.set(e.key, ownEnvValue(w.node, e, ref));
  return [...env.entries()];
}

/** The nodes a node must wait for before it starts (its link targets, brokers it reads from). */
export function dependencies(design: Design, node: DesignNode): DesignNode[] {
  const { byId, touching } = designIndex(design);
  const deps = new Map<string, DesignNode>();
  for (const l of touching.get(node.id) ?? []) {
    if (l.source === node.id && l.kind !== 'queue') {
      const t = byId.get(l.target);
      if (t) deps.set(t.id, t);
    }
    if (l.kind === 'queue') {
      // producers and consumers both need their broker up
      const brokerId = l.source === node.id ? l.target : l.target === node.id ? l.source : undefined;
      const b = brokerId ? byId.get(brokerId) : undefined;
      if (b && isBroker(b.kind)) deps.set(b.id, b);
    }
  }
  return [...deps.values()];
}

export { INFRA };
