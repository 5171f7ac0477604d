import type { Budget } from '../budget';
import { isObj, put, type Obj } from '../compose/parse';
import { dirOf, normalisePath } from '../documents/parse';
import { readYamlDocuments } from '../yamlRead';

/**
 * The manifests of a folder: every YAML or JSON file in it, or, when the folder has a
 * kustomization, the resources the kustomization lists (folders with their own kustomization
 * too), with the parts of a kustomization that change what a design sees applied: `images`,
 * `replicas`, `configMapGenerator` and `secretGenerator`. What it does not apply (patches, name
 * prefixes, components, remote resources…) is named in a warning that points to
 * `kubectl kustomize`, whose output imports exactly.
 */

/** A file of the folder: its path relative to the folder ('/' separated) and its text. */
export interface SourceFile {
  name: string;
  text: string;
}

const KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;
const MANIFEST = /\.(ya?ml|json)$/i;

/** Keys of a kustomization read here, and the harmless ones that change nothing a design holds. */
const APPLIED = new Set([
  'apiVersion',
  'kind',
  'resources',
  'bases',
  'images',
  'replicas',
  'configMapGenerator',
  'secretGenerator',
]);
const NO_EFFECT = new Set([
  'metadata',
  'commonLabels',
  'labels',
  'commonAnnotations',
  'generatorOptions',
  'buildMetadata',
  'sortOptions',
]);

/** The folder part of a path ('' at the root). */
const join = (dir: string, rel: string) => normalisePath(dir ? `${dir}/${rel}` : rel);

/** The shortest path first, then by name: the folder's own kustomization is the one nearest its root. */
const byDepth = (a: string, b: string) => a.split('/').length - b.split('/').length || a.localeCompare(b);

export type ManifestSet = { ok: true; objects: Obj[] } | { ok: false; error: string };

/**
 * Reads the manifests of several files (a folder, or files chosen together) into objects, in the
 * order `kubectl kustomize` or `kubectl apply -f <folder>` would take them. A file that cannot be
 * read refuses the whole set, with the file's name in the message. `entry` names the
 * kustomization to start from, when the caller knows it.
 */
export function readManifestSet(
  files: readonly SourceFile[],
  budget: Budget,
  warn: (w: string) => void,
  entry?: string,
): ManifestSet {
  const byPath = new Map<string, SourceFile>();
  for (const f of files) {
    const p = normalisePath(f.name);
    if (p !== null) byPath.set(p, f);
  }
  /** The files a kustomization reads, so that the others can be named. */
  const used = new Set<string>();
  let total = 0;
  for (const f of byPath.values()) total += f.text.length;
  if (total > budget.limits.bytes)
    return {
      ok: false,
      error: budget.exceeded('bytes', `The files hold ${Math.ceil(total / 1024).toLocaleString('en-US')} KiB`).message,
    };

  // each file is read once, however many kustomizations look at it
  const reads = new Map<string, { ok: true; roots: Obj[] } | { ok: false; error: string }>();
  const read = (path: string): { ok: true; roots: Obj[] } | { ok: false; error: string } => {
    const known = reads.get(path);
    if (known) return known;
    const r = readYamlDocuments(byPath.get(path)?.text ?? '', budget);
    const out = r.ok
      ? { ok: true as const, roots: objectsOf(r.roots) }
      : { ok: false as const, error: `${path}: ${r.error}` };
    reads.set(path, out);
    return out;
  };

  const kustomizations = [...byPath.keys()].filter((p) => KUSTOMIZATION.test(p)).sort(byDepth);
  if (entry !== undefined) {
    if (!byPath.has(entry)) return { ok: false, error: `There is no kustomization at ${entry}.` };
    return readKustomization(entry);
  }
  const first = kustomizations[0];
  if (first === undefined) return readAll();
  if (dirOf(first) === '') return readKustomization(first);
  // no kustomization at the top: the one no other includes (an overlay over its base)
  const included = new Set<string>();
  for (const k of kustomizations) {
    const r = read(k);
    if (!r.ok) return r;
    for (const e of [...asList(r.roots[0]?.resources), ...asList(r.roots[0]?.bases)])
      if (typeof e === 'string') {
        const t = join(dirOf(k), e);
        if (t !== null) included.add(t);
      }
  }
  const tops = kustomizations.filter((k) => !included.has(dirOf(k)));
  if (tops.length === 1 && tops[0] !== undefined) return readKustomization(tops[0]);
  return {
    ok: false,
    error: `The folder has several kustomizations that none other includes (${list(
      tops.map(dirOf),
    )}), so which manifests it means is not clear: import the folder of the one you mean (on the command line, \`polyglot-canvas import <folder>\`), or import the output of \`kubectl kustomize <folder>\`.`,
  };

  function readAll(): ManifestSet {
    const objects: Obj[] = [];
    const skipped: string[] = [];
    for (const path of [...byPath.keys()].filter((p) => MANIFEST.test(p)).sort(byDepth)) {
      const r = read(path);
      if (!r.ok) return r;
      const manifests = r.roots.filter(isManifest);
      if (manifests.length === 0) skipped.push(path);
      objects.push(...manifests);
    }
    if (skipped.length > 0)
      warn(`Files that hold no Kubernetes object (no apiVersion and kind) were left out: ${list(skipped)}.`);
    return { ok: true, objects };
  }

  function readKustomization(top: string): ManifestSet {
    const objects: Obj[] = [];
    const visiting = new Set<string>();
    const unapplied = new Map<string, Set<string>>();
    const visit = (file: string): string | null => {
      const dir = dirOf(file);
      if (visiting.has(dir))
        return `${file} includes itself through its resources (a loop), so the folder was not imported.`;
      visiting.add(dir);
      used.add(file);
      const r = read(file);
      if (!r.ok) return r.error;
      const k = r.roots[0] ?? {};
      // a patch is named among the parts not applied, not again among the files left out
      for (const patch of [...asList(k.patches), ...asList(k.patchesStrategicMerge), ...asList(k.patchesJson6902)]) {
        const rel =
          typeof patch === 'string' ? patch : isObj(patch) && typeof patch.path === 'string' ? patch.path : null;
        const t = rel === null ? null : join(dir, rel);
        if (t !== null) used.add(t);
      }
      for (const key of Object.keys(k))
        if (!APPLIED.has(key) && !NO_EFFECT.has(key)) unapplied.set(key, (unapplied.get(key) ?? new Set()).add(file));
      const from = objects.length;
      const entries = [...asList(k.resources), ...asList(k.bases)];
      for (const entry of entries) {
        if (typeof entry !== 'string') continue;
        if (/^[a-z][a-z0-9+.-]*:\/\/|^(github\.com|gitlab\.com|bitbucket\.org)\//i.test(entry)) {
          warn(`${file}: the remote resource ${entry} was not fetched; import its manifests on their own.`);
          continue;
        }
        const target = join(dir, entry);
        if (target === null) {
          warn(`${file}: the resource ${entry} lies outside the folder; it was left out.`);
          continue;
        }
        if (byPath.has(target) && !KUSTOMIZATION.test(target)) {
          used.add(target);
          const res = read(target);
          if (!res.ok) return res.error;
          objects.push(...res.roots.filter(isManifest));
          continue;
        }
        const nested = ['kustomization.yaml', 'kustomization.yml', 'Kustomization']
          .map((n) => (target ? `${target}/${n}` : n))
          .find((p) => byPath.has(p));
        if (nested) {
          const why = visit(nested);
          if (why) return why;
        } else if ([...byPath.keys()].some((p) => p.startsWith(`${target}/`)))
          warn(`${file}: the resource ${entry} is a folder without a kustomization; it was left out.`);
        else warn(`${file}: the resource ${entry} is not in the folder; it was left out.`);
      }
      const generated = [
        ...generate(k.configMapGenerator, 'ConfigMap', dir, file),
        ...generate(k.secretGenerator, 'Secret', dir, file),
      ];
      objects.push(...generated);
      applyImages(objects.slice(from), k.images);
      applyReplicas(objects.slice(from), k.replicas);
      visiting.delete(dir);
      return null;
    };
    const why = visit(top);
    if (why) return { ok: false, error: why };
    const unused = [...byPath.keys()].filter((p) => MANIFEST.test(p) && !KUSTOMIZATION.test(p) && !used.has(p));
    if (unused.length > 0) warn(`Files the kustomization does not list were left out: ${list(unused)}.`);
    if (unapplied.size > 0)
      warn(
        `Parts of the kustomization were not applied: ${[...unapplied]
          .map(([key, where]) => `${key} (${list([...where])})`)
          .join(
            ', ',
          )}. For the exact manifests, run \`kubectl kustomize ${dirOf(top) || '.'} > manifests.yaml\` and import that file.`,
      );
    return { ok: true, objects };
  }

  /** ConfigMaps and Secrets of a generator: `literals`, `envs` (KEY=value lines) and `files`. */
  function generate(v: unknown, kind: 'ConfigMap' | 'Secret', dir: string, file: string): Obj[] {
    const out: Obj[] = [];
    for (const g of asList(v)) {
      if (!isObj(g) || typeof g.name !== 'string') continue;
      const data: Obj = {};
      // own keys only: a generator's `__proto__=x` is a key like any other
      const set = (key: string, value: string) => put(data, key, value);
      for (const lit of asList(g.literals)) if (typeof lit === 'string') keyValue(lit, set);
      for (const env of [...asList(g.envs), ...(typeof g.env === 'string' ? [g.env] : [])]) {
        if (typeof env !== 'string') continue;
        const text = textOf(join(dir, env));
        if (text === null) warn(`${file}: ${g.name} reads ${env}, which is not in the folder; its values are missing.`);
        else
          // as kustomize reads an env file: leading blanks of a line dropped, the value after the
          // first `=` kept as it is (spaces and quotes included)
          for (const line of text.split(/\r?\n/)) {
            const t = line.trimStart();
            if (t && !t.startsWith('#')) keyValue(t, set);
          }
      }
      for (const f of asList(g.files)) {
        if (typeof f !== 'string') continue;
        const eq = f.indexOf('=');
        const key = eq >= 0 ? f.slice(0, eq) : (f.split('/').pop() ?? f);
        const rel = eq >= 0 ? f.slice(eq + 1) : f;
        const text = textOf(join(dir, rel));
        if (text === null) warn(`${file}: ${g.name} reads ${rel}, which is not in the folder; its value is missing.`);
        else set(key, text);
      }
      out.push({
        apiVersion: 'v1',
        kind,
        metadata: { name: g.name },
        [kind === 'Secret' ? 'stringData' : 'data']: data,
      });
    }
    return out;
  }

  function textOf(path: string | null): string | null {
    if (path !== null) used.add(path);
    return path === null ? null : (byPath.get(path)?.text ?? null);
  }
}

/** The objects of a file's documents, the items of a `List` in its place. */
export function objectsOf(roots: readonly unknown[]): Obj[] {
  const objects: Obj[] = [];
  for (const root of roots) {
    if (!isObj(root)) continue;
    if (root.kind === 'List' && Array.isArray(root.items)) objects.push(...root.items.filter(isObj));
    else objects.push(root);
  }
  return objects;
}

const isManifest = (o: Obj) => typeof o.kind === 'string' && typeof o.apiVersion === 'string';
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const list = (names: string[]) =>
  names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');

function keyValue(line: string, set: (k: string, v: string) => void): void {
  const eq = line.indexOf('=');
  if (eq > 0) set(line.slice(0, eq).trim(), line.slice(eq + 1));
}

/** `images: [{name, newName, newTag, digest}]` on every container of the objects. */
function applyImages(objects: Obj[], images: unknown): void {
  const rules = asList(images).filter(isObj);
  if (rules.length === 0) return;
  for (const c of containersOf(objects)) {
    if (typeof c.image !== 'string') continue;
    const { repo, tag } = splitImage(c.image);
    const rule = rules.find((r) => r.name === repo);
    if (!rule) continue;
    const name = typeof rule.newName === 'string' ? rule.newName : repo;
    c.image =
      typeof rule.digest === 'string'
        ? `${name}@${rule.digest}`
        : typeof rule.newTag === 'string' || typeof rule.newTag === 'number'
          ? `${name}:${String(rule.newTag)}`
          : `${name}${tag}`;
  }
}

/** `repo:tag` or `repo@digest` → the repository and the rest (with its `:` or `@`). */
function splitImage(image: string): { repo: string; tag: string } {
  const at = image.indexOf('@');
  if (at >= 0) return { repo: image.slice(0, at), tag: image.slice(at) };
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/')
    ? { repo: image.slice(0, colon), tag: image.slice(colon) }
    : { repo: image, tag: '' };
}

function applyReplicas(objects: Obj[], replicas: unknown): void {
  for (const r of asList(replicas).filter(isObj)) {
    if (typeof r.name !== 'string' || typeof r.count !== 'number') continue;
    for (const o of objects)
      if (isObj(o.metadata) && o.metadata.name === r.name && isObj(o.spec) && o.kind !== 'Job' && o.kind !== 'CronJob')
        o.spec.replicas = r.count;
  }
}

function containersOf(objects: Obj[]): Obj[] {
  const out: Obj[] = [];
  const podSpecs = (o: Obj): unknown[] => {
    const spec = isObj(o.spec) ? o.spec : {};
    if (o.kind === 'Pod') return [spec];
    const job =
      o.kind === 'CronJob' && isObj(spec.jobTemplate) && isObj(spec.jobTemplate.spec) ? spec.jobTemplate.spec : spec;
    return [isObj(job.template) ? job.template.spec : undefined];
  };
  for (const o of objects)
    for (const pod of podSpecs(o))
      if (isObj(pod))
        for (const c of [...asList(pod.containers), ...asList(pod.initContainers)]) if (isObj(c)) out.push(c);
  return out;
}
