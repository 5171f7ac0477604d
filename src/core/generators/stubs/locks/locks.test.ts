import { describe, expect, it } from 'vitest';
import { GO_FEATURE_IMPORTS, GO_MODULES, goMod, goSum } from '../go/deps';
import { NODE_VERSIONS, nodeDeps, nodeLockFor } from '../node/manifest';
import { GO_LOCK, compareGoSumKeys, compareGoVersions } from './go';
import { NODE_UNION_LOCK, nodePackageLock, resolveIn, type NodeLockEntry } from './node';
import { PY_LOCK_FEATURES, PY_VERSIONS, pyLockFeatures } from '../python/manifest';
import { cargoLock } from '../rust/deps';
import { compareSemver } from './rust';
import { PYTHON_LOCK, normalisePyName, pythonLockPackages, pythonRequirements } from './python';

/**
 * The stored lock data is current with the generators' pinned versions and complete for every
 * dependency set a stub can have. (That the tools accept the derived locks is proved with the
 * tools by `npm run locks:verify`, and by conformance, which builds the stubs with them.)
 */

const EXTRAS = ['kafka', 'rabbitmq', 'redis', 'nats', 'postgres', 'mongodb'] as const;

function combinations<K extends string>(names: readonly K[]): Record<K, boolean>[] {
  const out: Record<K, boolean>[] = [];
  for (let bits = 0; bits < 1 << names.length; bits++)
    out.push(Object.fromEntries(names.map((n, i) => [n, (bits & (1 << i)) !== 0])) as Record<K, boolean>);
  return out;
}

describe('Node lock', () => {
  it('was made for exactly the pinned versions of the generator', () => {
    expect(NODE_UNION_LOCK.direct).toEqual(NODE_VERSIONS);
    for (const [name, version] of Object.entries(NODE_VERSIONS))
      expect(NODE_UNION_LOCK.packages[`node_modules/${name}`]?.version, name).toBe(version);
  });

  it('gives every one of the 192 dependency sets a closed lock whose root is its package.json', () => {
    let sets = 0;
    for (const c of combinations(EXTRAS))
      for (const [grpc, own] of [
        [false, false],
        [true, false],
        [true, true],
      ] as const) {
        const d = nodeDeps({ ...c, grpc, own });
        const lock = JSON.parse(nodeLockFor('svc', d)) as {
          lockfileVersion: number;
          packages: Record<string, Partial<NodeLockEntry> & Record<string, unknown>>;
        };
        sets++;
        expect(lock.lockfileVersion).toBe(3);
        const root = lock.packages[''] ?? {};
        expect(Object.keys(root.dependencies ?? {})).toEqual(d.dependencies);
        expect(Object.keys(root.devDependencies ?? {})).toEqual(d.devDependencies);
        for (const [path, entry] of Object.entries(lock.packages)) {
          if (path === '') continue;
          expect(entry.integrity, path).toMatch(/^sha512-/);
          // every required dependency resolves inside the lock, as npm ci will look it up
          for (const dep of Object.keys(entry.dependencies ?? {}))
            expect(resolveIn(lock.packages, path, dep), `${path} → ${dep}`).toBeDefined();
        }
        // production dependencies are never flagged dev (npm prune --omit=dev keeps them)
        for (const dep of d.dependencies) expect(lock.packages[`node_modules/${dep}`]?.dev, dep).toBeUndefined();
        // the compiler is a dev dependency only (@types/node is not: protobufjs depends on it)
        expect(lock.packages['node_modules/typescript']?.dev).toBe(true);
        // nothing the stub does not use: kafkajs only with Kafka, and so on
        expect('node_modules/kafkajs' in lock.packages).toBe(c.kafka);
        expect('node_modules/mongodb' in lock.packages).toBe(c.mongodb);
      }
    expect(sets).toBe(192);
  });

  it('refuses a version it was not made for, saying how to update it', () => {
    expect(() => nodePackageLock('svc', '0.1.0', { dependencies: { express: '0.0.1' }, devDependencies: {} })).toThrow(
      /made for express@5.*not 0\.0\.1: run npm run locks:update/,
    );
  });
});

describe('Go lock', () => {
  it('was made for exactly the pinned modules and the features the generator imports', () => {
    expect(GO_LOCK.direct).toEqual(Object.fromEntries(Object.values(GO_MODULES)));
    expect(Object.keys(GO_LOCK.features).sort()).toEqual(Object.keys(GO_FEATURE_IMPORTS).sort());
  });

  it('gives each module the same version in every feature, so their union is consistent', () => {
    const seen = new Map<string, string>();
    for (const [feature, entry] of Object.entries(GO_LOCK.features))
      for (const r of entry.require) {
        const [m = '', v = ''] = r.split(' ');
        expect(seen.get(m) ?? v, `${m} in ${feature}`).toBe(v);
        seen.set(m, v);
        expect(GO_LOCK.sums[`${m} ${v}/go.mod`], `go.sum of ${m} ${v}`).toMatch(/^h1:/);
      }
    for (const [m, v] of Object.values(GO_MODULES)) expect(seen.get(m), m).toBe(v);
  });

  it('writes a go.mod requiring every module of the features and a go.sum with all their hashes', () => {
    for (const c of combinations(['grpc', ...EXTRAS] as const)) {
      const f = { ...c, rest: true };
      const mod = goMod('svc.local/service', f);
      const sum = goSum(f);
      const lines = sum.split('\n').filter(Boolean);
      expect([...lines].sort((a, b) => compareGoSumKeys(a, b))).toEqual(lines);
      for (const [k, on] of Object.entries(c)) {
        const modules =
          k === 'grpc' ? [GO_MODULES.grpc, GO_MODULES.protobuf] : [GO_MODULES[k as (typeof EXTRAS)[number]]];
        for (const [m, v] of modules) {
          expect(mod.includes(`${m} ${v}\n`), `${m} in go.mod`).toBe(on);
          expect(lines.includes(`${m} ${v} ${GO_LOCK.sums[`${m} ${v}`]}`), `${m} in go.sum`).toBe(on);
        }
      }
      for (const line of mod.split('\n').filter((l) => /^\t|^require \S+ v/.test(l))) {
        const [m, v] = line
          .replace(/^require /, '')
          .trim()
          .split(' ');
        expect(
          lines.some((l) => l.startsWith(`${m} ${v}/go.mod `)),
          `${line} hashed`,
        ).toBe(true);
      }
    }
  });

  it('orders versions as Go does', () => {
    expect(compareGoVersions('v1.12.1', 'v1.3.0')).toBeGreaterThan(0);
    expect(compareGoVersions('v0.0.0-20240606120523-5a60cdf6a761', 'v0.0.0')).toBeLessThan(0);
    expect(compareGoVersions('1.26', '1.26.0')).toBeLessThan(0);
    expect(compareGoSumKeys('a v1.0.0', 'a v1.0.0/go.mod')).toBeLessThan(0);
  });
});

describe('Python lock', () => {
  it('was made for exactly the pinned versions and the lock parts of the generator', () => {
    expect(PYTHON_LOCK.direct).toEqual(PY_VERSIONS);
    expect(PYTHON_LOCK.pythons).toEqual(['3.11', '3.12']);
    expect(Object.keys(PYTHON_LOCK.features).sort()).toEqual(Object.keys(PY_LOCK_FEATURES).sort());
    for (const [feature, deps] of Object.entries(PY_LOCK_FEATURES))
      for (const dep of deps) {
        const name = normalisePyName(dep.replace(/\[.*$/, ''));
        expect(PYTHON_LOCK.features[feature], `${dep} in ${feature}`).toContain(name);
        expect(PYTHON_LOCK.packages[name]?.version, dep).toBe(PY_VERSIONS[dep]);
      }
  });

  it('closes each part over what its packages require, every package hashed', () => {
    for (const [feature, names] of Object.entries(PYTHON_LOCK.features))
      for (const n of names) {
        const pkg = PYTHON_LOCK.packages[n];
        expect(pkg, `${n} of ${feature}`).toBeDefined();
        for (const dep of pkg?.requires ?? []) expect(names, `${n} → ${dep} in ${feature}`).toContain(dep);
      }
    for (const [n, pkg] of Object.entries(PYTHON_LOCK.packages)) {
      expect(pkg.hashes.length, n).toBeGreaterThan(0);
      for (const h of pkg.hashes) expect(h, n).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('gives every one of the 1,152 dependency sets a closed requirements.txt with every hash', () => {
    let sets = 0;
    for (const framework of ['fastapi', 'flask', 'django'] as const)
      for (const rest of [false, true])
        for (const [grpc, own] of [
          [false, false],
          [true, false],
          [true, true],
        ] as const)
          for (const c of combinations(EXTRAS)) {
            const features = pyLockFeatures({ framework, rest, grpc, own, ...c, celery: false, celeryRedis: false });
            const names = pythonLockPackages(features);
            const text = pythonRequirements(features);
            sets++;
            for (const n of names) {
              for (const dep of PYTHON_LOCK.packages[n]?.requires ?? []) expect(names, `${n} → ${dep}`).toContain(dep);
              for (const h of PYTHON_LOCK.packages[n]?.hashes ?? []) expect(text).toContain(`--hash=sha256:${h}`);
            }
            const pinned = text.split('\n').filter((l) => /^[a-z]/.test(l));
            expect(pinned.length).toBe(names.length);
            // nothing the stub does not use: confluent-kafka only with Kafka, grpcio only with gRPC
            expect(names.includes('confluent-kafka')).toBe(c.kafka);
            expect(names.includes('pymongo')).toBe(c.mongodb);
            expect(names.includes('grpcio')).toBe(grpc);
            expect(names.includes('grpcio-reflection')).toBe(own);
            expect(text.includes('psycopg[binary]==')).toBe(c.postgres);
          }
    expect(sets).toBe(1152);
  });

  it('gives a Celery worker and a producer of Celery tasks a closed requirements.txt', () => {
    for (const framework of ['celery', 'fastapi'] as const)
      for (const c of combinations(EXTRAS)) {
        const features = pyLockFeatures({
          framework,
          rest: true,
          grpc: true,
          own: false,
          ...c,
          celery: true,
          celeryRedis: c.redis,
        });
        const names = pythonLockPackages(features);
        for (const n of names)
          for (const dep of PYTHON_LOCK.packages[n]?.requires ?? []) expect(names, `${n} → ${dep}`).toContain(dep);
        expect(names).toContain('celery');
        expect(names).toContain('kombu');
        expect(names.includes('packaging')).toBe(c.redis);
        expect(names.includes('fastapi')).toBe(framework === 'fastapi');
      }
  });

  it('refuses a part it has no data for, saying how to update it', () => {
    expect(() => pythonRequirements(['fastapi', 'cobol'])).toThrow(/no part cobol: run npm run locks:update/);
  });
});

describe('Locks made once per dependency set', () => {
  it('name each Node package, whatever its name, in an otherwise identical lock', () => {
    const d = nodeDeps({ grpc: true, rest: true, kafka: true } as never);
    const names = ['orders', 'we"ird $& $1 name', 'zzz', 'a\\b'];
    const locks = names.map((n) => nodeLockFor(n, d));
    locks.forEach((text, i) => {
      const lock = JSON.parse(text) as { name: string; packages: Record<string, { name?: string }> };
      expect(lock.name).toBe(names[i]);
      expect(lock.packages['']?.name).toBe(names[i]);
      // the rest is the same lock as the first package's
      expect(text.split(JSON.stringify(names[i])).join('N')).toBe(locks[0]!.split(JSON.stringify(names[0])).join('N'));
    });
  });

  it("put a Rust package's own entry where Cargo orders it, among the same packages", () => {
    const f = {
      grpc: true,
      rest: true,
      kafka: false,
      rabbitmq: false,
      redis: true,
      nats: false,
      postgres: false,
      mongodb: false,
    };
    const blocks = (text: string) =>
      [...text.matchAll(/\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    const base = blocks(cargoLock('mmm', f, true)).filter((b) => b !== 'mmm 0.1.0');
    for (const name of ['aaa', 'tokio', 'zzz', 'serde', 'mmm']) {
      const got = blocks(cargoLock(name, f, true));
      expect(got.filter((b) => b !== `${name} 0.1.0`)).toEqual(base);
      expect(got.filter((b) => b === `${name} 0.1.0`)).toHaveLength(1);
      const sorted = [...got].sort((a, b) => {
        const [an = '', av = ''] = a.split(' ');
        const [bn = '', bv = ''] = b.split(' ');
        return an !== bn ? (an < bn ? -1 : 1) : compareSemver(av, bv);
      });
      expect(got).toEqual(sorted);
    }
  });
});
