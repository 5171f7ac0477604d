/**
 * Regenerates the stored lock data of the stubs from the registries: `npm run locks:update`
 * (or `npm run locks:update -- node go rust` for some runtimes). Each runtime's lock is resolved
 * once by its own tool in a scratch folder, for the pinned direct dependencies of the generators:
 * - node: `npm install --package-lock-only` of every package of NODE_VERSIONS together; a stub's
 *   package-lock.json is that lock pruned to what its dependencies reach.
 * - go: `go mod tidy` of a module importing every package a stub can import, for the versions of
 *   the whole set; then, at those versions, `go mod tidy` of one module per feature, whose
 *   requirements and go.sum lines a stub combines for its features.
 * - rust: `cargo generate-lockfile` of every crate together, then for each lock group, at those
 *   versions, `cargo metadata` of the group's crates (see locks/rust.ts).
 * Needs npm, go and cargo and the registries; `src/core/generators/stubs/locks/locks.test.ts`
 * then checks offline that the stored data matches the generators' pinned versions.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_VERSIONS } from '../src/core/generators/stubs/node/manifest';
import { GO_FEATURE_IMPORTS, GO_MODULES, GO_VERSION } from '../src/core/generators/stubs/go/deps';
import {
  BUILD_CRATES,
  CRATES,
  RUST_LOCK_GROUPS,
  cargoTomlOf,
  cratesOf,
  type RustLockGroup,
} from '../src/core/generators/stubs/rust/deps';
import type { RustLockData } from '../src/core/generators/stubs/locks/rust';
import { compareGoSumKeys, type GoLockData } from '../src/core/generators/stubs/locks/go';

const OUT = join(import.meta.dirname, '../src/core/generators/stubs/locks');

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  return execFileSync(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `locks-${name}-`));
}

function writeJson(file: string, data: unknown): void {
  writeFileSync(join(OUT, file), `${JSON.stringify(data, null, 2)}\n`);
  console.log(`wrote ${file}`);
}

const TYPES = new Set(['@types/express', '@types/node', '@types/pg', 'typescript']);

function node(): void {
  const dir = scratch('node');
  const entries = Object.entries(NODE_VERSIONS);
  const pkg = {
    name: 'node-stub-union',
    version: '0.0.0',
    private: true,
    dependencies: Object.fromEntries(entries.filter(([k]) => !TYPES.has(k))),
    devDependencies: Object.fromEntries(entries.filter(([k]) => TYPES.has(k))),
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  // No `resolved` URLs: the lock works with any registry mirror, npm checks each `integrity`.
  run(
    'npm',
    [
      'install',
      '--package-lock-only',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--omit-lockfile-registry-resolved',
    ],
    dir,
  );
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, Record<string, unknown>>;
  };
  const packages: Record<string, unknown> = {};
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '') continue;
    const { dev: _d, optional: _o, devOptional: _do, peer: _p, ...rest } = entry;
    packages[path] = rest;
  }
  writeJson('node.lock.json', { direct: Object.fromEntries(entries), packages });
  rmSync(dir, { recursive: true, force: true });
}

const GO_ENV = { GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod', CGO_ENABLED: '0' };

interface GoModJson {
  Go?: string;
  Require?: { Path: string; Version: string; Indirect?: boolean }[];
}

/** A module importing `imports`, requiring `require`, tidied; its requirements and go.sum. */
function goTidy(
  imports: string[],
  require: [string, string][],
): { go: string; require: [string, string][]; sum: string[] } {
  const dir = scratch('go');
  const req = require.map(([m, v]) => `\t${m} ${v}`).join('\n');
  writeFileSync(
    join(dir, 'go.mod'),
    `module locks.local/stub\n\ngo ${GO_VERSION}\n${req ? `\nrequire (\n${req}\n)\n` : ''}`,
  );
  writeFileSync(
    join(dir, 'main.go'),
    `package main\n\nimport (\n${imports.map((i) => `\t_ "${i}"\n`).join('')})\n\nfunc main() {}\n`,
  );
  run('go', ['mod', 'tidy'], dir, GO_ENV);
  const mod = JSON.parse(run('go', ['mod', 'edit', '-json'], dir, GO_ENV)) as GoModJson;
  const sum = readFileSync(join(dir, 'go.sum'), 'utf8').split('\n').filter(Boolean);
  rmSync(dir, { recursive: true, force: true });
  return { go: mod.Go ?? GO_VERSION, require: (mod.Require ?? []).map((r) => [r.Path, r.Version]), sum };
}

function go(): void {
  const direct = Object.values(GO_MODULES).map(([m, v]) => [m, v] as [string, string]);
  const all: string[] = Object.values(GO_FEATURE_IMPORTS).flat();
  const union = goTidy(all, direct);
  for (const [m, v] of direct) {
    const got = union.require.find(([n]) => n === m)?.[1];
    if (got !== v)
      throw new Error(`go: ${m} resolves to ${got ?? 'nothing'} with the whole set, not the pinned ${v}: pin ${got}`);
  }
  const sums: Record<string, string> = {};
  const features: GoLockData['features'] = {};
  for (const [feature, imports] of Object.entries(GO_FEATURE_IMPORTS)) {
    const t = goTidy([...imports], union.require);
    const keys: string[] = [];
    for (const line of t.sum) {
      const [m, v, h] = line.split(' ') as [string, string, string];
      sums[`${m} ${v}`] = h;
      keys.push(`${m} ${v}`);
    }
    features[feature] = { go: t.go, require: t.require.map(([m, v]) => `${m} ${v}`), sum: keys };
  }
  const data: GoLockData = {
    go: GO_VERSION,
    direct: Object.fromEntries(direct),
    features,
    sums: Object.fromEntries(Object.entries(sums).sort(([a], [b]) => compareGoSumKeys(a, b))),
  };
  writeJson('go.lock.json', data);
}

interface CargoPackage {
  name: string;
  version: string;
  source?: string;
  checksum?: string;
  dependencies: string[];
}

/** The [[package]] tables of a Cargo.lock. */
function parseCargoLock(text: string): CargoPackage[] {
  const out: CargoPackage[] = [];
  for (const block of text.split('[[package]]').slice(1)) {
    const str = (key: string) => new RegExp(`^${key} = "([^"]*)"$`, 'm').exec(block)?.[1];
    const deps = /^dependencies = \[\n([\s\S]*?)^\]/m.exec(block)?.[1] ?? '';
    out.push({
      name: str('name') ?? '',
      version: str('version') ?? '',
      source: str('source'),
      checksum: str('checksum'),
      dependencies: [...deps.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? ''),
    });
  }
  return out;
}

/** A cargo package with `crates`, its Cargo.lock seeded with `lock` and settled by `cargo update --workspace`. */
function cargoLockOf(crates: ReturnType<typeof cratesOf>, lock?: string): string {
  const dir = scratch('rust');
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/main.rs'), 'fn main() {}\n');
  writeFileSync(join(dir, 'Cargo.toml'), cargoTomlOf('stub', crates));
  if (lock) {
    writeFileSync(join(dir, 'Cargo.lock'), lock);
    // updates only the package itself: keeps the versions of the lock, drops what these crates do not use
    run('cargo', ['update', '--workspace', '--offline'], dir);
  } else run('cargo', ['generate-lockfile'], dir);
  const text = readFileSync(join(dir, 'Cargo.lock'), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  return text;
}

function rust(): void {
  const all = cratesOf(Object.keys(RUST_LOCK_GROUPS) as RustLockGroup[]);
  const union = cargoLockOf(all);
  const packages: RustLockData['packages'] = {};
  const groups: RustLockData['groups'] = {};
  for (const group of Object.keys(RUST_LOCK_GROUPS) as RustLockGroup[]) {
    const lock = parseCargoLock(cargoLockOf(cratesOf([group]), union));
    const versions = new Map<string, string[]>();
    for (const p of lock) versions.set(p.name, [...(versions.get(p.name) ?? []), p.version]);
    const full = (dep: string) => {
      const [n = '', v] = dep.split(' ');
      if (v) return `${n} ${v}`;
      const only = versions.get(n);
      if (only?.length !== 1) throw new Error(`rust: ${dep} is ambiguous in the ${group} lock`);
      return `${n} ${only[0]}`;
    };
    const entries: Record<string, string[]> = {};
    for (const p of lock) {
      if (!p.source) continue; // the package itself
      if (!p.checksum) throw new Error(`rust: ${p.name} ${p.version} has no checksum (source ${p.source})`);
      packages[`${p.name} ${p.version}`] = { source: p.source, checksum: p.checksum };
      entries[`${p.name} ${p.version}`] = p.dependencies.map(full);
    }
    groups[group] = entries;
  }
  const direct = Object.fromEntries(Object.entries({ ...CRATES, ...BUILD_CRATES }).map(([k, v]) => [k, v as string]));
  writeJson('rust.lock.json', { direct, packages: sortKeys(packages), groups } satisfies RustLockData);
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const RUNNERS: Record<string, () => void> = { node, go, rust };
const chosen = process.argv.slice(2);
for (const name of chosen.length ? chosen : Object.keys(RUNNERS)) {
  const f = RUNNERS[name];
  if (!f) throw new Error(`unknown runtime ${name}; one of ${Object.keys(RUNNERS).join(', ')}`);
  f();
}
