import type { ServiceWiring } from '../../model/wiring';

/** Which optional parts of the plumbing a service needs, from its links: only these get dependencies. */
export interface StubFeatures {
  grpc: boolean;
  /** Outgoing REST calls (an HTTP client is needed). */
  rest: boolean;
  kafka: boolean;
  rabbitmq: boolean;
  redis: boolean;
  nats: boolean;
  postgres: boolean;
  mongodb: boolean;
}

/** The features of one service; Redis counts once whether it is a broker or a database. */
export function stubFeatures(w: ServiceWiring): StubFeatures {
  const queues = [...w.publishes, ...w.subscribes].map((q) => q.brokerKind);
  const dbs = w.databases.map((d) => d.databaseKind);
  return {
    grpc: w.servesGrpc || w.grpc.length > 0,
    rest: w.rest.length > 0,
    kafka: queues.includes('kafka'),
    rabbitmq: queues.includes('rabbitmq'),
    redis: queues.includes('redis') || dbs.includes('redis'),
    nats: queues.includes('nats'),
    postgres: dbs.includes('postgres'),
    mongodb: dbs.includes('mongodb'),
  };
}
