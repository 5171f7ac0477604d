/**
 * Designs for the stub tests, built through the same ops as the app: services that call and are
 * called over REST and gRPC, publish and consume on every broker kind, use every database kind,
 * and carry hostile names.
 */
import type { NodeKind, RuntimeId } from '../../src/core/catalog/catalog';
import { stubContext } from '../../src/core/generators/project';
import type { StubContext } from '../../src/core/generators/stubs/types';
import { wireServices } from '../../src/core/model/wiring';
import { emptyDesign, type Design, type DesignLink } from '../../src/core/model/types';
import { fromV2, v2Link, type V2Contract, type V2Link } from '../../src/core/model/v2.testkit';
import { addNode } from '../../src/core/ops/ops';

/** Nodes through the ops; links as version 2 declared them, migrated (see v2.testkit). */
export class Builder {
  private nodes: Design;
  private links: V2Link[] = [];
  constructor(name: string) {
    this.nodes = emptyDesign(name);
  }
  get design(): Design {
    return fromV2(this.nodes, this.links);
  }
  add(kind: NodeKind, name: string): string {
    const r = addNode(this.nodes, { kind, name, position: { x: 0, y: 0 } });
    if (!r.ok) throw new Error(r.reason);
    this.nodes = r.design;
    return r.id;
  }
  node(kind: NodeKind) {
    return this.nodes.nodes.find((n) => n.kind === kind);
  }
  link(source: string, target: string, kind: DesignLink['kind'], patch: V2Contract = {}): string {
    const id = `l${this.links.length + 1}`;
    this.links.push(v2Link(this.nodes, this.links, id, kind, source, target, patch));
    return id;
  }
}

/**
 * A system where the runtime under test is the caller, the callee and the consumer: `a` calls `b`
 * over REST and gRPC, `b` calls `a` back (a cycle), `a` publishes on every broker kind and `b`
 * consumes everything, `a` uses PostgreSQL and MongoDB and `b` Redis as a database.
 */
export function fullDesign(runtime: RuntimeId, other: RuntimeId = runtime): Design {
  const b = new Builder('shop');
  const a = b.add(runtime, 'orders');
  const c = b.add(other, 'inventory');
  b.link(a, c, 'rest', {
    endpoints: [
      {
        method: 'GET',
        path: '/items/{id}',
        request: [],
        response: [
          { name: 'id', type: 'string' },
          { name: 'count', type: 'int' },
        ],
      },
      {
        method: 'POST',
        path: '/items',
        request: [{ name: 'name', type: 'string' }],
        response: [{ name: 'ok', type: 'bool' }],
      },
    ],
  });
  b.link(a, c, 'grpc');
  b.link(c, a, 'rest');
  b.link(c, a, 'grpc');
  for (const kind of ['kafka', 'rabbitmq', 'redis', 'nats'] as const) {
    const broker = b.add(kind, kind);
    b.link(a, broker, 'queue', { topic: `${kind}-events` });
    b.link(broker, c, 'queue', { topic: `${kind}-events` });
  }
  b.link(a, b.add('postgres', 'postgres'), 'database');
  b.link(a, b.add('mongodb', 'mongodb'), 'database');
  const redis = b.node('redis');
  if (redis) b.link(c, redis.id, 'database');
  return b.design;
}

/** Names and contracts that try to break generated code: quotes, shell, paths, keywords, unicode. */
export function hostileDesign(runtime: RuntimeId): Design {
  const b = new Builder('"; rm -rf / class');
  const a = b.add(runtime, 'class "quoted" $(x) `y`');
  const c = b.add(runtime, '../../etc/passwd ñandú');
  const d = b.add(runtime, 'import');
  b.link(a, c, 'rest', {
    endpoints: [
      {
        method: 'PUT',
        path: '/../{class}/"x"/{self}/{body}',
        request: [
          { name: 'from', type: 'string' },
          { name: 'path', type: 'int' },
          { name: 'self', type: 'float' },
        ],
        response: [
          { name: 'return', type: 'bool' },
          { name: 'None', type: 'string' },
        ],
      },
      { method: 'GET', path: '/', request: [], response: [] },
    ],
  });
  b.link(a, c, 'grpc', {
    rpcs: [
      { name: 'Ping', request: [], response: [] },
      {
        name: 'def',
        request: [
          { name: 'lambda', type: 'string' },
          { name: 'self', type: 'bool' },
        ],
        response: [{ name: 'yield', type: 'int' }],
      },
    ],
  });
  b.link(c, d, 'grpc');
  b.link(d, a, 'rest');
  const k = b.add('kafka', 'kafka "x"');
  b.link(a, k, 'queue', { topic: '"; DROP TABLE x; --', message: [{ name: 'while', type: 'string' }] });
  b.link(k, c, 'queue', { topic: '"; DROP TABLE x; --' });
  return b.design;
}

/** The stub context of every service of a design, as the project generator builds it. */
export function stubContexts(design: Design): StubContext[] {
  const all = wireServices(design);
  return all.map((w) => stubContext(design, w, all));
}
