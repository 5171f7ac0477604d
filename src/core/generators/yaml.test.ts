import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastYaml } from './yaml';

const slow = (v: unknown, version: '1.1' | '1.2') =>
  stringify(v, { version, lineWidth: 0, aliasDuplicateObjects: false });

// Strings that YAML treats specially: types of 1.1 and 1.2, indicators, quotes, control characters.
const tricky = fc.constantFrom(
  '',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'null',
  '~',
  'true',
  '0x1F',
  '0o17',
  '017',
  '1_000',
  '22:22',
  '1.5',
  '.inf',
  '.NaN',
  '-1e3',
  '2001-12-14',
  '<<',
  '=',
  '- a',
  '-',
  '?',
  '? a',
  'a: b',
  'a:b',
  'a #b',
  '#a',
  'a#b',
  ' lead',
  'trail ',
  'end:',
  "it's",
  'say "hi"',
  `'"`,
  '*x',
  '&y',
  '!t',
  '%p',
  '@u',
  '`c',
  '[a]',
  '{b}',
  'a,b',
  'a\tb',
  'a\u0001b',
  'é',
  '---',
  '...',
  'a\nb',
  'http://orders:8000/x',
  '/orders/{id}',
  'application/json',
  '8080:80',
);
const scalar = fc.oneof(
  tricky,
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const key = fc.oneof(tricky, fc.string({ maxLength: 8 }));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
})).node;

describe('fastYaml', () => {
  it('property: writes exactly what the yaml package writes, in YAML 1.1 and 1.2', () => {
    fc.assert(
      fc.property(value, fc.constantFrom('1.1' as const, '1.2' as const), (v, version) => {
        expect(fastYaml(v, version)).toBe(slow(v, version));
      }),
      { numRuns: 1500 },
    );
  });

  it('writes nested maps and sequences in block style', () => {
    const doc = { a: [{ b: 1, c: [] }, ['x', { d: {} }]], e: { f: 'yes' } };
    expect(fastYaml(doc, '1.1')).toBe('a:\n  - b: 1\n    c: []\n  - - x\n    - d: {}\ne:\n  f: "yes"\n');
    expect(fastYaml(doc, '1.2')).toBe('a:\n  - b: 1\n    c: []\n  - - x\n    - d: {}\ne:\n  f: yes\n');
  });
});
