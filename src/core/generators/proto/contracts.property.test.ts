import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractFields, serviceEndpoints, serviceRpcs, type ContractField } from '../../model/contracts';
import { wireServices } from '../../model/wiring';
import { DesignBuilder, HOSTILE_FIELDS, designArb } from './designs.testkit';

/**
 * The normalised contract is what the proto, OpenAPI and AsyncAPI documents and every stub are
 * written from, so each name form it hands out must be unique where the targets need it.
 */

const unique = (xs: readonly string[]) => expect(new Set(xs).size).toBe(xs.length);

function expectUniqueFields(fields: readonly ContractField[]): void {
  unique(fields.map((f) => f.name));
  unique(fields.map((f) => f.camel));
  unique(fields.map((f) => f.pascal));
  for (const f of fields) expect(f.name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  expect(fields.map((f) => f.number)).toEqual(fields.map((_, i) => i + 1));
}

describe('normalised contract names', () => {
  it('turns reserved and plumbing field names into word_value and numbers every repeat', () => {
    const names = contractFields(HOSTILE_FIELDS).map((f) => f.name);
    expect(names.slice(0, 8)).toEqual([
      'package_value',
      'syntax_value',
      'message_value',
      'option_value',
      'from_value',
      'path_value',
      'service_value',
      'type_value',
    ]);
    expect(names).toContain('id_2');
    expectUniqueFields(contractFields(HOSTILE_FIELDS));
  });

  it('treats /a/{id} and /a/{key} as one route and numbers a repeated parameter', () => {
    const b = new DesignBuilder('p');
    const a = b.add('python-fastapi', 'a');
    const t = b.add('go-nethttp', 't');
    const ep = (method: 'GET' | 'DELETE', path: string) => ({ method, path, request: [], response: [] });
    b.link(a, t, 'rest', {
      endpoints: [ep('GET', '/a/{id}'), ep('GET', '/a/{key}'), ep('DELETE', '/a/{key}'), ep('GET', '/b/{id}/c/{id}')],
    });
    const w = wireServices(b.design).find((x) => x.node.name === 't');
    if (!w) throw new Error('no service t');
    expect(serviceEndpoints(w).map((e) => `${e.method} ${e.path} ${e.params.join(',')}`)).toEqual([
      'GET /a/{id} id',
      'DELETE /a/{id} id',
      'GET /b/{id}/c/{id_2} id,id_2',
    ]);
  });

  it('property: operation, RPC and field names are unique in every form', () => {
    fc.assert(
      fc.property(designArb(30), (design) => {
        for (const w of wireServices(design)) {
          const eps = serviceEndpoints(w);
          unique(eps.map((e) => e.operationId));
          unique(eps.map((e) => e.snake));
          unique(eps.map((e) => e.pascal));
          unique(eps.map((e) => e.path.replace(/\{[^}]*\}/g, '{}') + ' ' + e.method));
          for (const e of eps) {
            unique(e.params);
            expectUniqueFields(e.request);
            expectUniqueFields(e.response);
          }
          const rpcs = serviceRpcs(w);
          unique(rpcs.map((r) => r.name));
          unique(rpcs.map((r) => r.snake));
          unique(rpcs.map((r) => r.camel));
          expect(rpcs.map((r) => r.name)).not.toContain('Ping');
          for (const r of rpcs) {
            expectUniqueFields(r.request);
            expectUniqueFields(r.response);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
