import { describe, expect, it } from 'vitest';
import { extendsChain, heavyCases } from '../../../../test/fixtures/compose/heavy';
import { IMPORT_LIMITS, LIMIT_NAMES, type ImportLimits } from '../budget';
import { importCompose } from '.';

// Loose enough for a busy machine shared with other builds; `npm run bench:import` prints the
// real figures (the target there is 2 s).
const LOOSE_MS = 20_000;

describe('compose import: heavy files end in bounded time', () => {
  it.each(heavyCases().map((c) => [c.name, c] as const))('%s', (_, c) => {
    const t0 = performance.now();
    const r = importCompose(c.text);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(LOOSE_MS);
    expect(r.ok, r.ok ? '' : r.error).toBe(c.imports);
    if (!r.ok)
      expect(r.error).toMatch(/That is over the import limit on .+ \([\d,]+\), so the file was not imported\.$/);
    expect(r.warnings.length).toBeLessThanOrEqual(IMPORT_LIMITS.warnings + 1);
  });

  it('refuses a 12,000-deep extends chain with a message, not a stack overflow', () => {
    const r = importCompose(extendsChain(12_000));
    expect(r).toMatchObject({
      ok: false,
      error:
        'The service "s65" extends a chain of more than 64 services. That is over the import limit on the length of an extends chain (64), so the file was not imported.',
    });
  });

  it('makes at most as many links as a design holds, and says how many were asked for', () => {
    const r = importCompose(heavyCases().find((c) => c.name === 'depends_on mesh')!.text);
    if (!r.ok) throw new Error(r.error);
    expect(r.design.links).toHaveLength(IMPORT_LIMITS.links);
    expect(r.warnings).toContain(
      'The file asks for 39,800 links, but a design holds 20,000; the first 20,000 were made.',
    );
  });
});

describe('compose import: each limit, when passed, is named', () => {
  const small: Record<keyof ImportLimits, [Partial<ImportLimits>, string]> = {
    bytes: [{ bytes: 100 }, `services:\n  a:\n    image: x\n    command: "${'x'.repeat(200)}"\n`],
    aliases: [{ aliases: 2 }, 'x: &a 1\nservices:\n  a: {image: x, labels: {a: *a, b: *a, c: *a}}\n'],
    expandedValues: [
      { expandedValues: 20 },
      `x: &a [${'1,'.repeat(10)}1]\nservices:\n  a: {image: x, command: [*a, *a]}\n`,
    ],
    extendedValues: [
      { extendedValues: 5 },
      'services:\n  a: {image: x, labels: [a=1, b=2, c=3]}\n  b: {extends: a, labels: [d=4]}\n',
    ],
    extendsDepth: [
      { extendsDepth: 2 },
      'services:\n  a: {image: x}\n  b: {extends: a}\n  c: {extends: b}\n  d: {extends: c}\n',
    ],
    envEntries: [
      { envEntries: 3 },
      'services:\n  a: {image: x, environment: [A=1, B=2]}\n  b: {image: x, environment: [C=1, D=2]}\n',
    ],
    services: [{ services: 1 }, ''],
    links: [{ links: 1 }, ''],
    warnings: [{ warnings: 1 }, ''],
  };
  it.each(Object.entries(small).filter(([, [, text]]) => text !== ''))('%s', (limit, [limits, text]) => {
    const r = importCompose(text, 'compose.yaml', { ...IMPORT_LIMITS, ...limits });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(`over the import limit on ${LIMIT_NAMES[limit as keyof ImportLimits]}`);
  });

  it('keeps the first services, links and warnings, and says how many more there were', () => {
    const text =
      'services:\n  a: {image: x, depends_on: [b, c]}\n  b: {image: x, ports: [bad1, bad2]}\n  c: {image: x}\n';
    const r = importCompose(text, 'compose.yaml', { ...IMPORT_LIMITS, services: 2, links: 1, warnings: 1 });
    if (!r.ok) throw new Error(r.error);
    expect(r.design.nodes.map((n) => n.name)).toEqual(['a', 'b']);
    expect(r.design.links).toHaveLength(1);
    expect(r.warnings[0]).toBe(
      'The file has 3 services; only the first 2 were imported (the import limit on services), not c.',
    );
    expect(r.warnings[r.warnings.length - 1]).toMatch(/^…and \d+ more warnings like these\.$/);
  });
});

describe('compose import: clear messages for odd YAML', () => {
  it.each([
    [
      'several documents',
      'services:\n  a: {image: x}\n---\nservices:\n  b: {image: y}\n',
      'The file holds 2 YAML documents (separated by "---" lines), but a compose file is one document. Keep the one you mean, or split the file.',
    ],
    [
      'a merge key of a number',
      'services:\n  a:\n    image: x\n    <<: 5\n',
      'A merge key (<<) must be followed by a mapping or an alias of one (*name), not "5" (line 4).',
    ],
    [
      'a key twice',
      'services:\n  a:\n    image: x\n    image: y\n',
      'The key "image" appears twice in one mapping (line 3 and line 4); YAML readers refuse that.',
    ],
    [
      'an alias with no anchor',
      'services:\n  a: {image: *nope}\n',
      'The alias *nope (line 2) names no anchor before it.',
    ],
  ])('%s', (_, text, message) => {
    const r = importCompose(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(typeof message === 'string' ? new RegExp(`^${escape(message)}$`) : message);
  });

  it('reads a file with a trailing document marker as one document', () => {
    expect(importCompose('services:\n  a: {image: x}\n---\n').ok).toBe(true);
  });

  it('keeps environment variables named like prototype properties', () => {
    const r = importCompose(
      'services:\n  a:\n    image: x\n    environment:\n      __proto__: p\n      constructor: c\n      toString: t\n',
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.design.nodes[0]?.env).toEqual([
      { key: '__proto__', value: 'p' },
      { key: 'constructor', value: 'c' },
      { key: 'toString', value: 't' },
    ]);
  });

  it('imports services named like prototype properties as any other', () => {
    const r = importCompose(
      'services:\n  __proto__: {image: "a:1"}\n  constructor: {image: "b:1", depends_on: [__proto__]}\n  toString: {image: "c:1", extends: constructor}\n',
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.design.nodes.map((n) => [n.name, n.image])).toEqual([
      ['__proto__', 'a:1'],
      ['constructor', 'b:1'],
      ['toString', 'c:1'],
    ]);
    expect(r.design.links).toHaveLength(2);
  });

  it('bounds a warning that lists many values', () => {
    const ports = Array.from({ length: 20_000 }, (_, i) => `"${10_000 + i}:${10_000 + i}"`).join(', ');
    const r = importCompose(`services:\n  a:\n    image: x\n    ports: [${ports}]\n`);
    if (!r.ok) throw new Error(r.error);
    const w = r.warnings.find((x) => x.startsWith('a: the design shows port'));
    expect(w).toBe(
      'a: the design shows port 10000; 10001:10001, 10002:10002, 10003:10003, 10004:10004, 10005:10005, 10006:10006, 10007:10007, 10008:10008, 10009:10009, 10010:10010 and 19989 more are kept in the exported compose file as written, but not in the Kubernetes manifests.',
    );
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
