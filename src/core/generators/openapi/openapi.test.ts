import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { designContracts, type ResolvedType } from '../../model/contracts';
import { dnsLabel } from '../../model/naming';
import type { Design } from '../../model/types';
import { wireServices } from '../../model/wiring';
import { DesignBuilder, designArb, hostileDesign, seedDesign } from '../proto/designs.testkit';
import { fixtureNames, loadFixture } from '../../../../test/fixtures/load';
import { generateOpenApi } from './index';
import { lintOpenApi, type OpenApiProblem } from './redocly.testkit';

/**
 * Warnings of Redocly's `recommended` ruleset that the documents keep on purpose:
 * - no-ambiguous-paths: `/a/{x}/b` next to `/a/b/{y}` is the user's design, kept as declared.
 */
const ACCEPTED_WARNINGS = new Set(['no-ambiguous-paths']);

type Doc = {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, Op>>;
  components: { schemas: Record<string, Schema> };
};
type Op = {
  operationId: string;
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
};
type Schema = {
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  items?: Schema;
};

const schemaOf = (doc: Doc, ref: string | undefined): Schema | undefined =>
  doc.components.schemas[(ref ?? '').replace('#/components/schemas/', '')];

const describeProblems = (ps: readonly OpenApiProblem[]) =>
  ps.map((p) => `${p.severity} ${p.ruleId} ${p.pointer}: ${p.message}`);

/** Lints every document of a design and checks that each declared endpoint is in it, as declared. */
async function expectValidOpenApi(design: Design): Promise<Doc[]> {
  const files = generateOpenApi(design);
  const wirings = wireServices(design);
  expect(files.map((f) => f.path)).toEqual(wirings.map((w) => `openapi/${dnsLabel(w.node.name)}.yaml`));
  const docs: Doc[] = [];
  for (const [i, file] of files.entries()) {
    const w = wirings[i];
    if (!w) throw new Error('no wiring');
    const spec = await lintOpenApi(file.content, 'spec', file.path);
    expect(describeProblems(spec), file.path).toEqual([]);
    const recommended = await lintOpenApi(file.content, 'recommended', file.path);
    expect(
      describeProblems(recommended.filter((p) => p.severity === 'error' || !ACCEPTED_WARNINGS.has(p.ruleId))),
    ).toEqual([]);
    const doc = parse(file.content) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/healthz']?.get?.operationId).toBe('healthz');
    expect(doc.paths['/readyz']?.get?.operationId).toBe('readyz');
    expect(doc.paths['/ping']?.get?.operationId).toBe('ping');
    const ops = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    const endpoints = designContracts(design).endpoints(w.node.id);
    expect(ops).toHaveLength(endpoints.length + 3);
    // every operation has its error answers, RFC 9457 problem details unless declared otherwise
    for (const op of ops) expect(Object.keys(op.responses).some((s) => /^4/.test(s))).toBe(true);
    const fieldsOf = (ref: string | undefined) => Object.keys(schemaOf(doc, ref)?.properties ?? {});
    const keysOf = (t: ResolvedType | undefined) => (t?.kind === 'message' ? t.type.fields.map((f) => f.jsonKey) : []);
    for (const e of endpoints) {
      const op = doc.paths[e.path]?.[e.method.toLowerCase()];
      expect(op?.operationId, `${e.method} ${e.path}`).toBe(e.operationId);
      expect(op?.parameters?.map((p) => `${p.in} ${p.name} ${p.required}`) ?? []).toEqual(
        e.params.map((p) => `${p.in} ${p.name} ${p.required}`),
      );
      for (const r of e.responses) {
        const answer = op?.responses[r.status];
        if (r.body && !r.body.repeated && r.body.type.kind === 'message')
          expect(fieldsOf(answer?.content?.['application/json']?.schema.$ref)).toEqual(keysOf(r.body.type));
        if (r.problem)
          expect(answer?.content?.['application/problem+json']?.schema.$ref).toBe('#/components/schemas/Problem');
      }
      expect(op?.requestBody !== undefined).toBe(e.body !== undefined);
      if (e.body && !e.body.repeated && e.body.type.kind === 'message')
        expect(fieldsOf(op?.requestBody?.content['application/json']?.schema.$ref)).toEqual(keysOf(e.body.type));
    }
    docs.push(doc);
  }
  return docs;
}

describe('generateOpenApi', () => {
  it('writes a valid OpenAPI 3.1 document for every service of the seed design', async () => {
    const docs = await expectValidOpenApi(seedDesign());
    expect(docs).toHaveLength(6);
    const orders = docs.find((d) => d.info.title === 'orders');
    expect(orders?.info).toEqual({
      title: 'orders',
      version: '0.1.0',
      description: 'Takes orders: validates them and emits order events.',
      contact: { name: 'The team of orders', email: 'orders@example.com' },
      license: { name: 'Proprietary (replace with your licence)', identifier: 'LicenseRef-Proprietary' },
    });
    expect(orders?.servers.map((s) => s.url)).toEqual(['http://{host}:8000', 'http://orders:8000']);
    expect(Object.keys(orders?.paths ?? {})).toEqual(['/healthz', '/readyz', '/ping', '/orders/{id}', '/orders']);
  });

  it('writes valid documents for hostile names, paths and fields, keeping names as plain strings', async () => {
    const design = hostileDesign();
    const docs = await expectValidOpenApi(design);
    expect(docs.map((d) => d.info.title)).toEqual(
      wireServices(design).map((w) => w.node.name.trim() || dnsLabel(w.node.name)),
    );
    const hostile = docs.find((d) => d.info.title === 'hostile');
    expect(hostile?.info.description).toBe('line one\nline two: {not: yaml} # nor a comment\n- "quoted"');
    expect(Object.keys(hostile?.paths ?? {})).toContain('/items/{id}/parts/{id_2}');
    expect(Object.keys(hostile?.paths ?? {})).not.toContain('/items/{key}');
  });

  it('describes /healthz, the recursive ping tree and the field types', async () => {
    const b = new DesignBuilder('types');
    const a = b.add('python-fastapi', 'a');
    const t = b.add('go-nethttp', 't');
    const fields = [
      { name: 's', type: 'string' as const },
      { name: 'i', type: 'int' as const },
      { name: 'f', type: 'float' as const },
      { name: 'b', type: 'bool' as const },
    ];
    b.link(a, t, 'rest', { endpoints: [{ method: 'PUT', path: '/things/{id}', request: fields, response: fields }] });
    const [doc] = (await expectValidOpenApi(b.design)).slice(1);
    const s = doc?.components.schemas ?? {};
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining([
        'Health',
        'PingTree',
        'PingCall',
        'ReceivedMessage',
        'PutThingsByIdRequest',
        'PutThingsByIdResponse',
      ]),
    );
    expect(s.PingTree?.properties?.calls?.items?.$ref).toBe('#/components/schemas/PingCall');
    expect(s.PingCall?.properties?.tree?.$ref).toBe('#/components/schemas/PingTree');
    expect(s.Health?.required).toEqual(['status']);
    const props = s.PutThingsByIdRequest?.properties ?? {};
    expect(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, [v.type, v.format]]))).toEqual({
      s: ['string', undefined],
      i: ['integer', 'int64'],
      f: ['number', 'double'],
      b: ['boolean', undefined],
    });
    const ping = doc?.paths['/ping']?.get;
    expect(ping?.parameters).toEqual([expect.objectContaining({ name: 'path', in: 'query', required: false })]);
  });

  it('the linter set-up reports an invalid document', async () => {
    const [file] = generateOpenApi(seedDesign());
    const broken = (file?.content ?? '')
      .replace('operationId: ping', 'operationId: healthz')
      .replace('version: 0.1.0', 'versio: 0');
    const problems = await lintOpenApi(broken, 'spec');
    expect(problems.map((p) => p.ruleId)).toEqual(expect.arrayContaining(['operation-operationId-unique', 'struct']));
  });

  it.each(fixtureNames())('writes valid documents for the fixture %s', async (name) => {
    await expectValidOpenApi(loadFixture(name));
  });

  it('is deterministic', () => {
    expect(generateOpenApi(hostileDesign())).toEqual(generateOpenApi(hostileDesign()));
  });

  it('property: random designs give documents without errors, with every declared endpoint', async () => {
    await fc.assert(
      fc.asyncProperty(designArb(60), async (design) => {
        await expectValidOpenApi(design);
      }),
      { numRuns: 20 },
    );
  }, 300_000);
});
