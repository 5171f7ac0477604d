/**
 * Designs for the stub tests, built through the same ops as the app: services that call and are
 * called over REST and gRPC, publish and consume on every broker kind, use every database kind,
 * and carry hostile names.
 */
import type { NodeKind, RuntimeId } from '../../src/core/catalog/catalog';
import { protoForService } from '../../src/core/generators/proto/proto';
import type { StubContext } from '../../src/core/generators/stubs/types';
import { wireServices, type ServiceWiring } from '../../src/core/model/wiring';
import { emptyDesign, type Design, type DesignLink } from '../../src/core/model/types';
import { addNode, connect, updateLink } from '../../src/core/ops/ops';

class Builder {
  design: Design;
  constructor(name: string) {
    this.design = emptyDesign(name);
  }
  add(kind: NodeKind, name: string): string {
    const r = addNode(this.design, { kind, name, position: { x: 0, y: 0 } });
    if (!r.ok) throw new Error(r.reason);
    this.design = r.design;
    return r.id;
  }
  link(source: string, target: string, kind: DesignLink['kind'], patch: Partial<DesignLink> = {}): string {
    const r = connect(this.design, { source, target, kind });
    if (!r.ok) throw new Error(r.reason);
    this.design = r.design;
    if (Object.keys(patch).length > 0) {
      const u = updateLink(this.design, r.id, patch);
      if (!u.ok) throw new Error(u.reason);
      this.design = u.design;
    }
    return r.id;
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
  const redis = b.design.nodes.find((n) => n.kind === 'redis');
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
  return all.map((w: ServiceWiring) => ({
    design,
    wiring: w,
    ownProto: w.servesGrpc ? protoForService(design, w) : null,
    targetProtos: w.grpc.flatMap((call) => {
      const t = all.find((x) => x.node.id === call.target.id);
      return t?.servesGrpc ? [{ call, file: protoForService(design, t) }] : [];
    }),
  }));
}
