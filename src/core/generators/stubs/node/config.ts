import { sampleOf } from '../../../model/contracts';
import { dnsLabel } from '../../../model/naming';
import { lit, type StubPlan } from '../python/plan';
import { clientNames } from './names';

/** `src/plumbing/config.ts`: the service's identity and its links, as data read by the plumbing. */
export function configTs(p: StubPlan): string {
  const names = clientNames(p);
  const grpcMissing = p.w.grpc.filter((c) => !p.grpc.some((g) => g.call.link.id === c.link.id));
  const grpcRows = [
    ...p.grpc.map(
      (g) =>
        `  { target: ${lit(g.target)}, env: ${lit(g.call.envVar)}, client: ${lit(names.grpc.get(g)?.instance ?? '')}, typed: ${g.typed ? 'true' : 'false'} },`,
    ),
    ...grpcMissing.map(
      (c) => `  { target: ${lit(dnsLabel(c.target.name))}, env: ${lit(c.envVar)}, client: '', typed: false },`,
    ),
  ];
  return `/**
 * The links of this service, as the design declares them. Generated: regenerate, do not edit.
 * Every address is read from an environment variable that compose.yaml and the Kubernetes
 * ConfigMap set; nothing here names a host.
 */

export const LANGUAGE = ${lit(p.language)};
export const FRAMEWORK = ${lit(p.framework)};
export const DEFAULT_SERVICE_NAME = ${lit(p.dns)};
export const DEFAULT_PORT = ${p.w.node.port};
export const DEFAULT_GRPC_PORT = ${p.w.node.grpcPort};
export const SERVES_GRPC = ${p.own ? 'true' : 'false'};
/** Milliseconds a broker or database operation may take before it counts as failed. */
export const TIMEOUT_MS = 5000;

/**
 * Milliseconds a call to another service may take: more the nearer the call is to the entry, so
 * that a slow link deep in the tree shows up as failed there, not as a time-out of every caller
 * above it (each hop waits a second longer than the one below, down to TIMEOUT_MS + 1 s).
 */
export function callTimeoutMs(hopLength: number): number {
  return TIMEOUT_MS + 1000 * Math.max(1, 8 - hopLength);
}

export function serviceName(): string {
  return process.env.SERVICE_NAME || DEFAULT_SERVICE_NAME;
}

export function httpPort(): number {
  return Number(process.env.PORT || DEFAULT_PORT);
}

export function grpcPort(): number {
  return Number(process.env.GRPC_PORT || DEFAULT_GRPC_PORT);
}

/** The value of an address variable; throws when it is not set, so a call reports why. */
export function env(name: string): string {
  const value = (process.env[name] ?? '').trim();
  if (!value) throw new Error(\`\${name} is not set\`);
  return value;
}

export type BrokerKind = 'kafka' | 'rabbitmq' | 'redis' | 'nats';
export type DatabaseKind = 'postgres' | 'mongodb' | 'redis';

export interface RestLink {
  target: string;
  env: string;
  /** The client in restClients.ts. */
  client: string;
  /** Whether the target reads the typed contracts too: /ping then exercises every endpoint the link uses. */
  typed: boolean;
}

export interface GrpcLink {
  target: string;
  env: string;
  /** The client in grpcClients.ts; empty when the target serves no gRPC. */
  client: string;
  /** Whether the target reads the typed contracts too: /ping then exercises every RPC the link uses. */
  typed: boolean;
}

export interface QueueLink {
  broker: string;
  kind: BrokerKind;
  env: string;
  topic: string;
  /** The sample of the channel's message: the payload published, and what a consumer expects. */
  payload: unknown;
}

export interface DatabaseLink {
  target: string;
  kind: DatabaseKind;
  env: string;
}

export const REST_LINKS: RestLink[] = [
${p.rest.map((r) => `  { target: ${lit(r.target)}, env: ${lit(r.call.envVar)}, client: ${lit(names.rest.get(r)?.instance ?? '')}, typed: ${r.typed ? 'true' : 'false'} },`).join('\n')}
];

export const GRPC_LINKS: GrpcLink[] = [
${grpcRows.join('\n')}
];

export const PUBLISHES: QueueLink[] = [
${p.publishes.map((q) => `  {\n    broker: ${lit(dnsLabel(q.broker.name))},\n    kind: ${lit(q.brokerKind)},\n    env: ${lit(q.envVar)},\n    topic: ${lit(q.topic)},\n    payload: ${JSON.stringify(sampleOf(p.ctx.design, q.message))},\n  },`).join('\n')}
];

export const SUBSCRIBES: QueueLink[] = [
${p.subscribes.map((q) => `  { broker: ${lit(dnsLabel(q.broker.name))}, kind: ${lit(q.brokerKind)}, env: ${lit(q.envVar)}, topic: ${lit(q.topic)}, payload: ${JSON.stringify(sampleOf(p.ctx.design, q.message))} },`).join('\n')}
];

export const DATABASES: DatabaseLink[] = [
${p.databases.map((d) => `  { target: ${lit(dnsLabel(d.database.name))}, kind: ${lit(d.databaseKind)}, env: ${lit(d.envVar)} },`).join('\n')}
];
`;
}
