/**
 * The links of this service, as the design declares them. Generated: regenerate, do not edit.
 * Every address is read from an environment variable that compose.yaml and the Kubernetes
 * ConfigMap set; nothing here names a host.
 */

export const LANGUAGE = "TypeScript";
export const FRAMEWORK = "Express";
export const DEFAULT_SERVICE_NAME = "cafe";
export const DEFAULT_PORT = 3000;
export const DEFAULT_GRPC_PORT = 50051;
export const SERVES_GRPC = true;
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
  if (!value) throw new Error(`${name} is not set`);
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
  { target: "quote-s", env: "QUOTE_S_URL", client: "quoteSRest", typed: true },
];

export const GRPC_LINKS: GrpcLink[] = [
  { target: "an-extremely-long-service-name-that", env: "AN_EXTREMELY_LONG_SERVICE_NAME_THAT_GRPC_ADDR", client: "anExtremelyLongServiceNameThatKeepsGoingGrpc", typed: true },
];

export const PUBLISHES: QueueLink[] = [

];

export const SUBSCRIBES: QueueLink[] = [

];

export const DATABASES: DatabaseLink[] = [

];
