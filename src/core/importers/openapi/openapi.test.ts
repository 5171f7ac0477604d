import { describe, expect, it } from 'vitest';
import type { DesignType, HttpEndpoint } from '../../model/types';
import { contractFiles } from '../contracts/fixtures.testkit';
import { sortFiles } from '../contracts/sniff';
import type { ImporterResult, ImportedContracts } from '../contracts/types';
import { importOpenApi } from '.';

async function run(files: Record<string, string>, entry: string): Promise<ImporterResult> {
  const sorted = sortFiles(files);
  if (!sorted.ok) return { ok: false, error: sorted.error, warnings: [] };
  const doc = sorted.files.docs.get(entry);
  if (!doc) throw new Error(`no ${entry}`);
  return importOpenApi(doc, sorted.files.docs);
}

async function ok(files: Record<string, string>, entry: string): Promise<ImportedContracts> {
  const r = await run(files, entry);
  if (!r.ok) throw new Error(r.error);
  return r.imported;
}

async function error(files: Record<string, string>, entry: string): Promise<string> {
  const r = await run(files, entry);
  if (r.ok) throw new Error('the import should have failed');
  return r.error;
}

const type = (types: readonly DesignType[], name: string) => {
  const t = types.find((x) => x.name === name);
  if (!t) throw new Error(`no type ${name}`);
  return t;
};

/** An endpoint in one line: `POST /a/{b} path:b:string! → 201=Type 400`. */
const line = (e: HttpEndpoint) =>
  [
    e.method,
    e.path,
    ...e.params.map((p) => `${p.in}:${p.name}:${p.type}${p.repeated ? '[]' : ''}${p.required ? '!' : ''}`),
    `body=${e.body ? `${e.body.type}${e.body.repeated ? '[]' : ''}` : '-'}`,
    '→',
    ...e.responses.map((r) => `${r.status}${r.body ? `=${r.body.type}${r.body.repeated ? '[]' : ''}` : ''}`),
  ].join(' ');

describe('importOpenApi', () => {
  it('maps paths to endpoints with their case, parameters, bodies and responses per status', async () => {
    const got = await ok(contractFiles('openapi'), 'shop-api.yaml');
    const [service] = got.services;
    expect(service).toMatchObject({
      key: 'shop-api.yaml',
      name: 'storefront-api',
      description: "The storefront's public REST API.",
    });
    expect(service?.rest.map(line)).toEqual([
      'GET /carts/{cartId} path:cartId:string! body=- → 200=storefront-api_Cart 404',
      'DELETE /carts/{cartId} path:cartId:string! body=- → 204 default',
      'POST /carts/{cartId}/addToCart path:cartId:string! header:X-Request-Id:string body=storefront-api_LineItem → 201=storefront-api_Cart 400',
      'GET /products query:category:string query:pageSize:int32 query:tag:string[] query:sort:storefront-api_ListProductsSort body=- → 200=storefront-api_Product[]',
      'POST /products/{productId}/reviews path:productId:string! body=storefront-api_PostReviewRequest → 201=storefront-api_PostReviewResponse',
    ]);
    expect(service?.rest[0]).toMatchObject({ id: 'getCart', operationId: 'getCart', summary: 'Reads a cart.' });
    expect(service?.rest[0]?.responses[1]).toEqual({ status: '404', description: 'No such cart.' });
  });

  it('makes types of the schemas, named ones by name, numbered in property order', async () => {
    const got = await ok(contractFiles('openapi'), 'shop-api.yaml');
    expect(
      got.types.map(
        (t) =>
          `${t.name}${t.parent ? ` in ${type(got.types, 'Cart').id === t.parent ? 'Cart' : t.parent}` : ''} (${t.file})`,
      ),
    ).toEqual([
      'Cart (shop-api.yaml)',
      'LineItem (schemas/common.yaml)',
      'Money (schemas/common.yaml)',
      'Address (schemas/common.yaml)',
      'Status in Cart (shop-api.yaml)',
      'Product (shop-api.yaml)',
      'Payment (shop-api.yaml)',
      'Card in storefront-api_Payment (shop-api.yaml)',
      'PricedProduct (shop-api.yaml)',
      'ListProductsSort (shop-api.yaml)',
      'PostReviewResponse (shop-api.yaml)',
      'PostReviewRequest (shop-api.yaml)',
      'Author in storefront-api_PostReviewRequest (shop-api.yaml)',
    ]);
    expect(got.types.every((t) => t.owner === 'shop-api.yaml' && t.package === undefined)).toBe(true);
    expect(type(got.types, 'Cart')).toMatchObject({
      fields: [
        { number: 1, name: 'id', type: 'string' },
        { number: 2, name: 'items', type: 'storefront-api_LineItem', label: 'repeated' },
        { number: 3, name: 'total', type: 'storefront-api_Money', label: 'optional' },
        { number: 4, name: 'shipTo', type: 'storefront-api_Address', label: 'optional' },
        { number: 5, name: 'status', type: 'storefront-api_Status', label: 'optional' },
        { number: 6, name: 'metadata', type: 'string', mapKey: 'string' },
        { number: 7, name: 'updated_at', type: 'google.protobuf.Timestamp', label: 'optional', jsonName: 'updated_at' },
      ],
    });
    expect(type(got.types, 'Status')).toMatchObject({
      kind: 'enum',
      values: [
        { name: 'open', number: 0 },
        { name: 'checked_out', number: 1 },
        { name: 'abandoned', number: 2 },
      ],
    });
    expect(type(got.types, 'Money')).toMatchObject({
      description: 'An amount in a currency.',
      fields: [
        { number: 1, name: 'currencyCode', type: 'string' },
        { number: 2, name: 'units', type: 'int64' },
        { number: 3, name: 'nanos', type: 'int32', label: 'optional' },
      ],
    });
    expect(type(got.types, 'Product').kind === 'message' && type(got.types, 'Product')).toMatchObject({
      fields: expect.arrayContaining([
        { number: 5, name: 'picture_url', type: 'string', label: 'optional', jsonName: 'picture-url' },
        { number: 6, name: 'discontinued', type: 'bool', label: 'optional', deprecated: true },
      ]),
    });
  });

  it('a schema that holds itself through an inline allOf becomes a recursive message, not a stack overflow', async () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 'Tree', version: '1' },
      paths: {},
      components: {
        schemas: {
          Node: {
            type: 'object',
            properties: { child: { allOf: [{ description: 'the next node' }, { $ref: '#/components/schemas/Node' }] } },
          },
        },
      },
    };
    const got = await ok({ 'tree.json': JSON.stringify(doc) }, 'tree.json');
    const child = type(got.types, 'Child');
    expect(child.kind === 'message' && child.fields.map((f) => [f.name, f.type])).toEqual([['child', child.id]]);
  });

  it('keeps a union of one-property objects as a oneof, and merges allOf', async () => {
    const got = await ok(contractFiles('openapi'), 'shop-api.yaml');
    expect(type(got.types, 'Payment')).toMatchObject({
      fields: [
        { number: 1, name: 'card', type: 'storefront-api_Card', oneof: 'payment' },
        { number: 2, name: 'voucher', type: 'string', oneof: 'payment' },
      ],
    });
    const priced = type(got.types, 'PricedProduct');
    expect(priced.kind === 'message' && priced.fields.map((f) => `${f.number}:${f.name}`)).toEqual([
      '1:id',
      '2:name',
      '3:price',
      '4:tags',
      '5:picture_url',
      '6:discontinued',
      '7:discount',
    ]);
  });

  it('names what it leaves out, by file, line, column and pointer', async () => {
    const got = await ok(contractFiles('openapi'), 'shop-api.yaml');
    expect(got.warnings).toEqual([
      'shop-api.yaml:108:11 (#/paths/~1products~1{productId}~1reviews/post/parameters/1): the cookie parameter session is not imported (only path, query and header parameters are).',
      'shop-api.yaml:145:7 (#/paths/~1products~1{productId}~1reviews/head): HEAD operations are not imported (the design has GET, POST, PUT, PATCH, DELETE).',
      '"format: uri" is not kept (the design has no place for it), at shop-api.yaml:209:11 (#/components/schemas/Product/properties/picture-url).',
      '"format: uuid" is not kept (the design has no place for it), at shop-api.yaml:42:13 (#/paths/~1carts~1{cartId}~1addToCart/post/parameters/1/schema).',
      '"maximum" is not kept (the design has no place for it), at shop-api.yaml:78:22 (#/paths/~1products/get/parameters/1/schema/maximum).',
      '"maxLength" is not kept (the design has no place for it), at schemas/common.yaml:12:22 (#/components/schemas/Money/properties/currencyCode/maxLength).',
      '"minimum" is not kept (the design has no place for it), at shop-api.yaml:77:22 (#/paths/~1products/get/parameters/1/schema/minimum).',
      '"minLength" is not kept (the design has no place for it), at schemas/common.yaml:11:22 (#/components/schemas/Money/properties/currencyCode/minLength).',
      '"servers" is not kept (the design has no place for it), at shop-api.yaml:7:3 (#/servers).',
      '"tags" is not kept (the design has no place for it), at 2 places: shop-api.yaml:17:13 (#/paths/~1carts~1{cartId}/get/tags) and shop-api.yaml:9:3 (#/tags).',
    ]);
  });

  it('reads OpenAPI 3.0 JSON, nullable included', async () => {
    const got = await ok(contractFiles('openapi'), 'inventory.json');
    expect(got.services[0]?.rest.map(line)).toEqual([
      'GET /stock/{sku} path:sku:string! body=- → 200=inventory_Stock 404',
      'PUT /stock/{sku} path:sku:string! body=inventory_Stock → 204',
    ]);
    expect(type(got.types, 'Stock')).toMatchObject({
      fields: [
        { number: 1, name: 'sku', type: 'string' },
        { number: 2, name: 'quantity', type: 'int32' },
        { number: 3, name: 'warehouse', type: 'string', label: 'optional' },
        { number: 4, name: 'reservedBy', type: 'string', label: 'repeated' },
      ],
    });
    expect(got.warnings).toEqual([
      '"null (a list or a map is never null in the design)" is not kept (the design has no place for it), at inventory.json:36:25 (#/components/schemas/Stock/properties/reservedBy).',
    ]);
  });
});

describe('importOpenApi: bad input is refused with its place', () => {
  const files = contractFiles('openapi');

  it('a reference to a sibling file that was not given, at every place it is used', async () => {
    const got = (await error({ 'shop-api.yaml': files['shop-api.yaml'] ?? '' }, 'shop-api.yaml')).split('\n');
    expect(got).toHaveLength(8);
    expect(got[1]).toBe(
      'shop-api.yaml:49:21 (#/paths/~1carts~1{cartId}~1addToCart/post/requestBody/content/application~1json/schema/$ref): $ref "./schemas/common.yaml#/components/schemas/LineItem" names a file that was not given.',
    );
  });

  it('a reference to nothing, and a remote one', async () => {
    const doc = (ref: string) =>
      `openapi: 3.1.0\ninfo: {title: A, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: '${ref}'\n`;
    expect(await error({ 'a.yaml': doc('#/components/schemas/Nope') }, 'a.yaml')).toBe(
      'a.yaml:7:13 (#/components/schemas/A/$ref): $ref "#/components/schemas/Nope" points to nothing.',
    );
    expect(await error({ 'a.yaml': doc('https://example.com/x.yaml#/A') }, 'a.yaml')).toBe(
      'a.yaml:7:13 (#/components/schemas/A/$ref): $ref "https://example.com/x.yaml#/A" is a remote reference; remote files are not fetched, give the file instead.',
    );
  });

  it('a document the OpenAPI schema refuses', async () => {
    const doc = 'openapi: 3.1.0\ninfo: {title: A, version: "1"}\npaths:\n  /a:\n    get:\n      responzes: {}\n';
    expect(await error({ 'a.yaml': doc }, 'a.yaml')).toBe(
      'The OpenAPI document is not valid:\na.yaml:6:7 (#/paths/~1a/get): Property responzes is not expected to be here',
    );
  });

  it('a YAML syntax error, Swagger 2.0 and OpenAPI 4', async () => {
    expect(await error({ 'a.yaml': 'openapi: 3.1.0\ninfo: [\n' }, 'a.yaml')).toMatch(/^a\.yaml:\d+:\d+: /);
    const r = sortFiles({ 'a.yaml': 'openapi: 3.1.0\ninfo: [\n' });
    expect(r.ok).toBe(false);
    expect(await error({ 's.yaml': 'swagger: "2.0"\ninfo: {title: S, version: "1"}\npaths: {}' }, 's.yaml')).toBe(
      's.yaml: Swagger 2.0 is not imported; convert it to OpenAPI 3 first.',
    );
    expect(await error({ 'n.yaml': 'openapi: 4.0.0\npaths: {}' }, 'n.yaml')).toBe(
      'n.yaml: OpenAPI 4.0.0 is not imported; 3.0 and 3.1 are.',
    );
  });
});
