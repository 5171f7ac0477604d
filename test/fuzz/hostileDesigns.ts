/**
 * A seeded fuzz of the whole export: small designs in which every text a user can type is
 * hostile (shell and path injection, prototype names, markup, YAML's typed forms, line and
 * paragraph separators, control characters, unpaired surrogates, very long text) and many values
 * are of the wrong type, loaded through `restore` as any file is, then exported. Each run checks
 * that nothing throws, that every path is safe, and on a sample that every YAML file keeps the
 * every-reader rule and reads the same in Go's yaml.v3 and yaml.v2 as in the `yaml` package.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { HTTP_METHODS, LINK_KINDS, NODE_KINDS } from '../../src/core/catalog/catalog';

/** The field types of version 2, whose documents these are (restore migrates them). */
const V2_FIELD_TYPES = ['string', 'int', 'float', 'bool'] as const;
import { exportProblems, hasExportErrors } from '../../src/core/generators/problems';
import { generateProject, pathProblem } from '../../src/core/generators/project';
import { yamlTextProblems } from '../../src/core/generators/yaml';
import { restore } from '../../src/core/model/restore';
import { hostileString } from '../yamlcheck/hostile';
import { goChecker, readWithGo, readerDisagreements, type YamlFile } from '../yamlcheck/readers';
import { parseAllDocuments } from 'yaml';

const WORDS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '../../etc/passwd',
  '"; rm -rf /',
  '$(reboot)',
  '`id`',
  '<script>alert(1)</script>',
  '```\n<img src=x onerror=alert(1)>',
  'x\u2028y\u2029z\u0085',
  'lone \ud800 surrogate',
  '名前サービス',
  'CON',
  'kustomization',
  'x'.repeat(300),
  '',
  ' ',
];

const text = fc.oneof(fc.constantFrom(...WORDS), hostileString);
/** Sometimes not a text at all: restore must repair it and say so. */
const loose = fc.oneof({ weight: 8, arbitrary: text }, fc.constantFrom<unknown>(42, null, true, {}, [], undefined));
const port = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 65535 }) },
  fc.constantFrom<unknown>(0, 99999, -1, '80', 1.5),
);
const field = fc.record({
  name: loose,
  type: fc.oneof(fc.constantFrom(...V2_FIELD_TYPES), fc.constantFrom<unknown>('date', 7)),
});
const fields = fc.array(field, { maxLength: 3 });
const ENV_KEYS = ['__proto__', 'constructor', 'toString', 'FILE_MODE', 'A', 'B', '1BAD', 'bad key', ''];

const nodeArb = fc.record({
  kind: fc.constantFrom(...NODE_KINDS),
  name: loose,
  port,
  grpcPort: port,
  replicas: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom<unknown>(1000, -1, 'two')),
  env: fc.array(fc.record({ key: fc.constantFrom<unknown>(...ENV_KEYS, 5), value: loose }), { maxLength: 4 }),
  description: loose,
  image: fc.option(fc.oneof(fc.constantFrom('ghcr.io/acme/app:1.2', 'nginx:1.27'), text), { nil: undefined }),
});

const linkArb = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  kind: fc.constantFrom(...(Object.keys(LINK_KINDS) as string[])),
  topic: loose,
  endpoints: fc.array(
    fc.record({
      method: fc.constantFrom<unknown>(...HTTP_METHODS, 'TRACE'),
      path: loose,
      request: fields,
      response: fields,
    }),
    { maxLength: 2 },
  ),
  rpcs: fc.array(fc.record({ name: loose, request: fields, response: fields }), { maxLength: 2 }),
  message: fields,
});

/** A raw design document, as a hostile file would hold it. */
export const rawDesignArb = fc
  .record({
    name: loose,
    nodes: fc.array(nodeArb, { minLength: 1, maxLength: 5 }),
    links: fc.array(linkArb, { maxLength: 6 }),
  })
  .map(({ name, nodes, links }) => ({
    format: 'polyglot-canvas/design',
    version: 2,
    name,
    viewport: { x: 0, y: 0, zoom: 1 },
    nodes: nodes.map((n, i) => ({ id: `n${i}`, position: { x: i * 240, y: 0 }, ...n })),
    links: links.map((l, i) => ({
      id: `l${i}`,
      kind: l.kind,
      source: `n${l.from % nodes.length}`,
      target: `n${l.to % nodes.length}`,
      topic: l.topic,
      endpoints: l.endpoints,
      rpcs: l.rpcs,
      message: l.message,
    })),
  }));

export interface FuzzReport {
  designs: number;
  exported: number;
  files: number;
  yamlChecked: number;
}

/**
 * Loads and exports `runs` designs of the seed; every `sampleEvery`-th exported design's YAML
 * files go to the readers. Fails (through `expect`) on the first thing that goes wrong.
 */
export function fuzzExports(seed: number, runs: number, sampleEvery = 40): FuzzReport {
  const report: FuzzReport = { designs: 0, exported: 0, files: 0, yamlChecked: 0 };
  const sample: YamlFile[] = [];
  fc.sample(rawDesignArb, { seed, numRuns: runs }).forEach((raw, i) => {
    const where = `seed ${seed}, design ${i}`;
    const r = restore(JSON.parse(JSON.stringify(raw)) as unknown);
    if (!r.ok) throw new Error(`${where}: restore refused it: ${r.error}`);
    report.designs++;
    const problems = exportProblems(r.design);
    if (hasExportErrors(problems)) return;
    const files = generateProject(r.design);
    report.exported++;
    report.files += files.length;
    const unsafe = files.map((f) => pathProblem(f.path)).filter((p) => p !== null);
    if (unsafe.length > 0) expect.fail(`${where}: unsafe paths ${unsafe.slice(0, 3).join('; ')}`);
    if (report.exported % sampleEvery !== 0) return;
    for (const f of files) {
      // Helm templates are Go templates: YAML once rendered, which the lint gate does
      if (!f.path.endsWith('.yaml') || f.path.startsWith('helm/templates/')) continue;
      const bad = yamlTextProblems(f.content, 3);
      if (bad.length > 0) expect.fail(`${where}: ${f.path}: ${bad.join('; ')}`);
      sample.push({ name: `${i}:${f.path}`, text: f.content });
    }
  });
  const byName = new Map(sample.map((f) => [f.name, f.text]));
  const js12 = (t: string) => {
    const docs = parseAllDocuments(t);
    return (Array.isArray(docs) ? docs : [docs]).map((d) => d.toJS() as unknown);
  };
  expect(readerDisagreements(readWithGo(sample), (n) => js12(byName.get(n)!)).slice(0, 5)).toEqual([]);
  report.yamlChecked = sample.length;
  return report;
}

/** Registers one half of the fuzz (two files run side by side): `runs` designs of `seed`. */
export function fuzzTest(seed: number, runs: number): void {
  beforeAll(() => void goChecker(), 300_000);
  it(`fuzz: ${runs.toLocaleString('en-US')} hostile designs (seed ${seed}) load and export without a crash, with safe paths and YAML every reader agrees on`, () => {
    const report = fuzzExports(seed, runs);
    expect(report.designs).toBe(runs);
    // most hostile designs are exportable once restore has repaired them
    expect(report.exported).toBeGreaterThan(runs * 0.4);
    expect(report.yamlChecked).toBeGreaterThan(runs / 25);
  }, 120_000);
}
