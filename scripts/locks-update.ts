/**
 * Regenerates the stored lock data of the stubs from the registries: `npm run locks:update`
 * (or `npm run locks:update -- node go rust python` for some runtimes). Each runtime's lock is resolved
 * once by its own tool in a scratch folder, for the pinned direct dependencies of the generators:
 * - node: `npm install --package-lock-only` of every package of NODE_VERSIONS together; a stub's
 *   package-lock.json is that lock pruned to what its dependencies reach.
 * - go: `go mod tidy` of a module importing every package a stub can import, for the versions of
 *   the whole set; then, at those versions, `go mod tidy` of one module per feature, whose
 *   requirements and go.sum lines a stub combines for its features.
 * - rust: `cargo generate-lockfile` of every crate together, then for each lock group, at those
 *   versions, `cargo metadata` of the group's crates (see locks/rust.ts).
 * - python: `pip install --dry-run --report` of every direct dependency together, then, at those
 *   versions, of each lock part (framework or feature, PY_LOCK_FEATURES) on each interpreter of
 *   LOCKS_PYTHONS (default `python3.11 python3.12`; their closures must agree); the hashes of each
 *   package's files that CPython 3.11/3.12 on Linux x86_64/aarch64 may choose, from PyPI's JSON API.
 * Needs npm, go, cargo, the Python interpreters and the registries; `src/core/generators/stubs/locks/locks.test.ts`
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
import { PY_LOCK_FEATURES, PY_VERSIONS } from '../src/core/generators/stubs/python/manifest';
import { PYO3_CRATES, pyo3CargoToml } from '../src/core/generators/stubs/python/nativeRust';
import { normalisePyName, type PythonLockData } from '../src/core/generators/stubs/locks/python';

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
  pyo3();
}

/**
 * The lock group of a Python service's Rust module (its own crate: PyO3 and nothing of the stubs'),
 * added to rust.lock.json beside the stubs' groups.
 */
function pyo3(): void {
  const data = JSON.parse(readFileSync(join(OUT, 'rust.lock.json'), 'utf8')) as RustLockData;
  const dir = scratch('pyo3');
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/lib.rs'), '');
  writeFileSync(join(dir, 'Cargo.toml'), pyo3CargoToml('stub'));
  run('cargo', ['generate-lockfile'], dir);
  const lock = parseCargoLock(readFileSync(join(dir, 'Cargo.lock'), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  const entries: Record<string, string[]> = {};
  for (const p of lock) {
    if (!p.source) continue;
    if (!p.checksum) throw new Error(`rust: ${p.name} ${p.version} has no checksum (source ${p.source})`);
    data.packages[`${p.name} ${p.version}`] = { source: p.source, checksum: p.checksum };
    entries[`${p.name} ${p.version}`] = p.dependencies.map((d) => {
      const [n = '', v] = d.split(' ');
      if (v) return `${n} ${v}`;
      const only = lock.filter((x) => x.name === n);
      if (only.length !== 1) throw new Error(`rust: ${d} is ambiguous in the pyo3 lock`);
      return `${n} ${only[0]?.version ?? ''}`;
    });
  }
  data.groups.pyo3 = entries;
  for (const [k, v] of Object.entries(PYO3_CRATES)) data.direct[k] = v;
  writeJson('rust.lock.json', { direct: data.direct, packages: sortKeys(data.packages), groups: data.groups });
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The interpreters the Python lock is resolved on. */
export function lockPythons(): string[] {
  return (process.env.LOCKS_PYTHONS ?? 'python3.11 python3.12').split(/\s+/).filter(Boolean);
}

/**
 * Reads a `pip install --report` file: per installed package (normalised name), its version and
 * the normalised names of the requirements it has on this interpreter and platform, markers
 * evaluated with the extras requested of it.
 */
const READ_REPORT = `
import json, re, sys
from pip._vendor.packaging.requirements import Requirement
norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
out = {}
for item in json.load(open(sys.argv[1]))["install"]:
    meta = item["metadata"]
    extras = [""] + list(item.get("requested_extras") or [])
    requires = set()
    for text in meta.get("requires_dist") or []:
        r = Requirement(text)
        if r.marker is None or any(r.marker.evaluate({"extra": e}) for e in extras):
            requires.add(norm(r.name))
    out[norm(meta["name"])] = {"version": meta["version"], "requires": sorted(requires)}
print(json.dumps(out))
`;

type PipResolution = Record<string, { version: string; requires: string[] }>;

/** pip's resolution of `requirements` (with `constraints`) on `python`, as READ_REPORT reads it. */
function pipResolve(python: string, requirements: string[], constraints: string[] = []): PipResolution {
  const dir = scratch('python');
  writeFileSync(join(dir, 'requirements.txt'), `${requirements.join('\n')}\n`);
  writeFileSync(join(dir, 'constraints.txt'), `${constraints.join('\n')}\n`);
  run(
    python,
    ['-m', 'pip', 'install', '--dry-run', '--ignore-installed', '--quiet', '--disable-pip-version-check'].concat([
      '--report',
      'report.json',
      '-r',
      'requirements.txt',
      '-c',
      'constraints.txt',
    ]),
    dir,
  );
  const out = JSON.parse(run(python, ['-c', READ_REPORT, 'report.json'], dir)) as PipResolution;
  rmSync(dir, { recursive: true, force: true });
  for (const [name, pkg] of Object.entries(out))
    for (const dep of pkg.requires)
      if (!out[dep]) throw new Error(`python: ${name} requires ${dep}, which pip did not install`);
  return out;
}

/** Interpreters (`cp311`) and machines the hashes must cover: the image's and their neighbours. */
const PY_TAGS = ['cp311', 'cp312'];
const PY_ARCHES = ['x86_64', 'aarch64'];
/** The newest glibc a wheel may ask for: Debian bookworm's 2.36, the base image's. */
const GLIBC = 36;

/** Whether pip may choose this wheel on Linux (glibc) x86_64/aarch64 for CPython 3.11 or 3.12. */
export function wheelFits(filename: string): boolean {
  const parts = filename.replace(/\.whl$/, '').split('-');
  if (parts.length < 5) return false;
  const [pys = '', abis = '', plats = ''] = parts.slice(-3);
  const platformFits = plats.split('.').some((p) => {
    if (p === 'any') return true;
    const m = /^manylinux(?:1|2010|2014|_2_(\d+))_(\w+)$/.exec(p);
    return !!m && PY_ARCHES.includes(m[2] ?? '') && Number(m[1] ?? 17) <= GLIBC;
  });
  if (!platformFits) return false;
  return PY_TAGS.some((cp) => {
    const minor = Number(cp.slice(3));
    return pys.split('.').some((py) =>
      abis.split('.').some((abi) => {
        if (abi === 'none') return py === 'py3' || py === `py3${minor}` || py === cp;
        if (abi === cp) return py === cp;
        if (abi === 'abi3') return /^cp3\d+$/.test(py) && Number(py.slice(3)) <= minor;
        return false;
      }),
    );
  });
}

interface SimpleIndex {
  files: { filename: string; hashes: { sha256?: string }; yanked?: boolean | string }[];
}

/** The version of a wheel or sdist of the normalised `name`, or undefined if the file is another project's. */
function fileVersion(name: string, filename: string): { version: string; wheel: boolean } | undefined {
  if (filename.endsWith('.whl')) {
    const [n = '', v = ''] = filename.split('-');
    return normalisePyName(n) === name ? { version: v, wheel: true } : undefined;
  }
  const stem = /^(.*)\.(?:tar\.gz|zip)$/.exec(filename)?.[1];
  const dash = stem?.lastIndexOf('-') ?? -1;
  if (!stem || dash < 0 || normalisePyName(stem.slice(0, dash)) !== name) return undefined;
  return { version: stem.slice(dash + 1), wheel: false };
}

/**
 * The SHA-256 of every file of `name` `version` pip may choose on the targets: the fitting wheels
 * and the sdist, from the index's JSON simple API (PEP 691).
 */
async function pypiHashes(name: string, version: string): Promise<string[]> {
  const res = await fetch(`https://pypi.org/simple/${name}/`, {
    headers: { Accept: 'application/vnd.pypi.simple.v1+json' },
  });
  if (!res.ok) throw new Error(`python: PyPI answered ${res.status} for ${name}`);
  const index = (await res.json()) as SimpleIndex;
  const files = index.files.filter((f) => {
    const v = fileVersion(name, f.filename);
    return v?.version === version && (!v.wheel || wheelFits(f.filename)) && f.hashes.sha256;
  });
  if (files.length === 0) throw new Error(`python: ${name} ${version} has no file for the targets on PyPI`);
  return [...new Set(files.map((f) => f.hashes.sha256 ?? ''))].sort();
}

async function python(): Promise<void> {
  const pythons = lockPythons();
  const versions = pythons.map((py) =>
    run(py, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], '.').trim(),
  );
  const direct = Object.entries(PY_VERSIONS).map(([k, v]) => `${k}==${v}`);
  const union = pipResolve(pythons[0] ?? 'python3', direct);
  for (const [k, v] of Object.entries(PY_VERSIONS)) {
    const got = union[normalisePyName(k.replace(/\[.*$/, ''))]?.version;
    if (got !== v)
      throw new Error(`python: ${k} resolves to ${got ?? 'nothing'} with the whole set, not the pinned ${v}`);
  }
  const constraints = Object.entries(union).map(([n, p]) => `${n}==${p.version}`);
  const features: PythonLockData['features'] = {};
  const resolved: PipResolution = {};
  for (const [feature, deps] of Object.entries(PY_LOCK_FEATURES)) {
    const reqs = deps.map((d) => `${d}==${PY_VERSIONS[d]}`);
    const each = pythons.map((py) => pipResolve(py, reqs, constraints));
    const [first, ...rest] = each;
    rest.forEach((other, i) => {
      if (JSON.stringify(other) !== JSON.stringify(first))
        throw new Error(`python: ${feature} resolves differently on ${pythons[i + 1]} than on ${pythons[0]}`);
    });
    features[feature] = Object.keys(first ?? {}).sort();
    Object.assign(resolved, first);
    console.log(`python: ${feature}: ${features[feature].length} packages`);
  }
  const packages: PythonLockData['packages'] = {};
  for (const [name, pkg] of Object.entries(resolved).sort(([a], [b]) => (a < b ? -1 : 1)))
    packages[name] = { ...pkg, hashes: await pypiHashes(name, pkg.version) };
  const data: PythonLockData = { pythons: versions, direct: { ...PY_VERSIONS }, features, packages };
  writeJson('python.lock.json', data);
}

const RUNNERS: Record<string, () => void | Promise<void>> = { node, go, rust, pyo3, python };
const chosen = process.argv.slice(2);
for (const name of chosen.length ? chosen : Object.keys(RUNNERS)) {
  const f = RUNNERS[name];
  if (!f) throw new Error(`unknown runtime ${name}; one of ${Object.keys(RUNNERS).join(', ')}`);
  await f();
}
