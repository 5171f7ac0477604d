import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures/make-fixtures';
import { LIMITS, restore, type RestoreResult } from './restore';
import { DESIGN_FORMAT, type Design, type EnumType, type MessageType } from './types';

function ok(r: RestoreResult): Extract<RestoreResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r;
}

const head = { format: DESIGN_FORMAT, version: 3, name: 'shop', viewport: { x: 0, y: 0, zoom: 1 } };
const svc = { id: 's', kind: 'go-nethttp', name: 'orders', api: { grpc: [], rest: [] } };
const message = (d: Design, id: string) => d.types.find((t): t is MessageType => t.id === id && t.kind === 'message');
const enumOf = (d: Design, id: string) => d.types.find((t): t is EnumType => t.id === id && t.kind === 'enum');

describe('restore (version 3): types', () => {
  it('keeps a rich valid design exactly, with no warning', () => {
    const d = fixture('rich-contracts');
    const r = ok(restore(JSON.parse(JSON.stringify(d))));
    expect(r.warnings).toEqual([]);
    expect(r.design).toEqual(d);
  });

  it('renumbers a field whose number protobuf refuses, naming the old and the new', () => {
    const fields = [
      { number: 1, name: 'a', type: 'string' },
      { number: 1, name: 'b', type: 'string' },
      { number: 0, name: 'c', type: 'string' },
      { number: 19_500, name: 'd', type: 'string' },
      { number: 7, name: 'e', type: 'string' },
      { number: 2.5, name: 'f', type: 'string' },
    ];
    const r = ok(
      restore({
        ...head,
        nodes: [],
        types: [{ id: 'm', kind: 'message', name: 'M', fields, reserved: { ranges: [[7, 9]], names: [] } }],
      }),
    );
    expect(message(r.design, 'm')?.fields.map((x) => `${x.name}=${x.number}`)).toEqual([
      'a=1',
      'b=2',
      'c=3',
      'd=4',
      'e=5',
      'f=6',
    ]);
    expect(r.warnings).toEqual([
      'The field "b" of "M" had the number 1, which is taken, reserved or out of range; it is now 2.',
      'The field "c" of "M" had the number 0, which is taken, reserved or out of range; it is now 3.',
      'The field "d" of "M" had the number 19500, which is taken, reserved or out of range; it is now 4.',
      'The field "e" of "M" had the number 7, which is taken, reserved or out of range; it is now 5.',
      'The field "f" of "M" had the number 2.5, which is taken, reserved or out of range; it is now 6.',
    ]);
  });

  it('keeps protobuf rules on names, references, maps and oneofs, saying what changed', () => {
    const r = ok(
      restore({
        ...head,
        nodes: [],
        types: [
          {
            id: 'm',
            kind: 'message',
            name: 'Order Item',
            fields: [
              { number: 1, name: 'total amount', type: 'double' },
              { number: 2, name: 'x', type: 'ghost' },
              { number: 3, name: 'y', type: 'string', mapKey: 'double' },
              { number: 4, name: 'z', type: 'string', mapKey: 'string', label: 'repeated' },
              { number: 5, name: 'w', type: 'string', label: 'repeated', oneof: 'pick' },
              { number: 6, name: 'v', type: 'string', label: 'optional', oneof: 'pick' },
            ],
          },
          { id: 'bad.id', kind: 'message', name: 'X', fields: [] },
          { id: 'q', kind: 'service', name: 'Q' },
        ],
      }),
    );
    const m = message(r.design, 'm');
    expect(m?.name).toBe('OrderItem');
    expect(m?.fields).toEqual([
      { number: 1, name: 'total_amount', type: 'double' },
      { number: 2, name: 'x', type: 'string' },
      { number: 3, name: 'y', type: 'string', mapKey: 'string' },
      { number: 4, name: 'z', type: 'string', mapKey: 'string' },
      { number: 5, name: 'w', type: 'string', label: 'repeated' },
      { number: 6, name: 'v', type: 'string', oneof: 'pick' },
    ]);
    expect(r.design.types).toHaveLength(1);
    expect(r.warnings).toEqual(
      [
        'The type "Order Item" was renamed to "OrderItem": a type name is a protobuf identifier.',
        'Type 2 had a missing, invalid or repeated id and was dropped.',
        'Type 3 ("Q") is neither a message nor an enum and was dropped.',
        'The field "total amount" of "OrderItem" was renamed to "total_amount": names are unique identifiers.',
        'The field "x" of "OrderItem" referred to "ghost", which is not a type of the design; it is now a string.',
        'The field "y" of "OrderItem" had the map key type "double"; map keys are integers, bools or strings, so it is now string.',
        'The field "z" of "OrderItem" is a map, which cannot also be repeated; the label was removed.',
        'The field "w" of "OrderItem" left the oneof "pick": a oneof member cannot be repeated or a map.',
        'The field "v" of "OrderItem" is in the oneof "pick", which gives it presence already; "optional" was removed.',
      ].sort((a, b) => r.warnings.indexOf(a) - r.warnings.indexOf(b)),
    );
  });

  it('gives an enum its zero value first, as proto3 wants', () => {
    const r = ok(
      restore({
        ...head,
        nodes: [],
        types: [
          { id: 'a', kind: 'enum', name: 'Status', values: [{ name: 'STATUS_OPEN', number: 1 }] },
          {
            id: 'b',
            kind: 'enum',
            name: 'Kind',
            values: [
              { name: 'KIND_A', number: 1 },
              { name: 'KIND_NONE', number: 0 },
            ],
          },
        ],
      }),
    );
    expect(enumOf(r.design, 'a')?.values.map((v) => `${v.name}=${v.number}`)).toEqual([
      'STATUS_UNSPECIFIED=0',
      'STATUS_OPEN=1',
    ]);
    expect(enumOf(r.design, 'b')?.values.map((v) => v.name)).toEqual(['KIND_NONE', 'KIND_A']);
    expect(r.warnings).toEqual([
      'The enum "Status" had no value numbered 0, which proto3 needs first; STATUS_UNSPECIFIED = 0 was added.',
      'The value "KIND_NONE" of "Kind" was moved first: proto3 wants the zero value first.',
    ]);
  });

  it('renames a type whose name its package already has, and unnests from a non-message', () => {
    const r = ok(
      restore({
        ...head,
        nodes: [],
        types: [
          { id: 'a', kind: 'message', name: 'Money', fields: [] },
          { id: 'b', kind: 'message', name: 'Money', fields: [] },
          { id: 'e', kind: 'enum', name: 'E', values: [{ name: 'E_0', number: 0 }] },
          { id: 'c', kind: 'message', name: 'Inner', parent: 'e', fields: [] },
          { id: 'd', kind: 'message', name: 'Loop', parent: 'd', fields: [] },
        ],
      }),
    );
    expect(r.design.types.map((t) => `${t.name}${t.parent ? `<${t.parent}` : ''}`)).toEqual([
      'Money',
      'Money2',
      'E',
      'Inner',
      'Loop',
    ]);
    expect(r.warnings).toHaveLength(3);
  });

  it('keeps the list of warnings short for a hostile file, and counts the rest', () => {
    const fields = Array.from({ length: 1000 }, (_, i) => ({ number: 0, name: `f${i}`, type: 'string' }));
    const t0 = Date.now();
    const r = ok(restore({ ...head, nodes: [], types: [{ id: 'm', kind: 'message', name: 'M', fields }] }));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.warnings).toHaveLength(LIMITS.warnings);
    expect(r.warnings[LIMITS.warnings - 1]).toBe(`…and ${1000 - LIMITS.warnings + 1} more repairs.`);
    expect(
      message(r.design, 'm')
        ?.fields.map((x) => x.number)
        .slice(0, 3),
    ).toEqual([1, 2, 3]);
  });
});

describe('restore (version 3): what services serve', () => {
  const types = [
    { id: 'req', kind: 'message', name: 'GetRequest', fields: [] },
    { id: 'en', kind: 'enum', name: 'Color', values: [{ name: 'COLOR_UNSPECIFIED', number: 0 }] },
  ];

  it('checks RPC messages, endpoint paths, parameters and statuses', () => {
    const api = {
      grpc: [
        {
          id: 'g',
          name: 'Bad Name',
          rpcs: [
            { id: 'r1', name: 'Get', request: 'req', response: 'en' },
            { id: 'r1', name: 'Twice', request: 'req', response: 'req' },
          ],
        },
      ],
      rest: [
        {
          id: 'e1',
          method: 'GET',
          path: '/orders/{id}',
          params: [
            { name: 'q', in: 'query', type: 'req', required: false },
            { name: 'gone', in: 'path', type: 'string', required: true },
          ],
          body: { type: 'req' },
          responses: [{ status: '200', body: { type: 'req' } }, { status: '600' }, { status: '4XX' }],
        },
        { id: 'e2', method: 'GET', path: '/orders/{key}', params: [], responses: [] },
      ],
    };
    const r = ok(restore({ ...head, types, nodes: [{ ...svc, api }] }));
    const got = r.design.nodes[0]?.api;
    expect(got?.grpc).toEqual([
      { id: 'g', rpcs: [{ id: 'r1', name: 'Get', request: 'req', response: 'google.protobuf.Empty' }] },
    ]);
    expect(got?.rest).toEqual([
      {
        id: 'e1',
        method: 'GET',
        path: '/orders/{id}',
        params: [
          { name: 'q', in: 'query', type: 'string', required: false },
          { name: 'id', in: 'path', type: 'string', required: true },
        ],
        responses: [{ status: '200', body: { type: 'req' } }, { status: '4XX' }],
      },
    ]);
    expect(r.warnings).toEqual([
      'The gRPC service name "Bad Name" of "orders" was removed (not an identifier); the derived name is used.',
      'The response of the RPC "Get" on "orders" was "en", not a message; it is now google.protobuf.Empty.',
      'The RPC "Twice" of "orders" had a missing or repeated id and was dropped.',
      'The parameter "q" of GET /orders/{id} on "orders" had the type "req"; a parameter is a scalar or an enum, so it is now a string.',
      'The path parameter "gone" of GET /orders/{id} on "orders" is not in its path and was dropped.',
      'The path parameter "id" of GET /orders/{id} on "orders" was not declared; it was added as a string.',
      'The body of GET /orders/{id} on "orders" was removed: a GET has none.',
      'A response of GET /orders/{id} on "orders" had the status "600" (invalid or repeated) and was dropped.',
      '"orders" served GET "/orders/{key}" twice; the second was dropped.',
    ]);
  });

  it('keeps channels on brokers and an API on services, each message a message', () => {
    const r = ok(
      restore({
        ...head,
        types,
        nodes: [
          {
            id: 'k',
            kind: 'kafka',
            name: 'kafka',
            channels: [
              { topic: 'orders', message: 'en' },
              { topic: 'Orders', message: 'req' },
            ],
          },
          { id: 'p', kind: 'postgres', name: 'db', api: { grpc: [], rest: [] } },
          { id: 's', kind: 'go-nethttp', name: 'svc', channels: [] },
        ],
      }),
    );
    const k = r.design.nodes[0];
    expect(k?.channels?.map((c) => c.topic)).toEqual(['orders']);
    const added = r.design.types.find((t) => t.id === k?.channels?.[0]?.message);
    expect(added).toMatchObject({ kind: 'message', name: 'OrdersMessage', fields: [] });
    expect(r.design.nodes[1]?.api).toBeUndefined();
    expect(r.design.nodes[2]?.channels).toBeUndefined();
    expect(r.warnings).toEqual([
      'The channel "orders" of "kafka" had the message "en", which is not a message of the design; it now carries an empty message OrdersMessage.',
      'A channel "Orders" of "kafka" was empty or repeated and was dropped.',
      'The API of "db" was removed: a postgres node serves no API.',
      'The channels of "svc" were removed: only a broker has channels.',
    ]);
  });

  it('keeps the methods a link uses only when its target serves them', () => {
    const api = { grpc: [{ id: 'g', rpcs: [{ id: 'r1', name: 'Get', request: 'req', response: 'req' }] }], rest: [] };
    const r = ok(
      restore({
        ...head,
        types,
        nodes: [
          { id: 'a', kind: 'python-fastapi', name: 'a' },
          { ...svc, api },
          { id: 'k', kind: 'nats', name: 'nats' },
        ],
        links: [
          { id: 'l1', kind: 'grpc', source: 'a', target: 's', topic: '', uses: ['r1', 'r9', 'r1'] },
          { id: 'l2', kind: 'queue', source: 'a', target: 'k', topic: 'ev', uses: ['r1'] },
        ],
      }),
    );
    expect(r.design.links.map((l) => l.uses)).toEqual([['r1'], undefined]);
    // the topic of the queue link had no channel on the broker: one was added
    expect(r.design.nodes[2]?.channels?.map((c) => c.topic)).toEqual(['ev']);
    expect(r.warnings).toEqual([
      '2 of the methods the gRPC link a → orders uses are not served by orders (or repeated); they were removed.',
      'The list of methods the queue link a → nats uses (a list) was removed: a queue link uses no methods.',
      'The "ev" of "nats" had no channel; one was added with an empty message.',
    ]);
  });

  it('checks the names a user may set: environment prefix and code package', () => {
    const r = ok(
      restore({
        ...head,
        nodes: [
          { id: 'a', kind: 'python-fastapi', name: 'orders', envPrefix: 'ORDERS_API', codePackage: 'com.acme.orders' },
          { id: 'b', kind: 'go-nethttp', name: 'billing', envPrefix: 'ORDERS_API', codePackage: 'Com.Acme' },
          { id: 'c', kind: 'go-nethttp', name: 'stock', envPrefix: 'lower' },
          { id: 'k', kind: 'kafka', name: 'kafka', codePackage: 'com.acme.kafka' },
        ],
      }),
    );
    expect(r.design.nodes.map((n) => [n.envPrefix, n.codePackage])).toEqual([
      ['ORDERS_API', 'com.acme.orders'],
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(r.warnings).toEqual([
      'The code package "Com.Acme" of billing was removed: Use dot-separated lower-case names of letters, digits and underscores (com.acme.orders).',
      'The environment prefix "lower" of stock was removed: Use capital letters, digits and underscores, starting with a letter.',
      'The code package of kafka was removed: only a service has code.',
      "The environment prefix ORDERS_API of billing was removed: another node's callers use it.",
    ]);
  });
});
