import { describe, expect, it } from 'vitest';
import { emptyDesign, type Design, type MessageType } from '../model/types';
import {
  addChannel,
  addEndpoint,
  addEnumValue,
  addField,
  addGrpcService,
  addParam,
  addResponse,
  addRpc,
  addType,
  deleteType,
  removeChannel,
  removeEndpoint,
  removeEnumValue,
  removeField,
  removeParam,
  removeRpc,
  renameType,
  typeUsages,
  updateChannel,
  updateEndpoint,
  updateField,
  updateGrpcService,
  updateRpc,
} from './api';
import { addNode, connect, duplicateElements, removeElements, updateLink, updateNode, type OpResult } from './ops';

function ok<T extends object>(r: OpResult<T>): Extract<OpResult<T>, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r;
}
const reason = (r: OpResult) => (r.ok ? '(accepted)' : r.reason);

function shop(): Design {
  let d = emptyDesign('shop');
  for (const [id, kind] of [
    ['bff', 'node-express'],
    ['orders', 'go-nethttp'],
    ['kafka', 'kafka'],
    ['db', 'postgres'],
  ] as const)
    d = ok(addNode(d, { kind, id, name: id, position: { x: 0, y: 0 } })).design;
  return d;
}
const node = (d: Design, id: string) => d.nodes.find((n) => n.id === id);
const type = (d: Design, name: string) => d.types.find((t) => t.name === name);
const msg = (d: Design, name: string) => d.types.find((t): t is MessageType => t.name === name && t.kind === 'message');

describe('gRPC services and RPCs', () => {
  it('adds an RPC with messages of its own, in the service made for it', () => {
    const r = ok(addRpc(shop(), 'orders', { name: 'PlaceOrder' }));
    const svc = node(r.design, 'orders')?.api?.grpc[0];
    expect(svc).toMatchObject({ id: r.serviceId, rpcs: [{ id: r.id, name: 'PlaceOrder' }] });
    expect(svc?.name).toBeUndefined();
    expect(msg(r.design, 'PlaceOrderRequest')).toMatchObject({
      owner: 'orders',
      fields: [{ number: 1, name: 'id', type: 'string' }],
    });
    expect(msg(r.design, 'PlaceOrderResponse')).toMatchObject({ owner: 'orders', fields: [] });
  });

  it('refuses names buf would not accept, and a second RPC of the same name', () => {
    const d = ok(addRpc(shop(), 'orders', { name: 'PlaceOrder' })).design;
    expect(reason(addRpc(d, 'orders', { name: 'place_order' }))).toMatch(/PascalCase/);
    expect(reason(addRpc(d, 'orders', { name: 'PlaceOrder' }))).toBe('There is already an RPC named PlaceOrder.');
    expect(reason(addRpc(d, 'db', {}))).toMatch(/serves no API/);
    expect(reason(addRpc(d, 'orders', { request: 'string' }))).toMatch(/request of an RPC is a message/);
  });

  it('takes its own messages along when an RPC is renamed, and drops them with it', () => {
    const r = ok(addRpc(shop(), 'orders', { name: 'PlaceOrder' }));
    const renamed = ok(updateRpc(r.design, 'orders', r.id, { name: 'SubmitOrder', serverStreaming: true }));
    expect(renamed.design.types.map((t) => t.name)).toEqual(['SubmitOrderRequest', 'SubmitOrderResponse']);
    expect(node(renamed.design, 'orders')?.api?.grpc[0]?.rpcs[0]).toMatchObject({
      name: 'SubmitOrder',
      serverStreaming: true,
    });
    const linked = ok(connect(renamed.design, { source: 'bff', target: 'orders', kind: 'grpc' }));
    const used = ok(updateLink(linked.design, linked.id, { uses: [r.id] }));
    const gone = ok(removeRpc(used.design, 'orders', r.id));
    expect(gone.design.types).toEqual([]);
    // the link no longer lists it
    expect(gone.design.links[0]?.uses).toEqual([]);
  });

  it('keeps a message another RPC uses when one RPC goes', () => {
    let d = ok(addRpc(shop(), 'orders', { name: 'A' })).design;
    const shared = type(d, 'ARequest')?.id ?? '';
    const b = ok(addRpc(d, 'orders', { name: 'B', request: shared }));
    d = ok(removeRpc(b.design, 'orders', node(b.design, 'orders')?.api?.grpc[0]?.rpcs[0]?.id ?? '')).design;
    expect(d.types.map((t) => t.name)).toEqual(['ARequest', 'BResponse']);
  });

  it('names a second service, and checks set names and packages', () => {
    let d = ok(addGrpcService(shop(), 'orders')).design;
    const second = ok(addGrpcService(d, 'orders'));
    d = second.design;
    expect(node(d, 'orders')?.api?.grpc.map((s) => s.name)).toEqual([undefined, 'Orders2Service']);
    expect(reason(updateGrpcService(d, 'orders', second.id, { name: 'Admin' }))).toBe(
      'A gRPC service name ends in "Service" (OrderService).',
    );
    expect(reason(updateGrpcService(d, 'orders', second.id, { package: 'shop.orders' }))).toMatch(/version/);
    expect(reason(updateGrpcService(d, 'orders', second.id, { name: 'OrdersService' }))).toBe(
      'orders already serves shop.orders.v1.OrdersService.',
    );
    const set = ok(updateGrpcService(d, 'orders', second.id, { name: 'AdminService', package: 'acme.admin.v1' }));
    expect(node(set.design, 'orders')?.api?.grpc[1]).toMatchObject({ name: 'AdminService', package: 'acme.admin.v1' });
    const back = ok(updateGrpcService(set.design, 'orders', second.id, { package: null }));
    expect(node(back.design, 'orders')?.api?.grpc[1]?.package).toBeUndefined();
  });
});

describe('REST endpoints', () => {
  it('adds an endpoint with its path parameters and a 200 answer of its own message', () => {
    const r = ok(addEndpoint(shop(), 'orders', { method: 'POST', path: '/cart/{cartId}/addToCart' }));
    const e = node(r.design, 'orders')?.api?.rest[0];
    expect(e).toMatchObject({
      method: 'POST',
      path: '/cart/{cartId}/addToCart',
      params: [{ name: 'cartId', in: 'path', type: 'string', required: true }],
      responses: [{ status: '200', body: { type: type(r.design, 'PostCartByCartIdAddToCartResponse')?.id } }],
      body: { type: type(r.design, 'PostCartByCartIdAddToCartRequest')?.id },
    });
    expect(reason(addEndpoint(r.design, 'orders', { method: 'POST', path: '/cart/{id}/addToCart' }))).toBe(
      'orders already serves POST /cart/{id}/addToCart.',
    );
  });

  it('keeps path parameters in step with the path, and query parameters, responses and bodies valid', () => {
    const r = ok(addEndpoint(shop(), 'orders', { method: 'GET', path: '/orders/{id}' }));
    let d = ok(updateEndpoint(r.design, 'orders', r.id, { path: '/shops/{shop}/orders' })).design;
    expect(node(d, 'orders')?.api?.rest[0]?.params.map((p) => `${p.in} ${p.name}`)).toEqual(['path shop']);
    d = ok(addParam(d, 'orders', r.id, { name: 'limit', type: 'int32' })).design;
    expect(reason(addParam(d, 'orders', r.id, { name: 'x', type: type(d, 'GetOrdersByIdResponse')?.id }))).toBe(
      'A parameter is a scalar or an enum.',
    );
    expect(reason(removeParam(d, 'orders', r.id, 0))).toMatch(/comes from the path/);
    d = ok(removeParam(d, 'orders', r.id, 1)).design;
    d = ok(addResponse(d, 'orders', r.id, { status: '404' })).design;
    expect(reason(addResponse(d, 'orders', r.id, { status: '404' }))).toBe('There is already a 404 answer.');
    expect(reason(addResponse(d, 'orders', r.id, { status: '99' }))).toMatch(/status is a code/);
    // a GET has no body
    d = ok(updateEndpoint(d, 'orders', r.id, { body: { type: 'string' } })).design;
    expect(node(d, 'orders')?.api?.rest[0]?.body).toBeUndefined();
    const removed = ok(removeEndpoint(d, 'orders', r.id));
    expect(removed.design.types).toEqual([]);
  });
});

describe('types', () => {
  it('renames a type: every reference follows, as references are ids', () => {
    let d = ok(addType(shop(), { kind: 'message', name: 'Money', fields: [{ name: 'units', type: 'int64' }] })).design;
    const money = type(d, 'Money')?.id ?? '';
    const rpc = ok(addRpc(d, 'orders', { name: 'Quote', responseFields: [{ name: 'total', type: money }] }));
    d = ok(renameType(rpc.design, money, 'Amount')).design;
    expect(msg(d, 'QuoteResponse')?.fields[0]?.type).toBe(money);
    expect(type(d, 'Amount')?.id).toBe(money);
    // QuoteResponse is in orders' package, so Amount may take that name in the shared one; not Other's
    expect(
      ok(renameType(d, money, 'QuoteResponse')).design.types.filter((t) => t.name === 'QuoteResponse'),
    ).toHaveLength(2);
    const other = ok(addType(d, { kind: 'enum', name: 'Other' }));
    expect(reason(renameType(other.design, money, 'Other'))).toBe('There is already a type named Other in shop.v1.');
  });

  it('refuses to delete a type that is used, saying where', () => {
    let d = ok(addType(shop(), { kind: 'message', name: 'Money' })).design;
    const money = type(d, 'Money')?.id ?? '';
    d = ok(addRpc(d, 'orders', { name: 'Quote', responseFields: [{ name: 'total', type: money }] })).design;
    d = ok(addChannel(d, 'kafka', { topic: 'payments', message: money })).design;
    expect(typeUsages(d, money).map((u) => u.where)).toEqual([
      'the field total of QuoteResponse',
      'the payments messages on kafka',
    ]);
    expect(reason(deleteType(d, money))).toBe(
      'Money is still used: by the field total of QuoteResponse and the payments messages on kafka. Change those first.',
    );
    const free = ok(addType(d, { kind: 'enum', name: 'Unused' }));
    expect(ok(deleteType(free.design, free.id)).design.types).toHaveLength(d.types.length);
  });

  it('numbers a new field after the highest in use, never reusing or renumbering', () => {
    const t = ok(
      addType(shop(), {
        kind: 'message',
        name: 'M',
        fields: [
          { name: 'a', type: 'string' },
          { name: 'b', type: 'string' },
        ],
      }),
    );
    let d = ok(removeField(t.design, t.id, 1)).design;
    const c = ok(addField(d, t.id, { name: 'c', type: 'bool' }));
    expect(c.number).toBe(3);
    d = c.design;
    const m = msg(d, 'M');
    if (!m) throw new Error('no M');
    d = {
      ...d,
      types: d.types.map((x) =>
        x.id === t.id ? { ...m, reserved: { ranges: [[4, 10] as [number, number]], names: ['old'] } } : x,
      ),
    };
    expect(ok(addField(d, t.id, {})).number).toBe(11);
    expect(reason(addField(d, t.id, { name: 'old' }))).toBe('The name old is reserved in M.');
    expect(reason(addField(d, t.id, { name: 'Bad' }))).toMatch(/lower_snake_case/);
    expect(reason(updateField(d, t.id, 2, { mapKey: 'double' as never }))).toMatch(/map key/);
    expect(reason(updateField(d, t.id, 2, { label: 'repeated', mapKey: 'string' }))).toMatch(/map cannot also/);
    expect(reason(updateField(d, t.id, 2, { label: 'repeated', oneof: 'pick' }))).toMatch(/oneof member/);
    const mapped = ok(updateField(d, t.id, 2, { mapKey: 'string', type: 'int32' }));
    expect(msg(mapped.design, 'M')?.fields.find((f) => f.number === 2)).toEqual({
      number: 2,
      name: 'b',
      type: 'int32',
      mapKey: 'string',
    });
  });

  it('gives an enum its zero value and prefixes the values the app adds', () => {
    const t = ok(addType(shop(), { kind: 'enum', name: 'OrderStatus' }));
    const v = ok(addEnumValue(t.design, t.id, 'placed'));
    expect(v.name).toBe('ORDER_STATUS_PLACED');
    const e = v.design.types.find((x) => x.id === t.id);
    expect(e?.kind === 'enum' && e.values).toEqual([
      { name: 'ORDER_STATUS_UNSPECIFIED', number: 0 },
      { name: 'ORDER_STATUS_PLACED', number: 1 },
    ]);
    expect(reason(removeEnumValue(v.design, t.id, 0))).toMatch(/number 0/);
    expect(reason(addType(v.design, { kind: 'message', name: 'OrderStatus' }))).toBe(
      'There is already a type named OrderStatus in shop.v1.',
    );
  });
});

describe('channels, links and copies', () => {
  it('renames a topic on the broker and on its links together; a used topic is not removed', () => {
    let d = shop();
    d = ok(connect(d, { source: 'orders', target: 'kafka', topic: 'orders' })).design;
    d = ok(connect(d, { source: 'kafka', target: 'bff' })).design;
    expect(d.links.map((l) => l.topic)).toEqual(['orders', 'orders']);
    d = ok(updateChannel(d, 'kafka', 'orders', { topic: 'order-events' })).design;
    expect(d.links.map((l) => l.topic)).toEqual(['order-events', 'order-events']);
    expect(node(d, 'kafka')?.channels?.map((c) => c.topic)).toEqual(['order-events']);
    expect(reason(removeChannel(d, 'kafka', 'order-events'))).toMatch(/2 queue links use order-events/);
    // one link moving to a topic of its own takes the message along, the other keeps the channel
    const moved = ok(updateLink(d, d.links[1]?.id ?? '', { topic: 'audit' })).design;
    const channels = node(moved, 'kafka')?.channels ?? [];
    expect(channels.map((c) => c.topic)).toEqual(['order-events', 'audit']);
    expect(channels[1]?.message).toBe(channels[0]?.message);
  });

  it('refuses a link using a method its target does not serve', () => {
    const l = ok(connect(shop(), { source: 'bff', target: 'orders' }));
    expect(reason(updateLink(l.design, l.id, { uses: ['nope'] }))).toBe('orders does not serve all of those methods.');
    const e = node(l.design, 'orders')?.api?.rest[0]?.id ?? '';
    expect(ok(updateLink(l.design, l.id, { uses: [e] })).design.links[0]?.uses).toEqual([e]);
  });

  it('copies a service with its API and its own messages; deleting one keeps what others use', () => {
    let d = ok(addType(shop(), { kind: 'message', name: 'Money' })).design;
    const money = type(d, 'Money')?.id ?? '';
    d = ok(addRpc(d, 'orders', { name: 'Quote', responseFields: [{ name: 'total', type: money }] })).design;
    const orders = node(d, 'orders');
    if (!orders) throw new Error('no orders');
    const copy = duplicateElements(d, [orders], []);
    const twin = copy.design.nodes[copy.design.nodes.length - 1];
    const rpc = twin?.api?.grpc[0]?.rpcs[0];
    expect(rpc?.name).toBe('Quote');
    expect(rpc?.id).not.toBe(orders.api?.grpc[0]?.rpcs[0]?.id);
    const twinResponse = copy.design.types.find((t) => t.id === rpc?.response);
    expect(twinResponse).toMatchObject({ name: 'QuoteResponse', owner: twin?.id, fields: [{ type: money }] });
    expect(copy.design.types).toHaveLength(5);
    // deleting the original drops its own messages; Money, shared, stays
    const gone = removeElements(copy.design, ['orders']);
    expect(gone.types.map((t) => t.name)).toEqual(['Money', 'QuoteRequest', 'QuoteResponse']);
  });

  it("keeps a deleted service's message that another one uses, in the package it had", () => {
    let d = ok(addRpc(shop(), 'orders', { name: 'Get' })).design;
    const req = type(d, 'GetRequest')?.id ?? '';
    d = ok(addRpc(d, 'bff', { name: 'Forward', request: req })).design;
    const after = removeElements(d, ['orders']);
    expect(after.types.find((t) => t.id === req)).toMatchObject({ name: 'GetRequest', package: 'shop.orders.v1' });
    expect(after.types.find((t) => t.id === req)?.owner).toBeUndefined();
  });

  it('checks the environment prefix a user sets against the other nodes', () => {
    const d = shop();
    expect(reason(updateNode(d, 'orders', { envPrefix: 'BFF' }))).toBe("bff's callers already read BFF_URL.");
    expect(reason(updateNode(d, 'orders', { envPrefix: 'orders' }))).toMatch(/capital letters/);
    expect(ok(updateNode(d, 'orders', { envPrefix: 'ORDER_API' })).design.nodes[1]?.envPrefix).toBe('ORDER_API');
    const cleared = ok(
      updateNode(ok(updateNode(d, 'orders', { envPrefix: 'X' })).design, 'orders', { envPrefix: undefined }),
    );
    expect('envPrefix' in (cleared.design.nodes[1] ?? {})).toBe(false);
  });
});
