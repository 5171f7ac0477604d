/**
 * Designs for the contract generators' tests: a realistic system, a hostile one, and a fast-check
 * arbitrary of random valid designs. Nodes come from the core ops as the app makes them; the
 * contracts are written on the links as design version 2 wrote them, and migrated (v2.testkit).
 */
import fc from 'fast-check';
import {
  HTTP_METHODS,
  INFRA_IDS,
  RUNTIME_IDS,
  type FieldType,
  type LinkKind,
  type NodeKind,
} from '../../catalog/catalog';
import { packageSegment } from '../../model/naming';
import { emptyDesign, type Design } from '../../model/types';
import {
  fromV2,
  v2Link,
  type V2Contract,
  type V2Endpoint,
  type V2Field,
  type V2Link,
  type V2Rpc,
} from '../../model/v2.testkit';
import { addNode, allowedLinkKinds, updateNode } from '../../ops/ops';

/** Builds a design step by step, failing loudly when an op refuses. */
export class DesignBuilder {
  private nodes: Design;
  private links: V2Link[] = [];
  constructor(name: string) {
    this.nodes = emptyDesign(name);
  }
  /** The design so far, its links' contracts migrated to the services. */
  get design(): Design {
    return fromV2(this.nodes, this.links);
  }
  /** The nodes so far. */
  get nodeList(): Design['nodes'] {
    return this.nodes.nodes;
  }
  /** Adds a node and returns its id. */
  add(kind: NodeKind, name: string, description = ''): string {
    const r = addNode(this.nodes, { kind, name, position: { x: 0, y: 0 } });
    if (!r.ok) throw new Error(r.reason);
    this.nodes = r.design;
    if (description) {
      const u = updateNode(r.design, r.id, { description });
      if (!u.ok) throw new Error(u.reason);
      this.nodes = u.design;
    }
    return r.id;
  }
  /** Connects two nodes (the default kind unless given), the link declaring `patch` as in version 2. */
  link(source: string, target: string, kind?: LinkKind, patch: V2Contract = {}): string {
    const s = this.nodes.nodes.find((n) => n.id === source);
    const t = this.nodes.nodes.find((n) => n.id === target);
    if (!s || !t) throw new Error('no such node');
    const k = kind ?? allowedLinkKinds(s.kind, t.kind)[0];
    if (!k) throw new Error(`${s.name} cannot link to ${t.name}`);
    if (this.links.some((l) => l.source === source && l.target === target && l.kind === k)) throw new Error('twice');
    const id = `l${this.links.length + 1}`;
    this.links.push(v2Link(this.nodes, this.links, id, k, source, target, patch));
    return id;
  }
}

type Field = V2Field;
const f = (name: string, type: FieldType = 'string'): Field => ({ name, type });

/** A realistic polyglot shop: every runtime of tier 1, every broker kind, REST, gRPC and queues. */
export function seedDesign(): Design {
  const b = new DesignBuilder('polyglot-shop');
  const web = b.add('frontend', 'web');
  const gw = b.add('gateway', 'gateway');
  const bff = b.add('node-express', 'bff', 'Backend for the web frontend.');
  const orders = b.add('python-fastapi', 'orders', 'Takes orders: validates them and emits order events.');
  const catalog = b.add('java-spring', 'catalog');
  const inventory = b.add('go-nethttp', 'inventory');
  const pricing = b.add('rust-axum', 'pricing');
  const notify = b.add('python-flask', 'notifications');
  const kafka = b.add('kafka', 'kafka');
  const rabbit = b.add('rabbitmq', 'rabbitmq');
  const nats = b.add('nats', 'nats');
  const redis = b.add('redis', 'redis');
  const pg = b.add('postgres', 'postgres');
  const mongo = b.add('mongodb', 'mongodb');
  const cache = b.add('redis', 'cache');
  b.link(web, gw);
  b.link(gw, bff);
  b.link(bff, orders, 'rest', {
    endpoints: [
      { method: 'GET', path: '/orders/{id}', request: [], response: [f('id'), f('status'), f('total', 'float')] },
      { method: 'POST', path: '/orders', request: [f('sku'), f('quantity', 'int')], response: [f('id')] },
      { method: 'DELETE', path: '/orders/{id}', request: [], response: [f('deleted', 'bool')] },
    ],
  });
  b.link(bff, catalog, 'rest');
  b.link(orders, inventory, 'grpc', {
    rpcs: [{ name: 'Reserve', request: [f('sku'), f('quantity', 'int')], response: [f('ok', 'bool')] }],
  });
  b.link(orders, pricing, 'grpc');
  b.link(bff, pricing, 'grpc', { rpcs: [{ name: 'Quote', request: [f('sku')], response: [f('price', 'float')] }] });
  b.link(orders, kafka, 'queue', { topic: 'order-events', message: [f('order_id'), f('total', 'float')] });
  b.link(kafka, notify, 'queue');
  b.link(kafka, inventory, 'queue');
  b.link(catalog, rabbit, 'queue', { topic: 'catalog.updates', message: [f('sku'), f('in_stock', 'bool')] });
  b.link(rabbit, bff, 'queue');
  b.link(inventory, nats, 'queue', { topic: 'stock.low', message: [f('sku'), f('left', 'int')] });
  b.link(nats, pricing, 'queue');
  b.link(pricing, redis, 'queue', { topic: 'price-changes' });
  b.link(redis, notify, 'queue');
  b.link(orders, pg, 'database');
  b.link(catalog, mongo, 'database');
  b.link(bff, cache, 'database');
  return b.design;
}

/** Names that broke generators elsewhere: shell, paths, length, unicode, reserved words. */
export const HOSTILE_NAMES = [
  '"; rm -rf /',
  '../../etc',
  'x'.repeat(200),
  '名前',
  'Café Crème',
  'class',
  'package',
  'Ping',
  'OrdersService',
  "it's: {a: [b]} # c",
  'line\nbreak',
  '🚀',
  '',
] as const;

/** Field names that are reserved, repeated, empty, or collide after normalisation. */
export const HOSTILE_FIELDS: Field[] = [
  ...['package', 'syntax', 'message', 'option', 'from', 'path', 'service', 'type', 'id', 'id', 'ID', '', '名前'].map(
    (n) => f(n),
  ),
  ...['x', 'x', 'x2', 'x_2', 'a'.repeat(45), 'a'.repeat(46), 'value', 'field', 'field'].map((n) => f(n, 'int')),
  f('true', 'bool'),
  f('nan', 'float'),
];

/** RPC names that overlap, shadow messages or the service, or normalise to nothing. */
export const HOSTILE_RPCS = [
  'get item',
  'GetItem',
  'ping',
  'Ping',
  'PingRequest',
  'PingResponse',
  'class',
  '名前',
  '',
  'GetItemRequest',
  'HostileService',
  'Hostile',
  'service',
  'a'.repeat(60),
  'a'.repeat(61),
  `${'Very long name '.repeat(3)}A`,
  `${'Very long name '.repeat(3)}B`,
];

/**
 * Hostile services called over REST and gRPC by several callers with overlapping declarations,
 * and a queue whose message fields are hostile too.
 */
export function hostileDesign(): Design {
  const b = new DesignBuilder('"; rm -rf / — Ω');
  const target = b.add('go-nethttp', 'hostile', 'line one\nline two: {not: yaml} # nor a comment\n- "quoted"');
  const callers = HOSTILE_NAMES.map((n) => b.add('python-fastapi', n, n));
  const rpcs: V2Rpc[] = HOSTILE_RPCS.map((name) => ({ name, request: HOSTILE_FIELDS, response: HOSTILE_FIELDS }));
  const endpoints: V2Endpoint[] = [
    '/items/{id}',
    '/items/{key}',
    '/items/{id}/parts/{id}',
    '/../../etc/passwd',
    '/{class}',
    '/ping',
    '/healthz/',
    '',
    '/名前',
    '/items',
  ].flatMap((path) =>
    HTTP_METHODS.map((method) => ({ method, path, request: HOSTILE_FIELDS, response: HOSTILE_FIELDS })),
  );
  callers.forEach((c, i) => {
    b.link(c, target, 'grpc', { rpcs: i % 2 === 0 ? rpcs : [...rpcs].reverse() });
    b.link(c, target, 'rest', { endpoints: i % 2 === 0 ? endpoints : [...endpoints].reverse() });
  });
  // every caller also serves gRPC, to a hostile-named neighbour
  callers.forEach((c, i) => {
    const next = callers[(i + 1) % callers.length];
    if (next !== undefined) b.link(c, next, 'grpc', { rpcs: rpcs.slice(i, i + 3) });
  });
  const kafka = b.add('kafka', '"; kafka');
  const nats = b.add('nats', '名前');
  for (const c of callers.slice(0, 4)) {
    b.link(c, kafka, 'queue', { topic: '"; rm -rf / ../../etc', message: HOSTILE_FIELDS });
    b.link(nats, c, 'queue', { topic: '', message: HOSTILE_FIELDS.slice(0, 3) });
  }
  b.link(target, nats, 'queue', { topic: 'Ünïcode.Topic', message: [] });
  return b.design;
}

const hostileChars = fc.constantFrom(...'"\'`;:/\\.{}[]#&*!|>%@ \t\n-_名前é🚀0123456789AbZ'.split(''));
/** Names: hostile ones, plain words, and strings of hostile characters. */
export const nameArb = fc.oneof(
  fc.constantFrom(...HOSTILE_NAMES, ...HOSTILE_RPCS),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
  fc.string({ unit: hostileChars, maxLength: 24 }),
  fc.string({ maxLength: 30 }),
);
const fieldArb = fc.record({ name: nameArb, type: fc.constantFrom<FieldType>('string', 'int', 'float', 'bool') });
const fieldsArb = fc.array(fieldArb, { maxLength: 6 });
const segmentArb = fc.oneof(nameArb, fc.constant('{id}'), fc.constant('{key}'), fc.constant('..'), fc.constant('{}'));
const endpointArb = fc.record({
  method: fc.constantFrom(...HTTP_METHODS),
  path: fc.array(segmentArb, { maxLength: 4 }).map((s) => `/${s.join('/')}`),
  request: fieldsArb,
  response: fieldsArb,
});
const rpcArb = fc.record({ name: nameArb, request: fieldsArb, response: fieldsArb });

// services outnumber infrastructure in real designs, and they are what the contracts are about
const kindArb = fc.oneof(
  { arbitrary: fc.constantFrom(...RUNTIME_IDS), weight: 3 },
  { arbitrary: fc.constantFrom(...INFRA_IDS), weight: 1 },
);

const linkSpecArb = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  pick: fc.nat(),
  endpoints: fc.array(endpointArb, { maxLength: 4 }),
  rpcs: fc.array(rpcArb, { maxLength: 4 }),
  topic: fc.oneof(nameArb, fc.constantFrom('orders', 'a.b.c', '')),
  message: fieldsArb,
});

/**
 * Random valid designs: 1 to `maxNodes` nodes of any kind with random names, links of a kind the
 * connection rules allow, and random endpoints, RPCs, topics and fields on them. A node whose
 * name would repeat another's package name is left out, as the export refuses such a design.
 */
export function designArb(maxNodes = 60): fc.Arbitrary<Design> {
  return fc
    .record({
      project: nameArb,
      nodes: fc.array(fc.record({ kind: kindArb, name: nameArb }), {
        minLength: 1,
        maxLength: maxNodes,
        size: 'medium',
      }),
      links: fc.array(linkSpecArb, { maxLength: maxNodes * 2, size: 'medium' }),
    })
    .map(({ project, nodes, links }) => {
      let d = emptyDesign(project.trim() ? project : 'project');
      for (const n of nodes) {
        const taken = new Set(d.nodes.map((x) => packageSegment(x.name)));
        const r = addNode(d, { kind: n.kind, name: n.name, position: { x: 0, y: 0 } });
        const added = r.ok ? r.design.nodes[r.design.nodes.length - 1] : undefined;
        if (!r.ok || !added || taken.has(packageSegment(added.name))) continue;
        d = r.design;
      }
      const v2: V2Link[] = [];
      for (const l of links) {
        const source = d.nodes[l.from % d.nodes.length];
        const target = d.nodes[l.to % d.nodes.length];
        if (!source || !target || source.id === target.id) continue;
        const kinds = allowedLinkKinds(source.kind, target.kind);
        const kind = kinds[l.pick % Math.max(1, kinds.length)];
        if (!kind) continue;
        if (v2.some((x) => x.source === source.id && x.target === target.id && x.kind === kind)) continue;
        const patch: V2Contract =
          kind === 'rest'
            ? { endpoints: l.endpoints }
            : kind === 'grpc'
              ? { rpcs: l.rpcs }
              : kind === 'queue'
                ? { topic: l.topic, message: l.message }
                : {};
        v2.push(v2Link(d, v2, `l${v2.length + 1}`, kind, source.id, target.id, patch));
      }
      return fromV2(d, v2);
    });
}
