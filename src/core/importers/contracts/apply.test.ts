import { describe, expect, it } from 'vitest';
import { addNode } from '../../ops/ops';
import { emptyDesign, type Design, type DesignNode } from '../../model/types';
import { importProto } from '../proto';
import { applyImport } from './apply';
import { contractFiles } from './fixtures.testkit';
import type { ApplyResult, ImportedContracts } from './types';

function shop(): ImportedContracts {
  const r = importProto(contractFiles('proto'));
  if (!r.ok) throw new Error(r.error);
  return r.imported;
}

function applied(r: ApplyResult): Extract<ApplyResult, { ok: true }> {
  if (!r.ok) throw new Error(r.error);
  return r;
}

/** Whether two 224 × 58 cards overlap. */
const overlap = (a: DesignNode, b: DesignNode) =>
  Math.abs(a.position.x - b.position.x) < 224 && Math.abs(a.position.y - b.position.y) < 58;

function withNodes(): Design {
  let d = emptyDesign('shop');
  for (const [kind, x, y] of [
    ['python-fastapi', 100, 100],
    ['kafka', 400, 300],
    ['node-express', 900, 200],
  ] as const) {
    const r = addNode(d, { kind, position: { x, y } });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
  }
  return d;
}

describe('applyImport', () => {
  it('adds a service node per service with its API, and every type once', () => {
    const r = applied(applyImport(emptyDesign('shop'), shop()));
    expect(r.summary).toEqual({
      typesAdded: 32,
      typesUpdated: 0,
      nodesAdded: 6,
      servicesAdded: 6,
      servicesUpdated: 0,
      endpointsAdded: 0,
      endpointsUpdated: 0,
      channelsAdded: 0,
      linksAdded: 0,
    });
    expect(r.design.nodes.map((n) => [n.name, n.kind, n.port, n.api?.grpc.map((g) => g.name)])).toEqual([
      ['payment-service', 'go-nethttp', 8080, ['PaymentService']],
      ['cart-service', 'go-nethttp', 8081, ['CartService']],
      ['product-catalog-service', 'go-nethttp', 8082, ['ProductCatalogService']],
      ['shipping-service', 'go-nethttp', 8083, ['ShippingService']],
      ['checkout-service', 'go-nethttp', 8084, ['CheckoutService']],
      ['email-service', 'go-nethttp', 8085, ['EmailService']],
    ]);
    expect(new Set(r.design.types.map((t) => t.id)).size).toBe(r.design.types.length);
    expect(r.design.nodes[1]?.description).toBe('Imported from shop/v1/shop.proto.');
  });

  it('imports twice without adding anything twice', () => {
    const once = applied(applyImport(emptyDesign('shop'), shop()));
    const twice = applied(applyImport(once.design, shop()));
    expect(twice.design).toEqual(once.design);
    expect(twice.summary).toMatchObject({
      typesAdded: 0,
      typesUpdated: 0,
      nodesAdded: 0,
      servicesAdded: 0,
      servicesUpdated: 0,
    });
    expect(twice.warnings).toEqual([]);
  });

  it('places new nodes below the existing cards, overlapping none, on free ports', () => {
    const before = withNodes();
    const r = applied(applyImport(before, shop(), { runtime: 'rust-axum' }));
    const added = r.design.nodes.slice(before.nodes.length);
    expect(added).toHaveLength(6);
    for (const a of added) {
      expect(a.kind).toBe('rust-axum');
      for (const b of r.design.nodes) if (a !== b) expect(overlap(a, b)).toBe(false);
    }
    const ports = r.design.nodes.map((n) => n.port);
    expect(new Set(ports).size).toBe(ports.length);
    expect(before.nodes).toEqual(withNodes().nodes.map((n, i) => ({ ...n, id: before.nodes[i]?.id })));
  });

  it('attaches every service to the node picked, and refuses a node that is not a service', () => {
    const before = withNodes();
    const python = before.nodes[0];
    const r = applied(applyImport(before, shop(), { attachTo: python?.id }));
    expect(r.design.nodes).toHaveLength(3);
    expect(r.design.nodes[0]?.api?.grpc.map((g) => g.name)).toEqual([
      'PaymentService',
      'CartService',
      'ProductCatalogService',
      'ShippingService',
      'CheckoutService',
      'EmailService',
    ]);
    const kafka = before.nodes[1]?.id ?? '';
    expect(applyImport(before, shop(), { attachTo: kafka })).toEqual({
      ok: false,
      error: `There is no service node with the id "${kafka}" to import into.`,
      warnings: [],
    });
  });

  it('lands on the node that already serves the service, even after a rename', () => {
    const once = applied(applyImport(emptyDesign('shop'), shop()));
    const renamed = {
      ...once.design,
      nodes: once.design.nodes.map((n) => (n.name === 'cart-service' ? { ...n, name: 'carts' } : n)),
    };
    const again = applied(applyImport(renamed, shop()));
    expect(again.design.nodes.map((n) => n.name)).toEqual(renamed.nodes.map((n) => n.name));
    expect(again.summary.nodesAdded).toBe(0);
  });

  it('updates a changed type in place, keeping its id and the RPC ids links use, and says so', () => {
    const once = applied(applyImport(emptyDesign('shop'), shop()));
    const files = contractFiles('proto');
    files['shop/v1/common.proto'] = (files['shop/v1/common.proto'] ?? '').replace(
      'int32 zip_code = 5;',
      'string zip_code = 6;',
    );
    files['shop/v1/shop.proto'] = (files['shop/v1/shop.proto'] ?? '').replace(
      'rpc EmptyCart(EmptyCartRequest) returns (google.protobuf.Empty);',
      'rpc ClearCart(EmptyCartRequest) returns (google.protobuf.Empty);',
    );
    const next = importProto(files);
    if (!next.ok) throw new Error(next.error);
    const r = applied(applyImport(once.design, next.imported));
    const address = r.design.types.find((t) => t.name === 'Address');
    expect(address?.id).toBe('shop_v1_Address');
    expect(address?.kind === 'message' && address.fields[4]).toEqual({ number: 6, name: 'zip_code', type: 'string' });
    expect(r.summary).toMatchObject({ typesAdded: 0, typesUpdated: 1, servicesUpdated: 1 });
    expect(r.warnings).toEqual([
      'shop.v1.Address was replaced by the imported definition from shop/v1/common.proto.',
      'cart-service: shop.v1.CartService keeps EmptyCart, which the imported contract does not declare.',
    ]);
    const cart = r.design.nodes.find((n) => n.name === 'cart-service')?.api?.grpc[0]?.rpcs;
    expect(cart?.map((x) => [x.id, x.name])).toEqual([
      ['shop_v1_CartService_AddItem', 'AddItem'],
      ['shop_v1_CartService_GetCart', 'GetCart'],
      ['shop_v1_CartService_ClearCart', 'ClearCart'],
      ['shop_v1_CartService_EmptyCart', 'EmptyCart'],
    ]);
  });

  it('fails on a reference to a type the import lacks, naming where, and leaves the design alone', () => {
    const bad = shop();
    const broken: ImportedContracts = {
      ...bad,
      types: bad.types.map((t) =>
        t.name === 'Cart' && t.kind === 'message' ? { ...t, fields: [{ number: 1, name: 'x', type: 'Nowhere' }] } : t,
      ),
    };
    const before = withNodes();
    const copy = structuredClone(before);
    const r = applyImport(before, broken);
    expect(r).toEqual({
      ok: false,
      error: 'Unknown type "Nowhere" in field Cart.x (shop/v1/shop.proto).',
      warnings: [],
    });
    expect(before).toEqual(copy);
  });

  it('refuses a message where the design has an enum of the same full name', () => {
    const once = applied(applyImport(emptyDesign('shop'), shop()));
    const types = once.design.types.map((t) =>
      t.name === 'Money'
        ? { id: t.id, kind: 'enum' as const, name: 'Money', package: 'shop.v1', values: [{ name: 'M', number: 0 }] }
        : t,
    );
    const r = applyImport({ ...once.design, types }, shop());
    expect(r.ok === false && r.error).toBe(
      'shop.v1.Money is an enum in the design and a message in shop/v1/common.proto; rename one of them first.',
    );
  });

  it('warns when the runtime picked cannot serve gRPC', () => {
    const r = applied(applyImport(emptyDesign('shop'), shop(), { runtime: 'ruby-rails' }));
    expect(r.warnings[0]).toBe(
      'payment-service runs Ruby · Rails, which cannot serve gRPC; its gRPC services are kept in the design.',
    );
  });
});
