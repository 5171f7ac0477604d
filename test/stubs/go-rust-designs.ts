import type { RuntimeId } from '../../src/core/catalog/catalog';
import { addNode } from '../../src/core/ops/ops';
import { emptyDesign, type Design, type DesignLink } from '../../src/core/model/types';
import { fromV2, v2Link, type V2Contract, type V2Link } from '../../src/core/model/v2.testkit';
import { wireServices } from '../../src/core/model/wiring';
import { stubContext } from '../../src/core/generators/project';
import type { StubContext } from '../../src/core/generators/stubs/types';

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
  const links: V2Link[] = [];
  const link = (source: string, target: string, kind: DesignLink['kind'], patch: V2Contract = {}) => {
    links.push(v2Link(d, links, `l${links.length + 1}`, kind, source, target, patch));
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
  return fromV2(d, links);
}

/** The StubContext of every service of a design, as the export builds it. */
export function stubContexts(design: Design): StubContext[] {
  const all = wireServices(design);
  return all.map((w) => stubContext(design, w, all));
}
