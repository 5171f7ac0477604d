import type { LinkKind, NodeKind } from '../../../catalog/catalog';
import { stubContext } from '../../project';
import { addNode } from '../../../ops/ops';
import { emptyDesign, type Design } from '../../../model/types';
import { fromV2, v2Link, type V2Contract, type V2Link } from '../../../model/v2.testkit';
import { wireServices } from '../../../model/wiring';
import type { StubContext } from '../types';

/**
 * Designs that exercise every part of the Java stub, made with the app's own ops and links
 * written as version 2 wrote them (migrated): used by the unit tests and by the native
 * build-and-run check of the stub.
 */

type Node = [id: string, kind: NodeKind, name: string];
type Link = [from: string, to: string, kind: LinkKind, patch?: V2Contract];

function build(project: string, nodes: Node[], links: Link[]): Design {
  let d = emptyDesign(project);
  for (const [id, kind, name] of nodes) {
    const r = addNode(d, { kind, id, name, position: { x: 0, y: 0 } });
    if (!r.ok) throw new Error(`${id}: ${r.reason}`);
    d = r.design;
  }
  const v2: V2Link[] = [];
  links.forEach(([from, to, kind, patch], i) => v2.push(v2Link(d, v2, `l${i}`, kind, from, to, patch)));
  return fromV2(d, v2);
}

const topic = (t: string): V2Contract => ({ topic: t });

/**
 * `front` calls `back` over REST and gRPC and publishes on every broker kind; `back` consumes
 * them all, publishes a reply, and uses PostgreSQL, MongoDB and Redis. A Python service calls
 * `back` too, and `back` calls it over gRPC, so a proto of another runtime is a target.
 */
export function everyLinkDesign(): Design {
  return build(
    'shop',
    [
      ['front', 'java-spring', 'front'],
      ['back', 'java-spring', 'back'],
      ['py', 'python-fastapi', 'py'],
      ['kafka', 'kafka', 'kafka'],
      ['rabbitmq', 'rabbitmq', 'rabbitmq'],
      ['redis', 'redis', 'redis'],
      ['nats', 'nats', 'nats'],
      ['postgres', 'postgres', 'postgres'],
      ['mongodb', 'mongodb', 'mongodb'],
    ],
    [
      [
        'front',
        'back',
        'rest',
        {
          endpoints: [
            { method: 'GET', path: '/orders/{id}', request: [], response: [{ name: 'id', type: 'string' }] },
            {
              method: 'POST',
              path: '/orders',
              request: [
                { name: 'item', type: 'string' },
                { name: 'qty', type: 'int' },
              ],
              response: [
                { name: 'id', type: 'string' },
                { name: 'accepted', type: 'bool' },
                { name: 'total', type: 'float' },
              ],
            },
          ],
        },
      ],
      ['front', 'back', 'grpc'],
      ['py', 'back', 'rest'],
      ['back', 'py', 'grpc'],
      ['front', 'kafka', 'queue', topic('k-events')],
      ['kafka', 'back', 'queue', topic('k-events')],
      ['front', 'rabbitmq', 'queue', topic('r-events')],
      ['rabbitmq', 'back', 'queue', topic('r-events')],
      ['front', 'redis', 'queue', topic('s-events')],
      ['redis', 'back', 'queue', topic('s-events')],
      ['front', 'nats', 'queue', topic('n-events')],
      ['nats', 'back', 'queue', topic('n-events')],
      ['back', 'nats', 'queue', topic('replies')],
      ['nats', 'front', 'queue', topic('replies')],
      ['back', 'postgres', 'database'],
      ['back', 'mongodb', 'database'],
      ['back', 'redis', 'database'],
    ],
  );
}

/**
 * Hostile names everywhere: a project named `java` (a package no class loader accepts), services
 * whose names are reserved words, path tricks, a java.lang class or protoc's outer class, and
 * fields, RPCs and topics named like the plumbing's own members; plus a service that serves gRPC
 * with no declared RPC and one with no link at all.
 */
export function hostileDesign(): Design {
  const fields = [
    { name: 'class', type: 'string' as const },
    { name: 'hash code', type: 'int' as const },
    { name: 'all fields', type: 'bool' as const },
    { name: 'a1b', type: 'float' as const },
    { name: 'path', type: 'string' as const },
    { name: 'Ünïcödé 名前', type: 'string' as const },
  ];
  return build(
    'java',
    [
      ['a', 'java-spring', '"; rm -rf /'],
      ['b', 'java-spring', 'x1 service'],
      ['c', 'java-spring', 'class'],
      ['d', 'java-spring', 'Object'],
      ['e', 'java-spring', 'lonely'],
      ['kafka', 'kafka', 'Kafka "main"'],
    ],
    [
      [
        'a',
        'b',
        'rest',
        {
          endpoints: [
            { method: 'PUT', path: '/../{class}/x/{id}', request: fields, response: fields },
            { method: 'DELETE', path: '/', request: [], response: [] },
          ],
        },
      ],
      [
        'a',
        'b',
        'grpc',
        {
          rpcs: [
            { name: 'X1', request: fields, response: fields },
            { name: 'Ping', request: [], response: [] },
            { name: 'stub', request: [], response: fields },
            { name: 'PingRequest', request: [], response: [] },
          ],
        },
      ],
      ['c', 'b', 'grpc', { rpcs: [{ name: 'address', request: [], response: [] }] }],
      ['b', 'c', 'rest'],
      ['a', 'kafka', 'queue', { topic: 'Orders/../Ünï', message: fields }],
      ['kafka', 'c', 'queue', { topic: 'Orders/../Ünï', message: fields }],
      ['kafka', 'a', 'queue', { topic: 'orders..x', message: [] }],
      ['a', 'd', 'grpc', { rpcs: [] }],
      ['a', 'd', 'rest', { endpoints: [] }],
    ],
  );
}

/** The stub context of every Java service of a design, as the project export builds them. */
export function javaContexts(design: Design): StubContext[] {
  const all = wireServices(design);
  return all.filter((w) => w.runtime === 'java-spring').map((w) => stubContext(design, w, all));
}

/**
 * A Java service among one service of each other tier-1 runtime with a stub, every one of them
 * publishing to and consuming `mix` on all four brokers, with REST and gRPC calls across
 * languages: the envelope and the broker semantics must interoperate for every pair.
 */
export function crossLanguageDesign(): Design {
  const services: Node[] = [
    ['jv', 'java-spring', 'jv'],
    ['nd', 'node-express', 'nd'],
    ['go', 'go-nethttp', 'gopher'],
    ['py', 'python-fastapi', 'py'],
  ];
  const brokers: Node[] = [
    ['kafka', 'kafka', 'kafka'],
    ['rabbitmq', 'rabbitmq', 'rabbitmq'],
    ['redis', 'redis', 'redis'],
    ['nats', 'nats', 'nats'],
  ];
  const queues: Link[] = services.flatMap(([s]) =>
    brokers.flatMap(([b]): Link[] => [
      [s, b, 'queue', topic('mix')],
      [b, s, 'queue', topic('mix')],
    ]),
  );
  return build(
    'mix',
    [...services, ...brokers],
    [['jv', 'nd', 'rest'], ['jv', 'go', 'grpc'], ['nd', 'py', 'rest'], ['py', 'jv', 'grpc'], ...queues],
  );
}
