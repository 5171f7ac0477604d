import data from './go.lock.json';

/**
 * The Go lock data (`npm run locks:update`): for each feature of a stub, the module requirements
 * and go.sum lines of `go mod tidy` of a module importing that feature's packages, every module at
 * the version the whole set of features selects. A stub's go.mod and go.sum are the union over its
 * features: the versions are the same in every feature, so their union is a module graph in which
 * minimum version selection picks exactly the listed versions (`go build -mod=readonly` accepts it).
 */
export interface GoLockData {
  go: string;
  /** The pinned direct modules the data was made for (GO_MODULES). */
  direct: Record<string, string>;
  /**
   * Per feature: the `go` line tidy wrote (the newest a required module asks for), the
   * `module version` requirements and the keys of `sums` its go.sum holds.
   */
  features: Record<string, { go: string; require: string[]; sum: string[] }>;
  /** `module version` or `module version/go.mod` → its `h1:` hash. */
  sums: Record<string, string>;
}

export const GO_LOCK = data as GoLockData;

/** Orders Go versions (`v1.2.3`, `v0.0.0-2024…-abc` pseudo-versions, `1.26.0` go lines) as Go does. */
export function compareGoVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core = '', ...pre] = v.replace(/^v/, '').split('-');
    return { nums: core.split('.').map(Number), pre: pre.join('-') };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    // a go line's missing patch (`1.26`) is older than any `1.26.x` release
    const p = x.nums[i] ?? -1;
    const q = y.nums[i] ?? -1;
    if (p !== q) return p - q;
  }
  if (x.pre === y.pre) return 0;
  if (!x.pre) return 1;
  if (!y.pre) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** go.sum's order: by module path, then version, `v1.0.0` before `v1.0.0/go.mod`. */
export function compareGoSumKeys(a: string, b: string): number {
  const [am = '', av = ''] = a.split(' ');
  const [bm = '', bv = ''] = b.split(' ');
  if (am !== bm) return am < bm ? -1 : 1;
  const ac = av.replace(/\/go\.mod$/, '');
  const bc = bv.replace(/\/go\.mod$/, '');
  const c = compareGoVersions(ac, bc);
  if (c !== 0) return c;
  return av.length - bv.length;
}

/**
 * The `go` line, requirements and go.sum of a stub with these lock features (see
 * GO_FEATURE_IMPORTS); `go` is at least `minimum`.
 */
export function goLock(features: readonly string[], minimum: string): GoLock {
  // the same features give the same lock: worked out once per export worker or process
  const key = JSON.stringify([features, minimum]);
  let lock = goLocks.get(key);
  if (!lock) goLocks.set(key, (lock = goLockOf(features, minimum)));
  return lock;
}

/** A go.mod's `go` line and requirements (sorted by module) and its go.sum. */
export interface GoLock {
  readonly go: string;
  readonly require: readonly (readonly [string, string])[];
  readonly sum: string;
}

const goLocks = new Map<string, GoLock>();

function goLockOf(features: readonly string[], minimum: string): GoLock {
  let go = minimum;
  const require = new Map<string, string>();
  const sums = new Set<string>();
  for (const f of features) {
    const entry = GO_LOCK.features[f];
    if (!entry) throw new Error(`the Go lock has no feature ${f}: run npm run locks:update`);
    if (compareGoVersions(entry.go, go) > 0) go = entry.go;
    for (const r of entry.require) {
      const [m, v] = r.split(' ') as [string, string];
      require.set(m, v);
    }
    for (const s of entry.sum) sums.add(s);
  }
  const sum = [...sums]
    .sort(compareGoSumKeys)
    .map((k) => `${k} ${GO_LOCK.sums[k] ?? ''}\n`)
    .join('');
  return { go, require: [...require].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), sum };
}
