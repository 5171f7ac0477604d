/**
 * Every YAML reader our files meet, run over a batch of files at once: the `yaml` package as a
 * YAML 1.2 and as a YAML 1.1 reader, Go's gopkg.in/yaml.v3 and yaml.v2 (the small program in this
 * folder, built on first use) and PyYAML. Each answers what the file holds as JSON data, or why it
 * could not read it; `readerDisagreements` compares every answer with what the writer meant.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';

const HERE = import.meta.dirname;
const ROOT = join(HERE, '..', '..');

export interface YamlFile {
  name: string;
  text: string;
}

export interface Reading {
  name: string;
  reader: string;
  docs?: unknown[];
  error?: string;
}

/** The Go reader's binary, built once per version of its source (needs Go and the module proxy). */
export function goChecker(): string {
  const hash = createHash('sha256');
  for (const f of ['main.go', 'go.mod', 'go.sum']) hash.update(readFileSync(join(HERE, f)));
  const dir = join(ROOT, 'node_modules', '.cache', 'polyglot-yamlcheck');
  const bin = join(dir, `yamlcheck-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('go', ['build', '-o', bin, '.'], { cwd: HERE, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer };
    if (err.code === 'ENOENT')
      throw new Error('The YAML reader tests need Go (https://go.dev/dl/, or apt-get install golang-go).', {
        cause: e,
      });
    throw new Error(`Building test/yamlcheck failed: ${err.stderr?.toString() ?? String(e)}`, { cause: e });
  }
  return bin;
}

function run(command: string, args: string[], files: readonly YamlFile[]): Reading[] {
  const out = execFileSync(command, args, {
    input: JSON.stringify(files),
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  return JSON.parse(out.toString('utf8')) as Reading[];
}

/** Go's yaml.v3 and yaml.v2 over every file, in one process. */
export function readWithGo(files: readonly YamlFile[]): Reading[] {
  return run(goChecker(), [], files);
}

/** PyYAML's safe loader over every file, in one process. */
export function readWithPython(files: readonly YamlFile[]): Reading[] {
  try {
    return run('python3', [join(HERE, 'pyyaml_read.py')], files);
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer };
    if (err.code === 'ENOENT' || /No module named 'yaml'/.test(err.stderr?.toString() ?? ''))
      throw new Error('The YAML reader tests need Python 3 with PyYAML (apt-get install python3-yaml).', {
        cause: e,
      });
    throw e;
  }
}

/** The `yaml` package in both versions of YAML. */
export function readWithJs(files: readonly YamlFile[]): Reading[] {
  return files.flatMap((f) =>
    (['1.2', '1.1'] as const).map((version): Reading => {
      const reader = `yaml (JS) ${version}`;
      const docs = parseAllDocuments(f.text, { version, merge: version === '1.1' });
      const list = Array.isArray(docs) ? docs : [docs];
      const bad = list.flatMap((d) => d.errors)[0];
      if (bad) return { name: f.name, reader, error: bad.message };
      try {
        return { name: f.name, reader, docs: list.map((d) => jsonData(d.toJS({ maxAliasCount: -1 }))) };
      } catch (e) {
        return { name: f.name, reader, error: (e as Error).message };
      }
    }),
  );
}

/** A value as JSON data, refusing what JSON would change (dates, NaN, Maps with odd keys). */
function jsonData(v: unknown, at = ''): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`${at || 'the document'}: the number ${v}`);
    return v;
  }
  if (Array.isArray(v)) return v.map((x, i) => jsonData(x, `${at}[${i}]`));
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v))
      Object.defineProperty(out, k, { value: jsonData(x, `${at}.${k}`), enumerable: true });
    return out;
  }
  throw new Error(`${at || 'the document'}: a ${Object.prototype.toString.call(v)}`);
}

/** Every reader's reading of every file. */
export function readEverywhere(files: readonly YamlFile[]): Reading[] {
  return [...readWithJs(files), ...readWithGo(files), ...readWithPython(files)];
}

/**
 * Where a reader did not read back what was meant: `expected` gives each file's documents as
 * JSON data. Returns one line per disagreement (empty when every reader agrees).
 */
export function readerDisagreements(readings: readonly Reading[], expected: (name: string) => unknown[]): string[] {
  const out: string[] = [];
  for (const r of readings) {
    const want = expected(r.name);
    if (r.error !== undefined) out.push(`${r.name}: ${r.reader} could not read it: ${r.error}`);
    // a file of comments only (a placeholder) holds no document, which some readers give as nothing
    else if (!isDeepStrictEqual(normalize(r.docs ?? []), normalize(want)))
      out.push(`${r.name}: ${r.reader} read ${firstDifference(r.docs, want)}`);
  }
  return out;
}

// JSON text in and out, so that every reader's answer has the same shape (own keys, plain objects).
const normalize = (v: unknown) => (v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown));

function firstDifference(got: unknown, want: unknown, at = ''): string {
  if (isDeepStrictEqual(normalize(got), normalize(want))) return `${at}: equal`;
  if (typeof got === 'object' && got && typeof want === 'object' && want) {
    const keys = new Set([...Object.keys(got), ...Object.keys(want)]);
    for (const k of keys) {
      const g = (got as Record<string, unknown>)[k];
      const w = (want as Record<string, unknown>)[k];
      if (
        !isDeepStrictEqual(normalize(g ?? null), normalize(w ?? null)) ||
        !Object.hasOwn(got, k) ||
        !Object.hasOwn(want, k)
      )
        return firstDifference(g, w, `${at}/${k}`);
    }
  }
  return `${at || '/'} as ${JSON.stringify(got)?.slice(0, 120)}, not ${JSON.stringify(want)?.slice(0, 120)}`;
}
