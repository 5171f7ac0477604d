import { describe, expect, it } from 'vitest';
import { emptyDesign, type Design } from '../../model/types';
import { noChanges } from './apply';
import { contractFiles } from './fixtures.testkit';
import { importContracts, type ContractImportResult } from '.';

type Done = Extract<ContractImportResult, { ok: true }>;

function done(r: ContractImportResult): Done {
  if (!r.ok) throw new Error(r.error);
  return r;
}

const events = () => Object.fromEntries(Object.entries(contractFiles('asyncapi')).map(([k, v]) => [`events/${k}`, v]));
const everything = () => ({ ...contractFiles('proto'), ...contractFiles('openapi'), ...events() });

describe('importContracts', () => {
  it('imports protos, OpenAPI and AsyncAPI documents together, told apart by content', async () => {
    const r = done(await importContracts({ files: everything(), options: { project: 'shop' } }));
    expect(r.sources).toEqual([
      'payments/v1/payments.proto',
      'shop/v1/common.proto',
      'shop/v1/shop.proto',
      'inventory.json',
      'shop-api.yaml',
      'events/orders-2.6.yaml',
      'events/shipping-3.0.yaml',
    ]);
    expect(r.design.name).toBe('shop');
    expect(r.design.nodes.map((n) => `${n.name} ${n.kind} @${n.position.x},${n.position.y}`)).toEqual([
      'payment-service go-nethttp @80,80',
      'cart-service go-nethttp @340,80',
      'product-catalog-service go-nethttp @600,80',
      'shipping-service go-nethttp @860,80',
      'checkout-service go-nethttp @1120,80',
      'email-service go-nethttp @1380,80',
      'inventory go-nethttp @80,210',
      'storefront-api go-nethttp @340,210',
      'order-service go-nethttp @600,210',
      'kafka kafka @80,340',
      'rabbitmq rabbitmq @340,340',
    ]);
    expect(r.summary).toEqual({
      typesAdded: 55,
      typesUpdated: 0,
      nodesAdded: 11,
      servicesAdded: 6,
      servicesUpdated: 0,
      endpointsAdded: 7,
      endpointsUpdated: 0,
      channelsAdded: 5,
      linksAdded: 6,
    });
    // the events' Money is not the proto's: both are kept, the second under a free name
    expect(r.warnings).toContain(
      'shop.v1.Money already exists (from shop/v1/common.proto) with another definition; the one from events/schemas/events.yaml is imported as shop.v1.Money2.',
    );
    expect(r.warnings).toContain(
      'events/shipping-3.0.yaml: "shipping-service" is added to the node shipping-service, which has its name.',
    );
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('shares one type and one channel between the documents of a publisher and a subscriber', async () => {
    const r = done(await importContracts({ files: events() }));
    const kafka = r.design.nodes.find((n) => n.kind === 'kafka');
    const placed = kafka?.channels?.find((c) => c.topic === 'orders.placed');
    const type = r.design.types.find((t) => t.id === placed?.message);
    expect(type).toMatchObject({ name: 'OrderPlaced', file: 'events/orders-2.6.yaml' });
    expect(r.design.types.filter((t) => t.name === 'OrderPlaced')).toHaveLength(1);
    expect(r.design.types.filter((t) => t.name === 'Money')).toHaveLength(1);
    const byId = new Map(r.design.nodes.map((n) => [n.id, n.name]));
    expect(r.design.links.map((l) => `${byId.get(l.source)} → ${byId.get(l.target)} ${l.topic}`)).toEqual([
      'order-service → kafka orders.placed',
      'kafka → order-service payments.completed',
      'order-service → kafka orders.cancelled',
      'kafka → shipping-service orders.placed',
      'shipping-service → kafka shipments.dispatched',
      'shipping-service → rabbitmq emails',
    ]);
  });

  it('imports again without adding anything', async () => {
    const once = done(await importContracts({ files: everything(), options: { project: 'shop' } }));
    const twice = done(await importContracts({ files: everything(), options: { into: once.design } }));
    expect(twice.design).toEqual(once.design);
    expect(twice.summary).toEqual(noChanges());
  });

  it('adds to a design and attaches to the node picked, leaving the design given as it was', async () => {
    let into: Design = emptyDesign('shop');
    into = {
      ...into,
      nodes: [
        {
          id: 'api',
          kind: 'node-express',
          name: 'gateway-api',
          position: { x: 500, y: 40 },
          port: 3000,
          grpcPort: 50051,
          replicas: 1,
          env: [],
          description: '',
        },
      ],
    };
    const copy = structuredClone(into);
    const r = done(await importContracts({ files: contractFiles('openapi'), options: { into, attachTo: 'api' } }));
    expect(into).toEqual(copy);
    expect(r.design.nodes).toHaveLength(1);
    expect(r.design.nodes[0]?.api?.rest.map((e) => `${e.method} ${e.path}`)).toEqual([
      'GET /stock/{sku}',
      'PUT /stock/{sku}',
      'GET /carts/{cartId}',
      'DELETE /carts/{cartId}',
      'POST /carts/{cartId}/addToCart',
      'GET /products',
      'POST /products/{productId}/reviews',
    ]);
    expect(r.design.types.every((t) => t.owner === 'api')).toBe(true);
  });

  it('says so when no file is a contract, and fails on a file that does not parse', async () => {
    expect(await importContracts({ files: { 'notes.yaml': 'a: 1' } })).toEqual({
      ok: false,
      error: 'No contract among the files: notes.yaml is neither an OpenAPI nor an AsyncAPI document.',
      warnings: [],
    });
    expect(await importContracts({ files: {} })).toEqual({
      ok: false,
      error: 'No contract to import: give .proto files, OpenAPI or AsyncAPI documents.',
      warnings: [],
    });
    const broken = await importContracts({ files: { ...contractFiles('openapi'), 'schemas/extra.yaml': 'a: [1,\n' } });
    expect(broken).toEqual({
      ok: false,
      error: expect.stringMatching(/^schemas\/extra\.yaml:\d+:\d+: /),
      warnings: [],
    });
  });

  it('reads a .proto without its extension by its content, and paths written with backslashes', async () => {
    const r = done(
      await importContracts({
        files: {
          'api\\greeter':
            'syntax = "proto3";\npackage hi.v1;\nmessage M { string s = 1; }\nservice Greeter { rpc Hi(M) returns (M); }',
        },
      }),
    );
    expect(r.design.types[0]).toMatchObject({ name: 'M', package: 'hi.v1', file: 'api/greeter' });
    expect(r.design.name).toBe('hi');
  });
});
