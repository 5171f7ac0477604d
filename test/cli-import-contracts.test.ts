import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import type { Design } from '../src/core/model/types';
import { CONTRACTS_DIR } from '../src/core/importers/contracts/fixtures.testkit';

const tmp = mkdtempSync(join(tmpdir(), 'pgc-contracts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// a copy, so the contract files sit in a folder of their own like a user's repository
cpSync(CONTRACTS_DIR, join(tmp, 'contracts'), { recursive: true });
const C = join(tmp, 'contracts');

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Design;

describe('polyglot-canvas import, contracts', () => {
  it('says how in its help', async () => {
    const help = (await run('import', '--help')).out;
    for (const o of ['--into', '--proto-path', '--runtime', '--attach', '--broker', '--name'])
      expect(help).toContain(o);
  });

  it('imports a .proto and reads what it imports from its proto root', async () => {
    const out = join(tmp, 'shop.json');
    const r = await run('import', join(C, 'proto', 'shop', 'v1', 'shop.proto'), '-o', out, '--runtime', 'java-spring');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/note: also read .*contracts\/proto\/shop\/v1\/common\.proto/);
    expect(r.out).toBe(
      `Wrote ${out}: added 5 nodes, 26 types, 5 gRPC services, 0 endpoints, 0 channels, 0 links; updated 0 types, 0 services or endpoints; 0 warnings.`,
    );
    const d = read(out);
    expect(d.name).toBe('shop');
    expect(d.nodes.map((n) => `${n.name}:${n.kind}`)).toEqual([
      'cart-service:java-spring',
      'product-catalog-service:java-spring',
      'shipping-service:java-spring',
      'checkout-service:java-spring',
      'email-service:java-spring',
    ]);
    expect(new Set(d.types.map((t) => t.file))).toEqual(new Set(['shop/v1/shop.proto', 'shop/v1/common.proto']));
  });

  it('takes the proto root given, and refuses a file outside it', async () => {
    const bad = await run(
      'import',
      join(C, 'proto', 'payments', 'v1', 'payments.proto'),
      '-I',
      join(C, 'openapi'),
      '-o',
      join(tmp, 'x.json'),
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('is outside the proto path');
    const good = await run(
      'import',
      join(C, 'proto', 'payments', 'v1', 'payments.proto'),
      '-I',
      join(C, 'proto'),
      '-o',
      join(tmp, 'pay.json'),
    );
    expect(good.code).toBe(0);
    expect(read(join(tmp, 'pay.json')).types.map((t) => t.file)).toContain('payments/v1/payments.proto');
  });

  it('imports OpenAPI and AsyncAPI documents with the sibling files their $refs name', async () => {
    const out = join(tmp, 'apis.json');
    const r = await run(
      'import',
      join(C, 'openapi', 'shop-api.yaml'),
      join(C, 'asyncapi', 'orders-2.6.yaml'),
      '--name',
      'shop',
      '-o',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/note: also read .*openapi\/schemas\/common\.yaml/);
    expect(r.err).toMatch(/note: also read .*asyncapi\/schemas\/events\.yaml/);
    expect(r.err).toContain(
      'warning: openapi/shop-api.yaml:145:7 (#/paths/~1products~1{productId}~1reviews/head): HEAD operations are not imported',
    );
    const d = read(out);
    expect(d.nodes.map((n) => n.name)).toEqual(['storefront-api', 'order-service', 'kafka']);
    expect(d.links).toHaveLength(3);
  });

  it('adds to a design given with --into and writes it back', async () => {
    // needs the version 3 restore(): it reads the design back with its types and APIs
    const into = join(tmp, 'into.json');
    expect((await run('import', join(C, 'proto', 'shop', 'v1', 'shop.proto'), '-o', into)).code).toBe(0);
    const before = read(into);
    const r = await run('import', join(C, 'openapi', 'inventory.json'), '--into', into, '--attach', 'cart-service');
    expect(r.code).toBe(0);
    const after = read(into);
    expect(after.nodes).toHaveLength(before.nodes.length);
    expect(after.types).toHaveLength(before.types.length + 1);
    expect(after.nodes.find((n) => n.name === 'cart-service')?.api?.rest.map((e) => `${e.method} ${e.path}`)).toEqual([
      'GET /stock/{sku}',
      'PUT /stock/{sku}',
    ]);
  });

  it('fails with the place of a syntax error and writes nothing; refuses wrong options', async () => {
    const broken = join(tmp, 'broken.proto');
    writeFileSync(broken, 'syntax = "proto3";\nmessage A {\n  string a = 1\n}\n');
    const out = join(tmp, 'never.json');
    const r = await run('import', broken, '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toBe("error: broken.proto:4:1: illegal token '}', ';' expected");
    expect(() => readFileSync(out)).toThrow();
    expect((await run('import', broken, '--runtime', 'cobol')).code).toBe(2);
    expect((await run('import', broken, '--attach', 'x')).err).toContain(
      '--attach names a node of the design given with --into',
    );
    expect((await run('import', broken, '--broker', 'mqtt')).code).toBe(2);
  });
});
