import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScalar, isWellKnown } from '../../model/typeRefs';
import { importContracts, type ContractImportResult } from '.';

/** Every reference of the result's design names a scalar, a well-known type or a design type. */
function refsKnown(r: ContractImportResult): boolean {
  // an error is a message about the input, never the importer tripping over it
  if (!r.ok) return r.error.length > 0 && !r.error.includes('unexpected problem');
  const ids = new Set(r.design.types.map((t) => t.id));
  const known = (ref: string) => isScalar(ref) || isWellKnown(ref) || ids.has(ref);
  const refs = [
    ...r.design.types.flatMap((t) => (t.kind === 'message' ? t.fields.map((f) => f.type) : [])),
    ...r.design.nodes.flatMap((n) => n.api?.grpc.flatMap((g) => g.rpcs.flatMap((x) => [x.request, x.response])) ?? []),
    ...r.design.nodes.flatMap(
      (n) =>
        n.api?.rest.flatMap((e) => [
          ...e.params.map((p) => p.type),
          ...(e.body ? [e.body.type] : []),
          ...e.responses.flatMap((x) => (x.body ? [x.body.type] : [])),
        ]) ?? [],
    ),
    ...r.design.nodes.flatMap((n) => n.channels?.map((c) => c.message) ?? []),
  ];
  return refs.every(known);
}

const word = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
const protoish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'syntax = "proto3";',
        'package a.v1;',
        'import "b.proto";',
        '}',
        '{',
        ';',
        'repeated',
        'map<string, int32>',
        'oneof',
        'option (x) = 1;',
        'stream',
      ),
      word.map((w) => `message ${w} {`),
      word.map((w) => `service ${w} { rpc ${w}(${w}) returns (${w}); }`),
      fc.tuple(word, word, fc.integer({ min: -3, max: 600_000_000 })).map(([t, n, i]) => `${t} ${n} = ${i};`),
      fc.string(),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join('\n'));
/** A well-formed file now and then, so that the property also meets imports that succeed. */
const wellFormed = word.map(
  (w) =>
    `syntax = "proto3";\npackage p${w.toLowerCase()}.v1;\nmessage M_${w} { string n = 1; }\nservice S_${w} { rpc Get(M_${w}) returns (M_${w}); }`,
);
const protoFile = fc.oneof(protoish, wellFormed);

describe('importContracts never throws and never leaves a dangling reference', () => {
  it('on text that is almost a .proto file', async () => {
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(protoFile, protoFile, async (a, b) => {
        const r = await importContracts({ files: { 'a.proto': a, 'b.proto': b } });
        if (r.ok) imported++;
        expect(refsKnown(r)).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect(imported).toBeGreaterThan(0);
  }, 60_000); // 150 imports: seconds on a loaded 2-core machine, over the default 5 s

  it('on OpenAPI documents with random paths and schemas', async () => {
    let imported = 0;
    const errors: string[] = [];
    const schema = fc.letrec((tie) => ({
      schema: fc.oneof(
        { depthSize: 'small' },
        fc.record(
          {
            type: fc.constantFrom('string', 'integer', 'number', 'boolean', 'object', 'array', 'null'),
            format: fc.option(fc.constantFrom('int64', 'date-time', 'byte', 'uuid', 'constructor'), { nil: undefined }),
          },
          { requiredKeys: ['type'] },
        ),
        fc.record({
          type: fc.constant('object'),
          properties: fc.dictionary(word, tie('schema'), { maxKeys: 4 }),
          required: fc.array(word, { maxLength: 3 }),
        }),
        fc.record({ type: fc.constant('array'), items: tie('schema') }),
        fc.record({ oneOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ allOf: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ enum: fc.array(fc.oneof(word, fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 4 }) }),
        fc.record({
          $ref: fc.constantFrom('#/components/schemas/A', '#/components/schemas/B', '#/components/schemas/Nope'),
        }),
        fc.dictionary(word, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
      ),
    })).schema;
    const doc = fc.record({
      schemas: fc.record({ A: schema, B: schema }),
      path: fc.string({ maxLength: 12 }).map((p) => `/${p}`),
      method: fc.constantFrom('get', 'post', 'put', 'patch', 'delete', 'head'),
      body: schema,
      response: schema,
    });
    await fc.assert(
      fc.asyncProperty(doc, async (d) => {
        const text = JSON.stringify({
          openapi: '3.1.0',
          info: { title: 'Random', version: '1' },
          paths: {
            [d.path]: {
              [d.method]: {
                requestBody: { content: { 'application/json': { schema: d.body } } },
                responses: { '200': { description: 'ok', content: { 'application/json': { schema: d.response } } } },
              },
            },
          },
          components: { schemas: d.schemas },
        });
        const r = await importContracts({ files: { 'api.json': text } });
        if (r.ok) imported++;
        else errors.push(r.error.split('\n')[1] ?? r.error);
        expect(refsKnown(r)).toBe(true);
      }),
      // seeded, so that a run is the same on every machine (each document refs Nope with some chance)
      { numRuns: 60, seed: 20261205 },
    );
    // many random documents are valid OpenAPI, so the mapping itself is what is exercised
    expect(imported, errors.join('\n')).toBeGreaterThan(15);
  }, 60_000);
});
