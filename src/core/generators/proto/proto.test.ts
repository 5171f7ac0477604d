import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serviceRpcs } from '../../model/contracts';
import { protoPackage, protoServiceName } from '../../model/naming';
import type { Design } from '../../model/types';
import { wireServices } from '../../model/wiring';
import { bufCheck } from './buf.testkit';
import { DesignBuilder, designArb, hostileDesign, seedDesign } from './designs.testkit';
import { fixtureNames, loadFixture } from '../../../../test/fixtures/load';
import { generateProto } from './index';

/**
 * Asserts that the proto module of a design passes `buf lint` (STANDARD) with no output, compiles
 * with `buf build`, and that the compiled image has every gRPC-serving service with `Ping` and
 * every RPC of the normalised contract, each taking `<Rpc>Request` and returning `<Rpc>Response`.
 */
function expectValidProto(design: Design): void {
  const files = generateProto(design);
  const serving = wireServices(design).filter((w) => w.servesGrpc);
  if (serving.length === 0) {
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
  expect(image?.file).toHaveLength(serving.length);
  for (const w of serving) {
    const pkg = protoPackage(design.name, w.node.name);
    const file = image?.file.find((x) => x.package === pkg);
    expect(file, pkg).toBeDefined();
    expect(file?.name).toBe(`${pkg.split('.').join('/')}/${pkg.split('.')[1]}.proto`);
    const service = file?.service?.find((s) => s.name === protoServiceName(w.node.name));
    expect(service, protoServiceName(w.node.name)).toBeDefined();
    const expected = ['Ping', ...serviceRpcs(w).map((r) => r.name)];
    expect(service?.method?.map((m) => m.name)).toEqual(expected);
    for (const m of service?.method ?? []) {
      expect(m.inputType).toBe(`.${pkg}.${m.name}Request`);
      expect(m.outputType).toBe(`.${pkg}.${m.name}Response`);
    }
  }
}

describe('generateProto', () => {
  it('exports buf.yaml, buf.gen.yaml and one .proto per gRPC-serving service of the seed design', () => {
    const paths = generateProto(seedDesign()).map((f) => f.path);
    expect(paths).toEqual([
      'proto/buf.yaml',
      'proto/buf.gen.yaml',
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
      lint: { use: ['STANDARD'] },
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
