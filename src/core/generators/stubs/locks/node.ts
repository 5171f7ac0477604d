import union from './node.lock.json';

/**
 * One entry of `packages` in an npm lockfile (version 3): the fields npm writes for a registry
 * package. `dev`, `optional` and `devOptional` are not stored: they depend on the dependency set
 * and are computed when a lock is derived.
 */
export interface NodeLockEntry {
  version: string;
  /** Absent: the lock names no registry, npm fetches from the configured one and checks `integrity`. */
  resolved?: string;
  integrity: string;
  license?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  engines?: Record<string, string>;
  bin?: Record<string, string>;
  funding?: unknown;
  os?: string[];
  cpu?: string[];
  deprecated?: string;
  hasInstallScript?: boolean;
}

/**
 * The lock of every package a Node stub can need: one `npm install --package-lock-only` of all of
 * NODE_VERSIONS together (`npm run locks:update`). `direct` records the versions it was made for.
 */
export interface NodeUnionLock {
  direct: Record<string, string>;
  packages: Record<string, NodeLockEntry>;
}

export const NODE_UNION_LOCK: NodeUnionLock = union;

/** The folder of `node_modules/a/node_modules/b` that holds it, '' for the top level. */
function parentOf(path: string): string {
  const i = path.lastIndexOf('/node_modules/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Node's lookup: `name` required from the package at `from` (or the root, ''). */
export function resolveIn(packages: Record<string, unknown>, from: string, name: string): string | undefined {
  for (let dir = from; ; dir = parentOf(dir)) {
    const at = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (at in packages) return at;
    if (dir === '') return undefined;
  }
}

interface Edge {
  name: string;
  optional: boolean;
}

function edges(e: NodeLockEntry): Edge[] {
  const out: Edge[] = [];
  for (const name of Object.keys(e.dependencies ?? {})) out.push({ name, optional: false });
  for (const name of Object.keys(e.optionalDependencies ?? {})) out.push({ name, optional: true });
  for (const name of Object.keys(e.peerDependencies ?? {}))
    out.push({ name, optional: e.peerDependenciesMeta?.[name]?.optional === true });
  return out;
}

/**
 * Everything reachable from `roots` (names required by the project), following optional edges
 * only when `withOptional`. An optional edge whose package is not in the lock (an optional peer
 * nobody installs, a platform package) is skipped; a required one that is missing is an error.
 */
function reach(packages: Record<string, NodeLockEntry>, roots: readonly string[], withOptional: boolean): Set<string> {
  const seen = new Set<string>();
  const todo: [string, Edge][] = roots.map((name) => ['', { name, optional: false }]);
  for (let item = todo.pop(); item; item = todo.pop()) {
    const [from, edge] = item;
    if (edge.optional && !withOptional) continue;
    const at = resolveIn(packages, from, edge.name);
    if (!at) {
      if (edge.optional) continue;
      throw new Error(
        `the Node lock has no ${edge.name} (required by ${from || 'the stub'}): run npm run locks:update`,
      );
    }
    if (seen.has(at)) continue;
    seen.add(at);
    const entry = packages[at];
    if (entry) for (const e of edges(entry)) todo.push([at, e]);
  }
  return seen;
}

/**
 * `package-lock.json` for a stub with these dependencies: the union lock pruned to what its
 * dependencies reach, with npm's dev/optional flags computed for this set (`npm ci` accepts it:
 * every path resolves as in the union tree, which npm wrote).
 */
export function nodePackageLock(name: string, version: string, root: LockRoot): string {
  // the same dependencies give the same lock but for the name: made once, the name put in
  const key = JSON.stringify([version, root]);
  let lock = locks.get(key);
  if (lock === undefined) locks.set(key, (lock = packageLock(NAME_SLOT, version, root)));
  const named = JSON.stringify(name);
  return lock.replaceAll(QUOTED_SLOT, () => named);
}

/** What package.json says of the package's dependencies (and engines). */
export interface LockRoot {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines?: Record<string, string>;
}

/** Stands for the package's name in a kept lock: JSON writes it escaped, so no other text is it. */
const NAME_SLOT = '\u0001name\u0001';
const QUOTED_SLOT = JSON.stringify(NAME_SLOT);
const locks = new Map<string, string>();

function packageLock(name: string, version: string, root: LockRoot): string {
  const { packages, direct } = NODE_UNION_LOCK;
  for (const [dep, v] of Object.entries({ ...root.dependencies, ...root.devDependencies }))
    if (direct[dep] !== v)
      throw new Error(
        `the Node lock was made for ${dep}@${direct[dep] ?? '(none)'}, not ${v}: run npm run locks:update`,
      );
  const prodRoots = Object.keys(root.dependencies);
  const allRoots = [...prodRoots, ...Object.keys(root.devDependencies)];
  const prodAny = reach(packages, prodRoots, true);
  const prodRequired = reach(packages, prodRoots, false);
  const anyRequired = reach(packages, allRoots, false);
  const all = reach(packages, allRoots, true);
  const out: Record<string, unknown> = {
    '': { name, version, ...root },
  };
  for (const [path, entry] of Object.entries(packages)) {
    if (!all.has(path)) continue;
    const dev = !prodAny.has(path);
    const optional = !anyRequired.has(path);
    const devOptional = !prodRequired.has(path) && !dev && !optional;
    const { version: v, resolved, integrity, ...rest } = entry;
    out[path] = {
      version: v,
      ...(resolved ? { resolved } : {}),
      integrity,
      ...(dev ? { dev: true } : {}),
      ...(optional ? { optional: true } : {}),
      ...(devOptional ? { devOptional: true } : {}),
      ...rest,
    };
  }
  return `${JSON.stringify({ name, version, lockfileVersion: 3, requires: true, packages: out }, null, 2)}\n`;
}
