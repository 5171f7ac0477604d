import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../test/fixtures/make-fixtures';
import { addField, addRpc, addType, updateGrpcService } from '../../ops/api';
import { addNode, connect, updateLink, type OpResult } from '../../ops/ops';
import { wireServices } from '../wiring';
import { emptyDesign, type Design } from '../types';
import {
  base64,
  designContracts,
  legacyLinkEndpoints,
  legacyLinkRpcs,
  legacyMessageFields,
  sampleOf,
  serviceEndpoints,
  serviceRpcs,
} from './index';
import { buildUniverse } from './universe';
import { benchDesign } from '../../../../bench/designs';

function ok<T extends object>(r: OpResult<T>): Extract<OpResult<T>, { ok: true }> {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

const rich = fixture('rich-contracts');
const byName = (d: Design, name: string) => d.nodes.find((n) => n.name === name)?.id ?? '';

describe('the type universe', () => {
  const u = designContracts(rich).universe;
  const t = (name: string) => u.types.find((x) => x.names.proto === name);

  it('gives every type its package, full name and file', () => {
    expect(t('Money')?.names).toMatchObject({ full: 'richcontracts.v1.Money', pascal: 'Money', snake: 'money' });
    expect(t('Money')?.file).toBe('richcontracts/v1/types.proto');
    expect(t('Option')?.names).toMatchObject({
      full: 'richcontracts.v1.Product.Variant.Option',
      pascal: 'ProductVariantOption',
    });
    expect(t('Option')?.parent?.names.proto).toBe('Variant');
    // the node's messages follow the package the user gave its gRPC service
    expect(t('GetProductRequest')?.names.full).toBe('shop.catalog.v1.GetProductRequest');
    expect(t('GetProductRequest')?.file).toBe('shop/catalog/v1/catalog.proto');
    expect(u.nested(t('Product')?.id ?? '').map((x) => x.names.proto)).toEqual(['Variant']);
  });

  it('resolves every kind of field: scalar, enum, message, well-known, repeated, map, optional', () => {
    const product = t('Product');
    if (product?.kind !== 'message') throw new Error('no Product');
    const got = product.fields.map((f) => [f.name, f.type.kind, f.cardinality, f.mapKey ?? '']);
    expect(got).toEqual([
      ['sku', 'scalar', 'single', ''],
      ['name', 'scalar', 'single', ''],
      ['price', 'message', 'single', ''],
      ['category', 'enum', 'single', ''],
      ['tags', 'scalar', 'repeated', ''],
      ['attributes', 'scalar', 'map', 'string'],
      ['stock', 'scalar', 'optional', ''],
      ['variants', 'message', 'repeated', ''],
    ]);
    expect(u.resolve('google.protobuf.Timestamp')).toMatchObject({ kind: 'wellKnown', json: 'string' });
    expect(u.resolve('nope')).toBeUndefined();
  });

  it('makes identifiers safe and unique in every language', () => {
    let d = emptyDesign('x');
    d = ok(
      addType(d, {
        kind: 'message',
        name: 'Class',
        fields: [
          { name: 'class', type: 'string' },
          { name: 'from', type: 'string' },
        ],
      }),
    ).design;
    d = ok(addNode(d, { kind: 'go-nethttp', name: 'a', position: { x: 0, y: 0 } })).design;
    d = ok(addType(d, { kind: 'message', name: 'Class', owner: d.nodes[0]?.id })).design;
    const [a, b] = designContracts(d).universe.types;
    expect([a?.names.pascal, b?.names.pascal]).toEqual(['ClassType', 'ClassType2']);
    expect(a?.kind === 'message' && a.fields.map((f) => f.names)).toEqual([
      { snake: 'class_value', camel: 'classValue', pascal: 'ClassValue' },
      { snake: 'from_value', camel: 'fromValue', pascal: 'FromValue' },
    ]);
  });

  it('numbers repeated type names in design order, past names other types already have', () => {
    let d = emptyDesign('x');
    d = ok(addNode(d, { kind: 'go-nethttp', name: 'a', position: { x: 0, y: 0 } })).design;
    d = ok(addNode(d, { kind: 'go-nethttp', name: 'b', position: { x: 0, y: 0 } })).design;
    d = ok(addNode(d, { kind: 'go-nethttp', name: 'c', position: { x: 0, y: 0 } })).design;
    const [a, b, c] = d.nodes.map((n) => n.id);
    // Order, Order3 (its own name), Order again (Order2), Order (Order4, not Order3 again)
    for (const [name, owner] of [
      ['Order', a],
      ['Order3', b],
      ['Order', b],
      ['Order', c],
      ['Order', undefined],
    ] as const)
      d = ok(addType(d, { kind: 'message', name, owner })).design;
    const names = designContracts(d).universe.types.map((t) => [t.names.pascal, t.names.snake]);
    expect(names).toEqual([
      ['Order', 'order'],
      ['Order3', 'order3'],
      ['Order2', 'order2'],
      ['Order4', 'order4'],
      ['Order5', 'order5'],
    ]);
  });
});

describe('services, endpoints and channels', () => {
  const c = designContracts(rich);

  it('settles gRPC names: set by the user, or derived from the node', () => {
    const [svc] = c.grpc(byName(rich, 'catalog'));
    expect(svc).toMatchObject({
      name: 'ProductCatalogService',
      package: 'shop.catalog.v1',
      fullName: 'shop.catalog.v1.ProductCatalogService',
    });
    expect(svc?.rpcs.map((r) => [r.name, r.path, r.serverStreaming])).toEqual([
      ['GetProduct', '/shop.catalog.v1.ProductCatalogService/GetProduct', false],
      ['Quote', '/shop.catalog.v1.ProductCatalogService/Quote', false],
      ['WatchPrices', '/shop.catalog.v1.ProductCatalogService/WatchPrices', true],
    ]);
    expect(svc?.rpcs[0]?.names).toEqual({ snake: 'get_product', camel: 'getProduct', pascal: 'GetProduct' });
  });

  it('keeps the case of a path and derives unique operation ids', () => {
    const eps = c.endpoints(byName(rich, 'orders'));
    expect(eps.map((e) => [e.method, e.path, e.operationId])).toEqual([
      ['GET', '/orders/{order_id}', 'getOrdersByOrderId'],
      ['POST', '/orders/addToCart', 'postOrdersAddToCart'],
    ]);
    expect(eps[0]?.params.map((p) => [p.name, p.in, p.type.kind, p.required])).toEqual([
      ['order_id', 'path', 'scalar', true],
      ['include_items', 'query', 'scalar', false],
    ]);
    expect(eps[0]?.responses.map((r) => [r.status, r.problem])).toEqual([
      ['200', false],
      ['404', true],
    ]);
    expect(eps[0]?.success.status).toBe('200');
  });

  it('reads a topic on its broker, and what a link uses', () => {
    expect(c.channel(byName(rich, 'kafka'), 'Order-Events')?.message.kind).toBe('message');
    const link = rich.links.find((l) => l.kind === 'grpc');
    expect(link && c.usedRpcs(link).map((r) => r.name)).toEqual(['GetProduct', 'Quote']);
    const rest = rich.links.find((l) => l.kind === 'rest');
    expect(rest && c.usedEndpoints(rest)).toHaveLength(2);
  });

  it('gives a service others call over gRPC, with nothing declared, its derived service', () => {
    let d = emptyDesign('p');
    for (const name of ['a', 'b'])
      d = ok(addNode(d, { kind: 'go-nethttp', name, id: name, position: { x: 0, y: 0 } })).design;
    d = { ...d, links: [{ id: 'l', kind: 'grpc', source: 'a', target: 'b', topic: '' }] };
    expect(
      designContracts(d)
        .grpc('b')
        .map((s) => [s.fullName, s.rpcs.length]),
    ).toEqual([['p.b.v1.BService', 0]]);
  });

  it('is computed once per design', () => {
    expect(designContracts(rich)).toBe(c);
    expect(c.grpc(byName(rich, 'catalog'))).toBe(c.grpc(byName(rich, 'catalog')));
  });
});

describe('sampleOf', () => {
  it('follows the rules every runtime follows', () => {
    const product = designContracts(rich).universe.types.find((x) => x.names.proto === 'Product')?.id ?? '';
    const option = { name: 'name-sample', value: 'value-sample' };
    const variant = {
      id: 'id-sample',
      price: { currency_code: 'currency_code-sample', units: 2, nanos: 3 },
      options: [option, option],
    };
    expect(sampleOf(rich, product)).toEqual({
      sku: 'sku-sample',
      name: 'name-sample',
      price: { currency_code: 'currency_code-sample', units: 2, nanos: 3 },
      category: 'CATEGORY_BOOKS',
      tags: ['tags-sample', 'tags-sample'],
      attributes: { k: 'attributes-sample' },
      stock: 7,
      // a variant is depth 2; its price and options are depth 3, still filled
      variants: [variant, variant],
    });
  });

  it('stops at depth 3 and at recursion, sets the first oneof member, and fills well-known types', () => {
    let d = emptyDesign('s');
    const node = ok(addType(d, { kind: 'message', name: 'Node' }));
    d = node.design;
    for (const [name, type, label] of [
      ['child', node.id, undefined],
      ['children', node.id, 'repeated'],
      ['at', 'google.protobuf.Timestamp', undefined],
      ['took', 'google.protobuf.Duration', undefined],
      ['blob', 'bytes', undefined],
      ['ratio', 'float', undefined],
      ['id', 'uint64', undefined],
    ] as const)
      d = ok(addField(d, node.id, { name, type, ...(label ? { label } : {}) })).design;
    d = ok(addField(d, node.id, { name: 'by_id', type: 'string', oneof: 'key' })).design;
    d = ok(addField(d, node.id, { name: 'by_name', type: 'string', oneof: 'key' })).design;
    d = ok(addField(d, node.id, { name: 'extra', type: 'google.protobuf.Struct', mapKey: 'int32' })).design;
    expect(sampleOf(d, node.id)).toEqual({
      children: [],
      at: '2024-01-02T03:04:05Z',
      took: '1.5s',
      blob: base64('blob'),
      ratio: 6.5,
      id: 7,
      by_id: 'by_id-sample',
      extra: { '1': { k: 'v' } },
    });
    expect(base64('blob')).toBe('YmxvYg==');
    expect(sampleOf(d, 'google.protobuf.Empty')).toEqual({});
    expect(sampleOf(d, 'string', { name: 'q', number: 1 })).toBe('q-sample');
  });
});

describe('the compatibility layer for the version-2 stubs', () => {
  it('gives a migrated design exactly the flat shapes version 2 gave', () => {
    const shop = fixture('polyglot-shop');
    const inventory = wireServices(shop).find((w) => w.node.name === 'inventory');
    if (!inventory) throw new Error('no inventory');
    expect(serviceRpcs(inventory)).toEqual([
      {
        name: 'Reserve',
        snake: 'reserve',
        camel: 'reserve',
        request: [
          { name: 'sku', camel: 'sku', pascal: 'Sku', type: 'string', number: 1 },
          { name: 'quantity', camel: 'quantity', pascal: 'Quantity', type: 'int', number: 2 },
        ],
        response: [
          { name: 'reserved_value', camel: 'reservedValue', pascal: 'ReservedValue', type: 'bool', number: 1 },
          { name: 'left', camel: 'left', pascal: 'Left', type: 'int', number: 2 },
        ],
      },
      {
        name: 'CheckStock',
        snake: 'check_stock',
        camel: 'checkStock',
        request: [{ name: 'sku', camel: 'sku', pascal: 'Sku', type: 'string', number: 1 }],
        response: [{ name: 'available', camel: 'available', pascal: 'Available', type: 'int', number: 1 }],
      },
    ]);
    const orders = wireServices(shop).find((w) => w.node.name === 'orders');
    expect(orders && serviceEndpoints(orders).map((e) => `${e.operationId} ${e.path} ${e.params.join(',')}`)).toEqual([
      'postOrders /orders ',
      'getOrdersById /orders/{id} id',
    ]);
  });

  it('carries only the fields the old stubs can, with their real numbers, and no streaming RPC', () => {
    const catalog = wireServices(rich).find((w) => w.node.name === 'catalog');
    if (!catalog) throw new Error('no catalog');
    expect(serviceRpcs(catalog).map((r) => r.name)).toEqual(['GetProduct', 'Quote']);
    const watch = designContracts(rich).rpcs(catalog.node.id)[2];
    expect(watch && legacyMessageFields(rich, watch.source.response)).toEqual([
      { name: 'sku', camel: 'sku', pascal: 'Sku', type: 'string', number: 1 },
    ]);
  });

  it('follows what each link uses', () => {
    let d = emptyDesign('p');
    for (const name of ['a', 'b'])
      d = ok(addNode(d, { kind: 'go-nethttp', name, id: name, position: { x: 0, y: 0 } })).design;
    const grpc = ok(connect(d, { source: 'a', target: 'b', kind: 'grpc' }));
    d = ok(addRpc(grpc.design, 'b', { name: 'Second' })).design;
    expect(legacyLinkRpcs(d, d.links[0] ?? grpc.link).map((r) => r.name)).toEqual(['GetItem', 'Second']);
    const first = d.nodes[1]?.api?.grpc[0]?.rpcs[0]?.id ?? '';
    d = ok(updateLink(d, grpc.id, { uses: [first] })).design;
    expect(legacyLinkRpcs(d, d.links[0] ?? grpc.link).map((r) => r.name)).toEqual(['GetItem']);
    const rest = ok(connect(d, { source: 'a', target: 'b' }));
    expect(legacyLinkEndpoints(rest.design, [rest.link]).map((e) => e.path)).toEqual(['/b/{id}']);
    const renamed = ok(
      updateGrpcService(rest.design, 'b', rest.design.nodes[1]?.api?.grpc[0]?.id ?? '', { name: 'BeeService' }),
    );
    // the stubs of version 2 keep the derived names, whatever the user set
    expect(
      serviceRpcs({ design: renamed.design, node: renamed.design.nodes[1] ?? d.nodes[0]! }).map((r) => r.name),
    ).toEqual(['GetItem', 'Second']);
  });
});

describe('universeSteps', () => {
  it('works out the same types as buildUniverse, a step per 256 types in each pass, once per design', () => {
    const d = benchDesign(200);
    expect(d.types.length).toBeGreaterThan(256);
    const c = designContracts(d);
    const steps = c.universeSteps();
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBe(Math.floor((2 * d.types.length) / 256));
    const plain = buildUniverse(d);
    const names = (u: typeof plain) =>
      u.types.map((t) => [t.id, t.names, t.file, t.kind === 'message' ? t.fields.length : 0]);
    expect(names(step.value)).toEqual(names(plain));
    // kept: the getter and a second run give the same object, without steps
    expect(c.universe).toBe(step.value);
    expect(c.universeSteps().next()).toEqual({ done: true, value: step.value });
  });
});
