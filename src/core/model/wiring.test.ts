import { describe, expect, it } from 'vitest';
import type { LinkKind, NodeKind } from '../catalog/catalog';
import { addNode, connect, updateNode } from '../ops/ops';
import { emptyDesign, type Design, type DesignNode } from './types';
import { dependencies, infraUrl, networkResolver, serviceEnv, wireServices, type Resolver } from './wiring';

function design(nodes: [string, NodeKind, string][], links: [string, string, LinkKind, string?][]): Design {
  let d = emptyDesign('shop');
  for (const [id, kind, name] of nodes) {
    const r = addNode(d, { kind, id, name, position: { x: 0, y: 0 } });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
  }
  for (const [source, target, kind, topic] of links) {
    const r = connect(d, { source, target, kind });
    if (!r.ok) throw new Error(r.reason);
    d =
      topic === undefined
        ? r.design
        : { ...r.design, links: r.design.links.map((l) => (l.id === r.id ? { ...l, topic } : l)) };
  }
  return d;
}

const shop = design(
  [
    ['bff', 'node-express', 'Web BFF'],
    ['orders', 'python-fastapi', 'orders'],
    ['inv', 'go-nethttp', 'Inventory Service'],
    ['kafka', 'kafka', 'kafka'],
    ['rabbit', 'rabbitmq', 'rabbitmq'],
    ['cache', 'redis', 'cache'],
    ['bus', 'nats', 'event bus'],
    ['pg', 'postgres', 'orders-db'],
    ['mongo', 'mongodb', 'mongo'],
    ['web', 'frontend', 'web'],
  ],
  [
    ['web', 'bff', 'rest'],
    ['bff', 'orders', 'rest'],
    ['orders', 'inv', 'grpc'],
    ['orders', 'kafka', 'queue', 'Order Events'],
    ['kafka', 'inv', 'queue', 'Order Events'],
    ['inv', 'rabbit', 'queue'],
    ['inv', 'bus', 'queue'],
    ['bus', 'bff', 'queue'],
    ['orders', 'pg', 'database'],
    ['orders', 'cache', 'database'],
    ['bff', 'mongo', 'database'],
    ['inv', 'cache', 'queue'],
  ],
);

const byName = (name: string) => {
  const w = wireServices(shop).find((x) => x.node.name === name);
  if (!w) throw new Error(name);
  return w;
};

describe('wireServices', () => {
  it('lists services only, in design order', () => {
    expect(wireServices(shop).map((w) => w.node.name)).toEqual(['Web BFF', 'orders', 'Inventory Service']);
  });

  it('sorts each link of a service by kind and direction', () => {
    const o = byName('orders');
    expect(o.rest).toEqual([]);
    expect(o.grpc.map((c) => [c.target.name, c.envVar])).toEqual([
      ['Inventory Service', 'INVENTORY_SERVICE_GRPC_ADDR'],
    ]);
    expect(o.publishes.map((q) => [q.brokerKind, q.topic, q.envVar])).toEqual([['kafka', 'order-events', 'KAFKA_URL']]);
    expect(o.databases.map((d) => [d.databaseKind, d.envVar])).toEqual([
      ['postgres', 'ORDERS_DB_URL'],
      ['redis', 'CACHE_URL'],
    ]);
    expect(o.incomingRest).toHaveLength(1);
    expect(o.servesGrpc).toBe(false);

    const inv = byName('Inventory Service');
    expect(inv.servesGrpc).toBe(true);
    expect(inv.incomingGrpc).toHaveLength(1);
    expect(inv.subscribes.map((q) => [q.brokerKind, q.topic])).toEqual([['kafka', 'order-events']]);
    expect(inv.publishes.map((q) => q.brokerKind)).toEqual(['rabbitmq', 'nats', 'redis']);

    const bff = byName('Web BFF');
    // the frontend's call counts as incoming REST, even though the frontend is not a service
    expect(bff.incomingRest).toHaveLength(1);
    expect(bff.rest.map((c) => c.envVar)).toEqual(['ORDERS_URL']);
    expect(bff.subscribes.map((q) => [q.brokerKind, q.envVar])).toEqual([['nats', 'EVENT_BUS_URL']]);
  });
});

describe('serviceEnv in compose and Kubernetes', () => {
  it('sets identity, ports and one address per link, as the stub contract says', () => {
    expect(Object.fromEntries(serviceEnv(byName('orders')))).toEqual({
      SERVICE_NAME: 'orders',
      PORT: '8000',
      INVENTORY_SERVICE_GRPC_ADDR: 'inventory-service:50051',
      KAFKA_URL: 'kafka:9092',
      ORDERS_DB_URL: 'postgresql://app:app@orders-db:5432/app',
      CACHE_URL: 'redis://cache:6379/0',
    });
    expect(Object.fromEntries(serviceEnv(byName('Inventory Service')))).toEqual({
      SERVICE_NAME: 'inventory-service',
      PORT: '8080',
      GRPC_PORT: '50051',
      KAFKA_URL: 'kafka:9092',
      RABBITMQ_URL: 'amqp://guest:guest@rabbitmq:5672/',
      EVENT_BUS_URL: 'nats://event-bus:4222',
      CACHE_URL: 'redis://cache:6379/0',
    });
    expect(Object.fromEntries(serviceEnv(byName('Web BFF')))).toEqual({
      SERVICE_NAME: 'web-bff',
      PORT: '3000',
      ORDERS_URL: 'http://orders:8000',
      EVENT_BUS_URL: 'nats://event-bus:4222',
      MONGO_URL: 'mongodb://mongo:27017/app',
    });
  });

  it('keeps a stable order and lets the user override a variable', () => {
    const r = updateNode(shop, 'orders', {
      env: [
        { key: 'KAFKA_URL', value: 'external:9093' },
        { key: 'LOG_LEVEL', value: 'debug' },
      ],
    });
    if (!r.ok) throw new Error(r.reason);
    const w = wireServices(r.design).find((x) => x.node.id === 'orders');
    if (!w) throw new Error('orders');
    const env = serviceEnv(w);
    expect(env.map(([k]) => k)).toEqual([
      'SERVICE_NAME',
      'PORT',
      'INVENTORY_SERVICE_GRPC_ADDR',
      'KAFKA_URL',
      'ORDERS_DB_URL',
      'CACHE_URL',
      'LOG_LEVEL',
    ]);
    expect(Object.fromEntries(env).KAFKA_URL).toBe('external:9093');
  });
});

describe('serviceEnv with a native resolver', () => {
  const ports = new Map<string, [number, number]>([
    ['orders', [41000, 41001]],
    ['inv', [41002, 41003]],
    ['kafka', [41004, 0]],
    ['pg', [41005, 0]],
    ['cache', [41006, 0]],
  ]);
  const native: Resolver = {
    host: () => '127.0.0.1',
    port: (n: DesignNode) => ports.get(n.id)?.[0] ?? -1,
    grpcPort: (n: DesignNode) => ports.get(n.id)?.[1] ?? -1,
  };

  it('points every address at 127.0.0.1 and the remapped ports', () => {
    expect(Object.fromEntries(serviceEnv(byName('orders'), native))).toEqual({
      SERVICE_NAME: 'orders',
      PORT: '41000',
      INVENTORY_SERVICE_GRPC_ADDR: '127.0.0.1:41003',
      KAFKA_URL: '127.0.0.1:41004',
      ORDERS_DB_URL: 'postgresql://app:app@127.0.0.1:41005/app',
      CACHE_URL: 'redis://127.0.0.1:41006/0',
    });
    expect(Object.fromEntries(serviceEnv(byName('Inventory Service'), native)).GRPC_PORT).toBe('41003');
  });

  it('formats each infrastructure URL', () => {
    const node = (kind: NodeKind): DesignNode => ({
      id: kind,
      kind,
      name: kind,
      position: { x: 0, y: 0 },
      port: 1234,
      grpcPort: 0,
      replicas: 1,
      env: [],
      description: '',
    });
    expect(infraUrl(node('kafka'), networkResolver)).toBe('kafka:1234');
    expect(infraUrl(node('rabbitmq'))).toBe('amqp://guest:guest@rabbitmq:1234/');
    expect(infraUrl(node('nats'))).toBe('nats://nats:1234');
    expect(infraUrl(node('mongodb'))).toBe('mongodb://mongodb:1234/app');
    expect(infraUrl(node('gateway'))).toBe('http://gateway:1234');
  });
});

describe('dependencies', () => {
  const names = (id: string) => {
    const n = shop.nodes.find((x) => x.id === id);
    if (!n) throw new Error(id);
    return dependencies(shop, n)
      .map((d) => d.name)
      .sort();
  };

  it('waits for call targets, databases and the brokers it uses in either direction', () => {
    expect(names('orders')).toEqual(['Inventory Service', 'cache', 'kafka', 'orders-db']);
    expect(names('inv')).toEqual(['cache', 'event bus', 'kafka', 'rabbitmq']);
    expect(names('bff')).toEqual(['event bus', 'mongo', 'orders']);
    expect(names('web')).toEqual(['Web BFF']);
  });

  it('gives infrastructure no dependencies', () => {
    expect(names('kafka')).toEqual([]);
    expect(names('pg')).toEqual([]);
  });
});
