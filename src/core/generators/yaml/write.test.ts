import fc from 'fast-check';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileString, wellFormedOnly } from '../../../../test/yamlcheck/hostile';
import { goChecker, readEverywhere, readerDisagreements } from '../../../../test/yamlcheck/readers';
import { toYaml, toYamlDocuments, yamlTextProblems } from '.';

const text = hostileString.map(wellFormedOnly);
const scalar = fc.oneof(
  { weight: 6, arbitrary: text },
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const entries = <T>(v: fc.Arbitrary<T>) => fc.array(fc.tuple(text, v), { maxLength: 4 });
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('object'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 3 }),
  // Object.fromEntries defines keys, so `__proto__` is an ordinary key like any other
  object: entries(tie('node')).map((e) => Object.fromEntries(e) as unknown),
  map: entries(tie('node')).map((e) => new Map(e) as unknown),
})).node;

/** What the writer means: JSON data, with Maps as objects. */
function meant(v: unknown): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, meant(x)]));
  if (Array.isArray(v)) return v.map(meant);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, meant(x)]));
  return Object.is(v, -0) ? 0 : v;
}

describe('toYaml', () => {
  beforeAll(() => void goChecker(), 300_000);

  it('property: Go (yaml.v3, yaml.v2), PyYAML and the yaml package in 1.1 and 1.2 read back every string exactly', () => {
    const samples = fc.sample(fc.oneof(value, fc.dictionary(text, value)), { seed: 1414, numRuns: 1200 });
    const docs = samples.map((v) => ({ doc: { root: v, [hostileKey(v)]: 'x' } }));
    const files = docs.map((d, i) => ({ name: `sample-${i}`, text: toYaml(d.doc) }));
    const readings = readEverywhere(files);
    const wrong = readerDisagreements(readings, (name) => [meant(docs[Number(name.slice(7))]!.doc)]);
    expect(wrong.slice(0, 10)).toEqual([]);
    // the rule that --check applies to files finds nothing in what the writer wrote
    expect(files.flatMap((f) => yamlTextProblems(f.text).map((p) => `${f.name}: ${p}`)).slice(0, 10)).toEqual([]);
  });

  it('quotes every typed form in any case and sign, and escapes line separators and non-printables', () => {
    const doc = {
      a: '0o644',
      b: '0O17',
      c: '+0o1',
      d: '0B1',
      e: '0X1F',
      f: 'on',
      g: 'y',
      h: '1:30',
      i: '.inf',
      j: '~',
      k: '2001-1-2',
      l: 'x\u2028y\u2029z\u0085w',
      m: '\ufeffbom',
      o: '1_000',
      '<<': 'merge?',
    };
    expect(toYaml(doc)).toBe(
      [
        'a: "0o644"',
        'b: "0O17"',
        'c: "+0o1"',
        'd: "0B1"',
        'e: "0X1F"',
        'f: "on"',
        'g: "y"',
        'h: "1:30"',
        'i: ".inf"',
        'j: "~"',
        'k: "2001-1-2"',
        'l: "x\\u2028y\\u2029z\\x85w"',
        'm: "\\uFEFFbom"',
        'o: "1_000"',
        '"<<": merge?',
        '',
      ].join('\n'),
    );
  });

  it('never writes an unpaired surrogate: it becomes U+FFFD', () => {
    const out = toYaml({ a: 'x\ud800y', b: '\udc00' });
    expect(out).toBe('a: "x\ufffdy"\nb: "\ufffd"\n');
    expect(parse(out)).toEqual({ a: 'x\ufffdy', b: '\ufffd' });
  });

  it('writes nested maps, Maps and sequences in block style, and a key named __proto__ as any other', () => {
    const proto = JSON.parse('{"__proto__": "kept", "constructor": "too"}') as unknown;
    const doc = { a: [{ b: 1, c: [] }, ['x', { d: {} }]], e: { f: 'yes' }, m: new Map([['k', 'v']]), p: proto };
    expect(toYaml(doc)).toBe(
      'a:\n  - b: 1\n    c: []\n  - - x\n    - d: {}\ne:\n  f: "yes"\nm:\n  k: v\np:\n  __proto__: kept\n  constructor: too\n',
    );
  });

  it('writes multi-line text as a literal block only when every line reads back exactly', () => {
    expect(toYaml({ s: 'line one\n  indented\n\nlast\n' })).toBe('s: |\n  line one\n    indented\n\n  last\n');
    expect(toYaml({ s: 'a\nb' })).toBe('s: |-\n  a\n  b\n');
    expect(toYaml({ s: 'trailing \nspace' })).toBe('s: "trailing \\nspace"\n');
    expect(toYaml({ s: '  lead\nx' })).toBe('s: "  lead\\nx"\n');
    expect(toYaml({ s: 'two\n\n' })).toBe('s: "two\\n\\n"\n');
    expect(toYaml({ s: 'tab\there\nx' })).toBe('s: "tab\\there\\nx"\n');
  });

  it('writes a key longer than libyaml allows as an explicit key', () => {
    const key = 'k'.repeat(1200);
    const out = toYaml({ [key]: { a: 1 }, b: 2 });
    expect(out).toBe(`? ${key}\n:\n  a: 1\nb: 2\n`);
    expect(parse(out)).toEqual({ [key]: { a: 1 }, b: 2 });
  });

  it('joins documents and refuses what is not plain data', () => {
    expect(toYamlDocuments([{ a: 1 }, ['b']])).toBe('a: 1\n---\n- b\n');
    expect(() => toYaml({ when: new Date(0) })).toThrow(/Date/);
  });
});

/** A key that is itself hostile, derived from the sample so that the file stays deterministic. */
function hostileKey(v: unknown): string {
  const s = JSON.stringify(v) ?? '';
  return ['0o17', 'on', '~', '<<', '1:2', 'x\u2028y', ''][s.length % 7]!;
}

describe('yamlTextProblems', () => {
  it('finds what some reader reads differently, and nothing in what the writer writes', () => {
    const bad = [
      'a: 0o17',
      'b: on',
      'c: x\u2028y',
      'd: "a\u0085b"',
      'e: 1e+21',
      'f: 1.50',
      '0x1F: key',
      'g: >',
      '  folded',
      'h: *alias',
      'i: [a, b]',
      'j: "bad \\q escape"',
      'k: plain',
      '  continued',
      'l: |-',
      '  trailing ',
      '  space',
    ].join('\n');
    const problems = yamlTextProblems(bad, 100);
    for (const line of [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 14, 15])
      expect(
        problems.some((p) => p.startsWith(`line ${line}:`)),
        `line ${line} in ${problems.join('\n')}`,
      ).toBe(true);
    expect(problems.some((p) => p.startsWith('line 13:'))).toBe(false);
    const good = toYaml({
      a: ['0o17', 'x\u2028y', 1.5, 1e21, -3, true, null, [], {}, [['nested', { k: 'v' }]]],
      'b: c': { '': 'it\'s "q"', s: 'line one\n  two\n', t: 'x\ny' },
      ['k'.repeat(1100)]: 'long',
    });
    expect(yamlTextProblems(`# a comment\n${good}---\n${good}`)).toEqual([]);
  });
});
