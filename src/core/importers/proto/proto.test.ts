import { describe, expect, it } from 'vitest';
import type { DesignType, MessageType } from '../../model/types';
import { contractFiles } from '../contracts/fixtures.testkit';
import type { ImportedContracts } from '../contracts/types';
import { importProto } from '.';

function ok(files: Record<string, string>): ImportedContracts {
  const r = importProto(files);
  if (!r.ok) throw new Error(r.error);
  return r.imported;
}

function error(files: Record<string, string>): string {
  const r = importProto(files);
  if (r.ok) throw new Error('the import should have failed');
  return r.error;
}

const byName = (types: readonly DesignType[], full: string): DesignType => {
  const t = types.find((x) => `${x.package}.${x.name}` === full || x.id === full.replace(/\./g, '_'));
  if (!t) throw new Error(`no type ${full}`);
  return t;
};
const message = (types: readonly DesignType[], full: string): MessageType => {
  const t = byName(types, full);
  if (t.kind !== 'message') throw new Error(`${full} is not a message`);
  return t;
};

const shop = () => contractFiles('proto');

describe('importProto: a shop with several services in one file and imports between files', () => {
  it('makes one service node per service, keeping names, packages, RPCs and streaming', () => {
    const got = ok(shop());
    expect(got.services.map((s) => [s.key, s.name, s.source])).toEqual([
      ['payments.v1.PaymentService', 'payment-service', 'payments/v1/payments.proto'],
      ['shop.v1.CartService', 'cart-service', 'shop/v1/shop.proto'],
      ['shop.v1.ProductCatalogService', 'product-catalog-service', 'shop/v1/shop.proto'],
      ['shop.v1.ShippingService', 'shipping-service', 'shop/v1/shop.proto'],
      ['shop.v1.CheckoutService', 'checkout-service', 'shop/v1/shop.proto'],
      ['shop.v1.EmailService', 'email-service', 'shop/v1/shop.proto'],
    ]);
    const checkout = got.services[4]?.grpc[0];
    expect(checkout).toMatchObject({ name: 'CheckoutService', package: 'shop.v1', file: 'shop/v1/shop.proto' });
    expect(checkout?.rpcs).toEqual([
      {
        id: 'shop_v1_CheckoutService_PlaceOrder',
        name: 'PlaceOrder',
        request: 'shop_v1_PlaceOrderRequest',
        response: 'shop_v1_PlaceOrderResponse',
      },
      {
        id: 'shop_v1_CheckoutService_Track',
        name: 'Track',
        request: 'shop_v1_OrderEvent',
        response: 'shop_v1_OrderEvent',
        clientStreaming: true,
        serverStreaming: true,
        description: 'Track sends order events both ways as they happen.',
      },
      {
        id: 'shop_v1_CheckoutService_UploadReceipts',
        name: 'UploadReceipts',
        request: 'shop_v1_Receipt',
        response: 'google.protobuf.Empty',
        clientStreaming: true,
      },
    ]);
    expect(got.services[2]?.grpc[0]?.rpcs[3]).toMatchObject({ name: 'WatchPrices', serverStreaming: true });
    expect(got.services[0]?.grpc[0]?.rpcs[1]).toMatchObject({ name: 'Refund', deprecated: true });
    expect(got.project).toBe('shop');
    expect(got.warnings).toEqual([]);
  });

  it('reuses one Empty and one Money everywhere, across packages', () => {
    const got = ok(shop());
    const empties = got.services
      .flatMap((s) => s.grpc[0]?.rpcs ?? [])
      .filter((r) => r.request === 'google.protobuf.Empty' || r.response === 'google.protobuf.Empty');
    expect(empties.map((r) => r.name)).toEqual([
      'AddItem',
      'EmptyCart',
      'ListProducts',
      'WatchPrices',
      'UploadReceipts',
      'SendOrderConfirmation',
    ]);
    expect(got.types.some((t) => t.name === 'Empty')).toBe(false);
    const money = byName(got.types, 'shop.v1.Money');
    expect(money.file).toBe('shop/v1/common.proto');
    const users = got.types.flatMap((t) =>
      t.kind === 'message'
        ? t.fields.filter((f) => f.type === money.id).map((f) => `${t.package}.${t.name}.${f.name}`)
        : [],
    );
    expect(users).toEqual([
      'payments.v1.ChargeRequest.amount',
      'payments.v1.RefundRequest.amount',
      'shop.v1.Product.price_usd',
      'shop.v1.GetQuoteResponse.cost_usd',
      'shop.v1.OrderItem.cost',
      'shop.v1.OrderResult.shipping_cost',
      'shop.v1.OrderEvent.charges',
    ]);
  });

  it('keeps numbers, labels, maps, oneofs, optional, json_name, reserved, deprecated and comments', () => {
    const got = ok(shop());
    expect(message(got.types, 'shop.v1.PlaceOrderRequest')).toEqual({
      id: 'shop_v1_PlaceOrderRequest',
      kind: 'message',
      name: 'PlaceOrderRequest',
      package: 'shop.v1',
      file: 'shop/v1/shop.proto',
      fields: [
        { number: 1, name: 'user_id', type: 'string' },
        { number: 2, name: 'user_currency', type: 'string' },
        { number: 3, name: 'address', type: 'shop_v1_Address' },
        { number: 5, name: 'email', type: 'string', jsonName: 'emailAddress' },
        { number: 6, name: 'credit_card', type: 'shop_v1_CreditCardInfo', oneof: 'payment' },
        { number: 7, name: 'voucher_code', type: 'string', oneof: 'payment' },
      ],
      reserved: { ranges: [[4, 4]], names: ['phone'] },
    });
    const product = message(got.types, 'shop.v1.Product');
    expect(product.fields.slice(5)).toEqual([
      {
        number: 6,
        name: 'categories',
        type: 'string',
        label: 'repeated',
        description: 'Categories such as "clothing" or "tops".',
      },
      { number: 7, name: 'attributes', type: 'string', mapKey: 'string' },
      { number: 8, name: 'availability', type: 'shop_v1_Product_Availability' },
    ]);
    expect(byName(got.types, 'shop.v1.Availability')).toMatchObject({ kind: 'enum', parent: product.id });
    expect(message(got.types, 'shop.v1.SearchProductsRequest').fields[1]).toEqual({
      number: 2,
      name: 'page_size',
      type: 'int32',
      label: 'optional',
    });
    expect(message(got.types, 'shop.v1.OrderEvent').fields[3]).toEqual({
      number: 4,
      name: 'charges',
      type: 'shop_v1_Money',
      mapKey: 'string',
    });
    expect(message(got.types, 'shop.v1.OrderResult').fields.slice(6)).toEqual([
      { number: 7, name: 'placed_at', type: 'google.protobuf.Timestamp' },
      { number: 8, name: 'legacy_reference', type: 'string', deprecated: true },
    ]);
    expect(byName(got.types, 'shop.v1.OrderStatus')).toEqual({
      id: 'shop_v1_OrderStatus',
      kind: 'enum',
      name: 'OrderStatus',
      package: 'shop.v1',
      file: 'shop/v1/shop.proto',
      allowAlias: true,
      values: [
        { name: 'ORDER_STATUS_UNSPECIFIED', number: 0 },
        { name: 'ORDER_STATUS_PLACED', number: 1 },
        { name: 'ORDER_STATUS_PAID', number: 2 },
        { name: 'ORDER_STATUS_CHARGED', number: 2 },
        { name: 'ORDER_STATUS_SHIPPED', number: 3 },
      ],
      reserved: {
        ranges: [
          [4, 4],
          [6, 8],
        ],
        names: ['ORDER_STATUS_LOST'],
      },
    });
    expect(message(got.types, 'shop.v1.Money').description).toBe(
      'Money is an amount in a currency, as google.type.Money models it.',
    );
  });

  it('nests types two levels deep with their parents', () => {
    const got = ok(shop());
    const charge = byName(got.types, 'payments.v1.ChargeRequest');
    const card = got.types.find((t) => t.name === 'Card');
    const expiry = got.types.find((t) => t.name === 'Expiry');
    expect(card).toMatchObject({ id: 'payments_v1_ChargeRequest_Card', parent: charge.id, package: 'payments.v1' });
    expect(expiry).toMatchObject({ id: 'payments_v1_ChargeRequest_Card_Expiry', parent: card?.id });
    expect(message(got.types, 'payments.v1.ChargeRequest').fields[1]?.type).toBe(card?.id);
  });

  it('finds an imported file given under a longer path, and names it by its import path', () => {
    const files = shop();
    const moved = Object.fromEntries(Object.entries(files).map(([k, v]) => [`protos/${k}`, v]));
    const got = ok(moved);
    expect(byName(got.types, 'shop.v1.Money').file).toBe('shop/v1/common.proto');
    expect(byName(got.types, 'shop.v1.Cart').file).toBe('protos/shop/v1/shop.proto');
  });

  it('uses its own well-known files, ignoring copies of them among the files given', () => {
    const got = ok({ ...shop(), 'google/protobuf/empty.proto': 'this is not even proto' });
    expect(got.types.some((t) => t.package === 'google.protobuf')).toBe(false);
  });
});

describe('importProto: what the design cannot hold is named with its place', () => {
  const legacy = [
    'syntax = "proto2";', // 1
    'package legacy.v1;', // 2
    'import "google/protobuf/descriptor.proto";', // 3
    'import "validate/validate.proto";', // 4
    'option go_package = "example.com/legacy/v1";', // 5
    'extend google.protobuf.FieldOptions { optional string label = 50000; }', // 6
    'message Item {', // 7
    '  required string sku = 1 [(validate.rules).string.min_len = 3];', // 8
    '  optional int32 count = 2 [default = 1];', // 9
    '  optional group Extra = 3 { optional string note = 1; }', // 10
    '  extensions 100 to 199;', // 11
    '  option deprecated = true;', // 12
    '}', // 13
    'extend Item { optional string tag = 100; }', // 14
    'service Store {', // 15
    '  option (legacy.owner) = "team-a";', // 16
    '  rpc Put(Item) returns (Item) { option idempotency_level = IDEMPOTENT; }', // 17
    '}', // 18
  ].join('\n');

  it('lists each construct by file:line:column and keeps the rest', () => {
    const r = importProto({ 'legacy/v1/legacy.proto': legacy });
    if (!r.ok) throw new Error(r.error);
    const f = 'legacy/v1/legacy.proto';
    expect(r.imported.warnings).toEqual([
      `${f}:1:1: ${f} is proto2; names, numbers and labels are kept, proto2-only behaviour (defaults, closed enums, required, groups, extensions) is not.`,
      `${f}:5:8: file option go_package = "example.com/legacy/v1" is not imported (the design has no place for it).`,
      `${f}:3:1: import "google/protobuf/descriptor.proto" is not read (it is not one of the well-known files the design supports); options it defines are not imported.`,
      `${f}:4:1: import "validate/validate.proto" is not read (it was not given); options it defines are not imported.`,
      `${f}:6:55: extension legacy.v1.label = 50000 of google.protobuf.FieldOptions is not imported (extensions are not supported).`,
      `${f}:14:31: extension legacy.v1.tag = 100 of Item is not imported (extensions are not supported).`,
      `${f}:12:10: option deprecated = true of message legacy.v1.Item is not imported (the design marks fields, RPCs and endpoints as deprecated, not this).`,
      `${f}:7:1: extension range 100 to 199 of message legacy.v1.Item is not imported (extensions are not supported).`,
      `${f}:8:19: required field legacy.v1.Item.sku is imported as optional (proto2 required is not kept).`,
      `${f}:8:28: option (validate.rules).string.min_len = 3 of field legacy.v1.Item.sku is not imported (custom options are not imported).`,
      `${f}:9:29: option default = 1 of field legacy.v1.Item.count is not imported (the design has no place for it).`,
      `${f}:10:18: group field legacy.v1.Item.extra is imported as a message field; groups are encoded differently on the wire.`,
      `${f}:16:10: option (legacy.owner) = "team-a" of service legacy.v1.Store is not imported (custom options are not imported).`,
      `${f}:17:41: option idempotency_level = "IDEMPOTENT" of rpc legacy.v1.Store.Put is not imported (the design has no place for it).`,
    ]);
    expect(message(r.imported.types, 'legacy.v1.Item').fields).toEqual([
      { number: 1, name: 'sku', type: 'string', label: 'optional' },
      { number: 2, name: 'count', type: 'int32', label: 'optional' },
      { number: 3, name: 'extra', type: 'legacy_v1_Item_Extra', label: 'optional' },
    ]);
    expect(r.imported.services[0]?.grpc[0]?.rpcs.map((x) => x.name)).toEqual(['Put']);
  });

  it('fails on a syntax error with the file, line and column, and nothing else', () => {
    const text = 'syntax = "proto3";\npackage x.v1;\nmessage A {\n  string name = 1\n  int32 n = 2;\n}\n';
    expect(error({ 'x/v1/a.proto': text, 'x/v1/b.proto': 'syntax = "proto3";' })).toBe(
      "x/v1/a.proto:5:3: illegal token 'int32', ';' expected",
    );
  });

  it('fails on unknown types, naming every one and the imports that were not given', () => {
    const text = [
      'syntax = "proto3";',
      'package x.v1;',
      'import "other/thing.proto";',
      'message A {',
      '  Thing thing = 1;',
      '  repeated Other others = 2;',
      '}',
      'service S { rpc Do(A) returns (Nope); }',
    ].join('\n');
    expect(error({ 'a.proto': text })).toBe(
      [
        'a.proto:5:9: unknown type "Thing" of field x.v1.A.thing.',
        'a.proto:6:18: unknown type "Other" of field x.v1.A.others.',
        'a.proto:8:13: unknown type "Nope" of the response of rpc x.v1.S.Do.',
        'Not given: "other/thing.proto"; give those files too.',
      ].join('\n'),
    );
  });

  it('refuses field numbers protobuf refuses, and well-known types the design lacks', () => {
    const text = [
      'syntax = "proto3";',
      'import "google/protobuf/struct.proto";',
      'message A { string a = 19000; google.protobuf.NullValue n = 2; }',
    ].join('\n');
    expect(error({ 'a.proto': text })).toBe(
      [
        'a.proto:3:20: field A.a has number 19000; field numbers are 1 to 536,870,911 outside 19,000 to 19,999.',
        'a.proto:3:57: google.protobuf.NullValue (the type of field A.n) is not one of the well-known types the design supports.',
      ].join('\n'),
    );
  });

  it('keeps a file without a package as such (an empty package)', () => {
    const got = ok({
      'a.proto': 'syntax = "proto3";\nmessage A { string a = 1; }\nservice S { rpc Do(A) returns (A); }',
    });
    expect(got.types[0]).toMatchObject({ name: 'A', package: '' });
    expect(got.services[0]?.grpc[0]).toMatchObject({ name: 'S', package: '' });
    expect(got.project).toBeUndefined();
  });

  it('says there is nothing to import when no file is given', () => {
    expect(error({})).toBe('No .proto file to import.');
  });
});
