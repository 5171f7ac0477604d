/**
 * Proves with the real tools that the lock of every dependency set a stub can have is accepted:
 * `npm run locks:verify` (or `-- node go` for some runtimes). Offline once the registries'
 * packages are in the local caches (`npm run locks:update` fills them).
 * - node: for each of the 192 combinations (gRPC client / server, four brokers, two databases),
 *   package.json and the derived package-lock.json; `npm install --package-lock-only --offline`
 *   must leave the lock exactly as it is (npm resolves the same tree, with the same flags).
 * - go: for each of the 128 combinations of features, a module importing their packages with the
 *   derived go.mod and go.sum; `go list -mod=readonly -deps` must load it (nothing missing from
 *   go.mod or go.sum) and `go mod tidy -diff` must want to add nothing.
 * - rust: for each of the 384 combinations (REST client, gRPC client / server, brokers,
 *   databases), Cargo.toml and the derived Cargo.lock; `cargo update --workspace --offline`
 *   (which resolves against the lock, from the index) must leave the lock byte for byte; the same
 *   for the crate of a Python service's PyO3 module.
 * - python: the requirements.txt of every part together is downloaded with
 *   `pip download --require-hashes --no-deps --only-binary=:all:` for each target (CPython 3.11
 *   and 3.12 on Linux x86_64 and aarch64), so every file pip chooses there has its hash listed;
 *   then for each of the 1,200 dependency sets (three frameworks, REST client, gRPC none / client
 *   / server, four brokers, two databases), `pip install --dry-run --require-hashes` from those
 *   files alone (`--no-index`) on the first interpreter of LOCKS_PYTHONS must accept the stub's
 *   requirements.txt: every package it needs is listed, pinned and hashed, and hashes match.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { GO_FEATURE_IMPORTS, goMod, goSum } from '../src/core/generators/stubs/go/deps';
import type { StubFeatures } from '../src/core/generators/stubs/features';
import { cargoLock, cargoToml, rustLockGroups } from '../src/core/generators/stubs/rust/deps';
import { pyo3CargoLock, pyo3CargoToml } from '../src/core/generators/stubs/python/nativeRust';
import { pythonRequirements } from '../src/core/generators/stubs/locks/python';
import { PY_LOCK_FEATURES, pyLockFeatures, type PyLockFeature } from '../src/core/generators/stubs/python/manifest';
import { NODE_VERSIONS, nodeDeps, nodeLockFor, type NodeDepFlags } from '../src/core/generators/stubs/node/manifest';

const exec = promisify(execFile);

/** Per runtime, how many sets' locks list more than the tool's own resolution would. */
const surplus: Record<string, number> = {};

/** Every assignment of true/false to `names`. */
function combinations<K extends string>(names: readonly K[]): Record<K, boolean>[] {
  const out: Record<K, boolean>[] = [];
  for (let bits = 0; bits < 1 << names.length; bits++)
    out.push(Object.fromEntries(names.map((n, i) => [n, (bits & (1 << i)) !== 0])) as Record<K, boolean>);
  return out;
}

/** Runs `jobs` two at a time; returns the failures. */
async function pool(jobs: (() => Promise<string | undefined>)[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < jobs.length; i = next++) {
      const job = jobs[i];
      const failure = job ? await job() : undefined;
      if (failure) failures.push(failure);
    }
  };
  await Promise.all([worker(), worker()]);
  return failures;
}

const BROKERS_DBS = ['kafka', 'rabbitmq', 'redis', 'nats', 'postgres', 'mongodb'] as const;

async function node(): Promise<string[]> {
  const sets = new Map<string, ReturnType<typeof nodeDeps>>();
  for (const c of combinations(BROKERS_DBS))
    for (const [grpc, own] of [
      [false, false],
      [true, false],
      [true, true],
    ] as const) {
      const d = nodeDeps({ ...c, grpc, own } satisfies NodeDepFlags);
      sets.set(JSON.stringify(d), d);
    }
  console.log(`node: ${sets.size} dependency sets`);
  const jobs = [...sets.values()].map((d) => async () => {
    const dir = mkdtempSync(join(tmpdir(), 'locks-verify-node-'));
    const pin = (l: string[]) => Object.fromEntries(l.map((k) => [k, NODE_VERSIONS[k as keyof typeof NODE_VERSIONS]]));
    const pkg = {
      name: 'stub',
      version: '0.1.0',
      private: true,
      engines: { node: '>=20.19' },
      dependencies: pin(d.dependencies),
      devDependencies: pin(d.devDependencies),
    };
    const lock = nodeLockFor('stub', d);
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
    writeFileSync(join(dir, 'package-lock.json'), lock);
    try {
      await exec(
        'npm',
        [
          'install',
          '--package-lock-only',
          '--offline',
          '--ignore-scripts',
          '--no-audit',
          '--no-fund',
          '--omit-lockfile-registry-resolved',
        ],
        { cwd: dir },
      );
      const after: unknown = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
      if (!isDeepStrictEqual(after, JSON.parse(lock)))
        return `node ${d.dependencies.join(',')}: npm changed the lock (${dir})`;
      rmSync(dir, { recursive: true, force: true });
      return undefined;
    } catch (e) {
      return `node ${d.dependencies.join(',')}: ${String(e)}`;
    }
  });
  return pool(jobs);
}

async function go(): Promise<string[]> {
  const env = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '', GOPROXY: 'off', CGO_ENABLED: '0' };
  const all = combinations(['grpc', ...BROKERS_DBS] as const);
  console.log(`go: ${all.length} feature sets`);
  const jobs = all.map((c) => async () => {
    const f: StubFeatures = { ...c, rest: false };
    const names = (Object.keys(GO_FEATURE_IMPORTS) as (keyof typeof GO_FEATURE_IMPORTS)[]).filter((k) => c[k]);
    const imports = names.flatMap((k) => GO_FEATURE_IMPORTS[k]);
    const dir = mkdtempSync(join(tmpdir(), 'locks-verify-go-'));
    writeFileSync(join(dir, 'go.mod'), goMod('stub.local/service', f));
    writeFileSync(join(dir, 'go.sum'), goSum(f));
    writeFileSync(
      join(dir, 'main.go'),
      `package main\n\nimport (\n${imports.map((i) => `\t_ "${i}"\n`).join('')})\n\nfunc main() {}\n`,
    );
    const label = `go ${names.join(',') || '(none)'}`;
    try {
      await exec('go', ['list', '-mod=readonly', '-deps', '.'], { cwd: dir, env });
      const diff = await exec('go', ['mod', 'tidy', '-diff'], { cwd: dir, env }).then(
        (r) => r.stdout,
        (e: { stdout?: string }) => e.stdout ?? String(e),
      );
      // tidy may drop a requirement one feature's module graph needed and the combination does
      // not (github.com/stretchr/testify with postgres and redis): harmless, as -mod=readonly
      // builds only fail on what is missing. Anything tidy would add is a failure.
      const added = diff.split('\n').filter((l) => /^\+[^+]/.test(l));
      if (diff.split('\n').some((l) => /^-[^-]/.test(l))) surplus.go = (surplus.go ?? 0) + 1;
      if (added.length > 0) return `${label}: go mod tidy would add\n${added.join('\n')} (${dir})`;
      rmSync(dir, { recursive: true, force: true });
      return undefined;
    } catch (e) {
      return `${label}: ${String(e)} (${dir})`;
    }
  });
  return pool(jobs);
}

async function rust(): Promise<string[]> {
  const sets = new Map<string, { f: StubFeatures; serves: boolean }>();
  for (const c of combinations(['rest', ...BROKERS_DBS] as const))
    for (const [grpc, serves] of [
      [false, false],
      [true, false],
      [true, true],
    ] as const) {
      const f: StubFeatures = { ...c, grpc };
      sets.set(JSON.stringify({ f, serves }), { f, serves });
    }
  console.log(`rust: ${sets.size} crate sets and the PyO3 module of a Python service`);
  const pyo3 = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'locks-verify-pyo3-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/lib.rs'), '');
    writeFileSync(join(dir, 'Cargo.toml'), pyo3CargoToml());
    const lock = pyo3CargoLock();
    writeFileSync(join(dir, 'Cargo.lock'), lock);
    try {
      await exec('cargo', ['update', '--workspace', '--offline'], { cwd: dir });
      if (readFileSync(join(dir, 'Cargo.lock'), 'utf8') !== lock) return `rust pyo3: cargo changed the lock (${dir})`;
      rmSync(dir, { recursive: true, force: true });
      return undefined;
    } catch (e) {
      return `rust pyo3: ${String(e)} (${dir})`;
    }
  };
  const jobs = [
    pyo3,
    ...[...sets.values()].map(({ f, serves }) => async () => {
      const dir = mkdtempSync(join(tmpdir(), 'locks-verify-rust-'));
      mkdirSync(join(dir, 'src'));
      writeFileSync(join(dir, 'src/main.rs'), 'fn main() {}\n');
      writeFileSync(join(dir, 'Cargo.toml'), cargoToml('stub', f, serves));
      const lock = cargoLock('stub', f, serves);
      writeFileSync(join(dir, 'Cargo.lock'), lock);
      const label = `rust ${rustLockGroups(f, serves).join(',')}`;
      try {
        // resolves the package against its lock from the index alone; a lock cargo accepts as is
        // comes back unchanged, and cargo build --locked accepts exactly those
        await exec('cargo', ['update', '--workspace', '--offline'], { cwd: dir });
        const after = readFileSync(join(dir, 'Cargo.lock'), 'utf8');
        if (after !== lock) return `${label}: cargo changed the lock (${dir})`;
        rmSync(dir, { recursive: true, force: true });
        return undefined;
      } catch (e) {
        return `${label}: ${String(e)} (${dir})`;
      }
    }),
  ];
  return pool(jobs);
}

/** CPython 3.11/3.12 on Linux x86_64/aarch64: every manylinux tag Debian bookworm's glibc 2.36 accepts. */
function pipTarget(py: string, arch: string): string[] {
  const platforms = [`manylinux2014_${arch}`];
  for (let glibc = 17; glibc <= 36; glibc++) platforms.push(`manylinux_2_${glibc}_${arch}`);
  const cp = `cp${py.replace('.', '')}`;
  return [
    ...platforms.flatMap((p) => ['--platform', p]),
    ...['--python-version', py, '--implementation', 'cp', '--abi', cp, '--only-binary=:all:'],
  ];
}

async function python(): Promise<string[]> {
  const [interpreter = 'python3'] = (process.env.LOCKS_PYTHONS ?? 'python3.11 python3.12').split(/\s+/).filter(Boolean);
  const version = (await exec(interpreter, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'])).stdout.trim();
  const work = mkdtempSync(join(tmpdir(), 'locks-verify-python-'));
  const all = pythonRequirements(Object.keys(PY_LOCK_FEATURES));
  writeFileSync(join(work, 'all.txt'), all);
  const failures: string[] = [];
  const pip = ['-m', 'pip', '--disable-pip-version-check', '-q'];
  for (const py of ['3.11', '3.12'])
    for (const arch of ['x86_64', 'aarch64']) {
      const dest = join(work, `cp${py.replace('.', '')}-${arch}`);
      try {
        await exec(
          interpreter,
          [...pip, 'download', '--require-hashes', '--no-deps', '-d', dest, '-r', 'all.txt', ...pipTarget(py, arch)],
          { cwd: work },
        );
        const files = readdirSync(dest).length;
        console.log(`python: CPython ${py} ${arch}: ${files} files downloaded, every hash matches`);
      } catch (e) {
        failures.push(`python ${py} ${arch}: ${String(e)}`);
      }
    }
  if (failures.length > 0) return failures;
  const wheels = join(work, `cp${version.replace('.', '')}-x86_64`);
  const sets: PyLockFeature[][] = [];
  for (const framework of ['fastapi', 'flask', 'django'] as const)
    for (const rest of [false, true])
      for (const [grpc, own] of [
        [false, false],
        [true, false],
        [true, true],
      ] as const)
        for (const c of combinations(BROKERS_DBS))
          sets.push(pyLockFeatures({ framework, rest, grpc, own, ...c, celery: false, celeryRedis: false }));
  // a Celery worker (no gRPC server), and producers that enqueue Celery tasks over Redis or RabbitMQ
  for (const framework of ['celery', 'fastapi', 'flask', 'django'] as const)
    for (const [grpc, rest] of [
      [false, false],
      [true, true],
    ] as const)
      for (const [redis, rabbitmq] of [
        [true, false],
        [false, true],
        [true, true],
      ] as const)
        for (const postgres of [false, true]) {
          const c = { kafka: false, nats: false, mongodb: false, redis, rabbitmq, postgres };
          sets.push(pyLockFeatures({ framework, rest, grpc, own: false, ...c, celery: true, celeryRedis: redis }));
        }
  console.log(`python: ${sets.length} dependency sets, pip install --dry-run on CPython ${version}`);
  const jobs = sets.map((features) => async () => {
    const dir = mkdtempSync(join(tmpdir(), 'locks-verify-python-set-'));
    writeFileSync(join(dir, 'requirements.txt'), pythonRequirements(features));
    try {
      await exec(
        interpreter,
        [...pip, 'install', '--dry-run', '--ignore-installed', '--require-hashes', '--no-index'].concat([
          '--find-links',
          wheels,
          '-r',
          'requirements.txt',
        ]),
        { cwd: dir },
      );
      rmSync(dir, { recursive: true, force: true });
      return undefined;
    } catch (e) {
      return `python ${features.join(',')}: ${String(e)} (${dir})`;
    }
  });
  const setFailures = await pool(jobs);
  if (setFailures.length === 0) rmSync(work, { recursive: true, force: true });
  return setFailures;
}

const RUNNERS: Record<string, () => Promise<string[]>> = { node, go, rust, python };
const chosen = process.argv.slice(2);
let failed = 0;
for (const name of chosen.length ? chosen : Object.keys(RUNNERS)) {
  const f = RUNNERS[name];
  if (!f) throw new Error(`unknown runtime ${name}; one of ${Object.keys(RUNNERS).join(', ')}`);
  const started = Date.now();
  const failures = await f();
  failed += failures.length;
  for (const m of failures) console.error(m);
  const extra = surplus[name] ? `, ${surplus[name]} with a surplus entry` : '';
  console.log(`${name}: ${failures.length} failed${extra} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
process.exitCode = failed > 0 ? 1 : 0;
