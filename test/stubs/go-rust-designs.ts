import type { RuntimeId } from '../../src/core/catalog/catalog';
import { addNode, connect, updateLink, type OpResult } from '../../src/core/ops/ops';
import { emptyDesign, type Design, type DesignLink } from '../../src/core/model/types';
import { wireServices, type ServiceWiring } from '../../src/core/model/wiring';
import { protoForService } from '../../src/core/generators/proto/proto';
import type { StubContext } from '../../src/core/generators/stubs/types';

function must<T>(r: OpResult<T>): Design & T {
  if (!r.ok) throw new Error(r.reason);
  return { ...r.design, ...(r as unknown as T) };
}

/**
 * A design that exercises every part of a stub: `edge` calls `middle` over REST and gRPC and
 * `middle` calls back over REST (a loop); both publish to and consume from every broker kind;
 * `edge` uses every database kind. Names and fields are deliberately awkward.
 */
export function sampleDesign(edgeRuntime: RuntimeId, middleRuntime: RuntimeId, odd = false): Design {
  let d = emptyDesign(odd ? '../Shop "2"' : 'shop');
  const ids: Record<string, string> = {};
  const add = (key: string, kind: Parameters<typeof addNode>[1]['kind'], name: string) => {
    const r = addNode(d, { kind, name, position: { x: 0, y: 0 }, id: key });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
    ids[key] = r.id;
  };
  add('edge', edgeRuntime, odd ? '"; rm -rf / Édge' : 'edge');
  add('middle', middleRuntime, odd ? 'type' : 'middle');
  for (const k of ['kafka', 'rabbitmq', 'redis', 'nats', 'postgres', 'mongodb'] as const) add(k, k, k);
  const link = (source: string, target: string, kind: DesignLink['kind'], patch: Partial<DesignLink> = {}) => {
    const r = connect(d, { source, target, kind });
    d = must(r);
    if (!r.ok) return;
    const u = updateLink(d, r.id, patch);
    if (!u.ok) throw new Error(u.reason);
    d = u.design;
  };
  const fields = odd
    ? [
        { name: 'type', type: 'string' as const },
        { name: 'from', type: 'string' as const },
        { name: '2 fast', type: 'int' as const },
        { name: 'reset', type: 'bool' as const },
        { name: 'a 2', type: 'float' as const },
        { name: 'a2', type: 'float' as const },
      ]
    : [
        { name: 'sku', type: 'string' as const },
        { name: 'count', type: 'int' as const },
      ];
  link('edge', 'middle', 'rest', {
    endpoints: [
      { method: 'GET', path: '/items/{id}', request: [], response: fields },
      { method: 'POST', path: odd ? '/items/{type}/../"x"' : '/items', request: fields, response: fields },
      { method: 'GET', path: '/', request: [], response: [] },
    ],
  });
  link('edge', 'middle', 'grpc', {
    rpcs: [
      { name: 'Quote', request: fields, response: fields },
      { name: odd ? 'type' : 'Reserve', request: [], response: fields },
    ],
  });
  link('middle', 'edge', 'rest', {
    endpoints: [{ method: 'GET', path: '/orders/{order id}', request: [], response: fields }],
  });
  for (const k of ['kafka', 'rabbitmq', 'redis', 'nats'] as const) {
    const topic = odd ? `${k}.Order Events!` : `${k}-events`;
    link('edge', k, 'queue', { topic, message: fields });
    link(k, 'middle', 'queue', { topic, message: fields });
    link('middle', k, 'queue', { topic: `${topic}-back`, message: fields });
    link(k, 'edge', 'queue', { topic: `${topic}-back`, message: fields });
  }
  link('edge', 'postgres', 'database');
  link('edge', 'mongodb', 'database');
  link('middle', 'redis', 'database');
  return d;
}

/** The StubContext of every service of a design, as the export builds it. */
export function stubContexts(design: Design): StubContext[] {
  const wirings = wireServices(design);
  const byId = new Map<string, ServiceWiring>(wirings.map((w) => [w.node.id, w]));
  return wirings.map((wiring) => ({
    design,
    wiring,
    ownProto: wiring.servesGrpc ? protoForService(design, wiring) : null,
    targetProtos: wiring.grpc.flatMap((call) => {
      const t = byId.get(call.target.id);
      return t?.servesGrpc ? [{ call, file: protoForService(design, t) }] : [];
    }),
  }));
}
