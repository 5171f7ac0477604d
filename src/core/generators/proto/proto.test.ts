import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serviceRpcs, type ResolvedType } from '../../model/contracts';
import { emptyDesign, type Design } from '../../model/types';
import { addRpc } from '../../ops/api';
import { wireServices } from '../../model/wiring';
import { bufCheck } from './buf.testkit';
import { DesignBuilder, designArb, hostileDesign, seedDesign } from './designs.testkit';
import { fixtureNames, loadFixture } from '../../../../test/fixtures/load';
import { PING_PROTO_PATH, PING_SERVICE, generateProto, protoForService } from './index';
import { exportedServices } from './layout';

/**
 * Asserts that the proto module of a design passes `buf lint` (STANDARD) with no output, compiles
 * with `buf build`, and that the compiled image has every gRPC service the design exports, with
 * every RPC of the contract layer and its request and response types, and the ping contract.
 */
function expectValidProto(design: Design): void {
  const files = generateProto(design);
  const services = exportedServices(design);
  if (services.length === 0 && !design.types.some((t) => t.file !== undefined)) {
    expect(files).toEqual([]);
    return;
  }
  const result = bufCheck(files);
  expect(result.lint.output).toBe('');
  expect(result.lint.status).toBe(0);
  expect(result.build.output).toBe('');
  expect(result.build.status).toBe(0);
  const image = result.image;
  expect(image).toBeDefined();
  const ping = image?.file.find((f) => f.name === PING_PROTO_PATH);
  expect(ping?.service?.map((x) => `${ping.package}.${x.name}`)).toEqual([PING_SERVICE]);
  const typeName = (t: ResolvedType) => `.${t.kind === 'message' || t.kind === 'enum' ? t.type.names.full : t.ref}`;
  for (const svc of services) {
    const file = image?.file.find((x) => x.name === svc.file);
    expect(file?.package, svc.file).toBe(svc.package);
    const found = file?.service?.find((x) => x.name === svc.name);
    expect(found, svc.fullName).toBeDefined();
    const methods = (found?.method ?? []).filter(
      (m) => !(m.name === 'Ping' && m.inputType === `.${svc.package}.PingRequest`),
    );
    expect(methods.map((m) => m.name)).toEqual(svc.rpcs.map((r) => r.name));
    svc.rpcs.forEach((r, i) => {
      expect(methods[i]?.inputType).toBe(typeName(r.request));
      expect(methods[i]?.outputType).toBe(typeName(r.response));
    });
  }
}

describe('generateProto', () => {
  it('exports buf.yaml, buf.gen.yaml and one .proto per gRPC-serving service of the seed design', () => {
    const paths = generateProto(seedDesign()).map((f) => f.path);
    expect(paths).toEqual([
      'proto/buf.yaml',
      'proto/buf.gen.yaml',
      'proto/polyglot/ping/v1/ping.proto',
      'proto/polyglotshop/inventory/v1/inventory.proto',
      'proto/polyglotshop/pricing/v1/pricing.proto',
    ]);
  });

  it('passes buf lint (STANDARD) and buf build for the seed design', () => {
    expectValidProto(seedDesign());
  });

  it('passes buf lint and buf build for hostile service, RPC and field names', () => {
    const design = hostileDesign();
    expect(wireServices(design).filter((w) => w.servesGrpc).length).toBeGreaterThan(10);
    expectValidProto(design);
  });

  it('keeps Ping apart from a declared "ping" and shadowing names apart from messages', () => {
    const design = hostileDesign();
    const w = wireServices(design).find((x) => x.node.name === 'hostile');
    if (!w) throw new Error('no hostile service');
    const names = serviceRpcs(w).map((r) => r.name);
    expect(names).toContain('PingCall');
    expect(names).toContain('PingRequest');
    expect(names).not.toContain('Ping');
    const proto = generateProto(design).find((f) => f.path.endsWith('/hostile.proto'))?.content ?? '';
    expect(proto).toMatch(/^ {2}rpc PingRequest\(\.[a-z0-9.]+\.PingRequestRequest\)/m);
    expect(proto.match(/^message PingRequest \{/gm)).toHaveLength(1);
    expect(proto).toMatch(/^ {2}string package_value = 1;$/m);
  });

  it('writes no proto folder when no service serves gRPC', () => {
    const b = new DesignBuilder('rest-only');
    const a = b.add('python-fastapi', 'a');
    const c = b.add('go-nethttp', 'c');
    b.link(a, c, 'rest');
    expect(generateProto(b.design)).toEqual([]);
    b.link(a, c, 'grpc');
    expect(generateProto(b.design).map((f) => f.path)).toContain('proto/restonly/c/v1/c.proto');
  });

  it('configures buf v2 with STANDARD lint, FILE breaking and remote plugins for the stub languages', () => {
    const files = generateProto(seedDesign());
    const buf: unknown = parse(files.find((f) => f.path === 'proto/buf.yaml')?.content ?? '');
    expect(buf).toEqual({
      version: 'v2',
      modules: [{ path: '.' }],
      lint: {
        use: ['STANDARD'],
        rpc_allow_google_protobuf_empty_requests: true,
        rpc_allow_google_protobuf_empty_responses: true,
      },
      breaking: { use: ['FILE'] },
    });
    const gen = parse(files.find((f) => f.path === 'proto/buf.gen.yaml')?.content ?? '') as {
      version: string;
      plugins: { remote: string; out: string }[];
    };
    expect(gen.version).toBe('v2');
    expect(gen.plugins.map((p) => p.remote)).toEqual(
      expect.arrayContaining([
        'buf.build/protocolbuffers/go',
        'buf.build/grpc/go',
        'buf.build/protocolbuffers/python',
        'buf.build/grpc/python',
        'buf.build/protocolbuffers/java',
        'buf.build/grpc/java',
      ]),
    );
    for (const p of gen.plugins) expect(p.out).toMatch(/^gen\/[a-z]+$/);
  });

  it('the buf set-up reports a lint error and a compile error', () => {
    const files = generateProto(seedDesign());
    const bad = files.map((f) =>
      f.path.endsWith('inventory.proto') ? { ...f, content: f.content.replace('tree_json', 'treeJson') } : f,
    );
    const lint = bufCheck(bad).lint;
    expect(lint.status).not.toBe(0);
    expect(lint.output).toMatch(/FIELD_LOWER_SNAKE_CASE|lower_snake_case/);
    const broken = files.map((f) =>
      f.path.endsWith('inventory.proto')
        ? { ...f, content: f.content.replace('returns (PingResponse)', 'returns (Nope)') }
        : f,
    );
    expect(bufCheck(broken).build.status).not.toBe(0);
  });

  it.each(fixtureNames())('passes buf lint and buf build for the fixture %s', (name) => {
    expectValidProto(loadFixture(name));
  });

  it('writes what a rich contract has: imports, nested types, maps, oneofs, optional, streaming', () => {
    const files = generateProto(loadFixture('rich-contracts'));
    const catalog = files.find((f) => f.path === 'proto/shop/catalog/v1/catalog.proto')?.content ?? '';
    expect(catalog).toContain('import "richcontracts/v1/types.proto";');
    expect(catalog).toContain('service ProductCatalogService {');
    expect(catalog).toContain('rpc WatchPrices(WatchPricesRequest) returns (stream WatchPricesResponse);');
    expect(catalog).toContain('  repeated richcontracts.v1.LineItem items = 1;');
    const types = files.find((f) => f.path === 'proto/richcontracts/v1/types.proto')?.content ?? '';
    expect(types).toContain('  map<string, string> attributes = 6;');
    expect(types).toContain('  optional int32 stock = 7;');
    expect(types).toMatch(/ {2}message Variant \{\n(.*\n)* {4}message Option \{/);
    expect(types).toContain('  CATEGORY_UNSPECIFIED = 0;');
  });

  it('keeps numbers, reserved ranges and names, json names, oneofs, aliases and deprecation as declared', () => {
    const d: Design = {
      ...emptyDesign('wire'),
      nodes: [],
      types: [
        {
          id: 'm',
          kind: 'message',
          name: 'Order',
          package: 'shop.v1',
          file: 'shop/v1/orders.proto',
          reserved: {
            ranges: [
              [2, 3],
              [10, 536_870_911],
            ],
            names: ['old'],
          },
          fields: [
            { number: 1, name: 'id', type: 'string', jsonName: 'orderId' },
            { number: 5, name: 'by_card', type: 'string', oneof: 'payment' },
            { number: 6, name: 'by_cash', type: 'bool', oneof: 'payment', deprecated: true },
            { number: 7, name: 'status', type: 'e' },
          ],
        },
        {
          id: 'e',
          kind: 'enum',
          name: 'Status',
          package: 'shop.v1',
          file: 'shop/v1/order.proto',
          allowAlias: true,
          values: [
            { name: 'STATUS_UNSPECIFIED', number: 0 },
            { name: 'STATUS_OPEN', number: 1 },
            { name: 'STATUS_STARTED', number: 1 },
          ],
        },
      ],
    };
    const files = generateProto(d);
    // imported types keep their files, even with no service (and so no ping contract)
    expect(files.map((f) => f.path)).toEqual([
      'proto/buf.yaml',
      'proto/buf.gen.yaml',
      'proto/shop/v1/order.proto',
      'proto/shop/v1/orders.proto',
    ]);
    const order = files.find((f) => f.path === 'proto/shop/v1/orders.proto')?.content ?? '';
    expect(order).toContain('import "shop/v1/order.proto";');
    expect(order).toContain('  reserved 2 to 3, 10 to max;\n  reserved "old";');
    expect(order).toContain('  string id = 1 [json_name = "orderId"];');
    expect(order).toContain(
      '  oneof payment {\n    string by_card = 5;\n    bool by_cash = 6 [deprecated = true];\n  }',
    );
    expect(order).toContain('  Status status = 7;');
    expect(files.find((f) => f.path === 'proto/shop/v1/order.proto')?.content).toContain(
      '  option allow_alias = true;',
    );
    const r = bufCheck(files);
    expect(r.build.output).toBe('');
    const image = r.image?.file.find((f) => f.name === 'shop/v1/orders.proto');
    expect(image?.messageType?.[0]?.field?.map((f) => f.number)).toEqual([1, 5, 6, 7]);
  });

  it("writes a migrated service as version 2 did: the stubs' own copy is the same file", () => {
    for (const name of ['polyglot-shop', 'hostile-names']) {
      const design = loadFixture(name);
      const files = generateProto(design);
      for (const w of wireServices(design).filter((x) => x.servesGrpc)) {
        const own = protoForService(design, w);
        expect(files.find((f) => f.path === `proto/${own.path}`)?.content, own.path).toBe(own.content);
      }
    }
  });

  it('stays STANDARD-clean when several RPCs take and answer google.protobuf.Empty', () => {
    const b = new DesignBuilder('clock');
    const a = b.add('python-fastapi', 'a');
    const c = b.add('go-nethttp', 'clock');
    b.link(a, c, 'grpc');
    let d = b.design;
    for (const name of ['Now', 'Reset']) {
      const r = addRpc(d, c, { name, request: 'google.protobuf.Empty', response: 'google.protobuf.Empty' });
      if (!r.ok) throw new Error(r.reason);
      d = r.design;
    }
    expectValidProto(d);
    expect(generateProto(d).find((f) => f.path.endsWith('clock.proto'))?.content).toContain(
      'import "google/protobuf/empty.proto";',
    );
  });

  it('is deterministic', () => {
    expect(generateProto(hostileDesign())).toEqual(generateProto(hostileDesign()));
  });

  it('property: random designs pass buf lint and buf build', () => {
    fc.assert(
      fc.property(designArb(60), (design) => {
        expectValidProto(design);
      }),
      { numRuns: 15 },
    );
  }, 300_000);
});
