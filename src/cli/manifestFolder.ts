import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import type { SourceFile } from '../core/importers/kubernetes';

/** What `polyglot-canvas import <folder>` reads: the files, where to start, and a name for the design. */
export interface ManifestFolder {
  files: SourceFile[];
  /** The kustomization to start from, relative to the files' common folder. */
  entry?: string;
  label: string;
}

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const MANIFEST = /\.(ya?ml|json)$/i;
/** More files than this in a folder of manifests is surely the wrong folder. */
const MAX_FILES = 5000;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function kustomizationIn(dir: string): Promise<string | null> {
  for (const n of KUSTOMIZATION_NAMES) if (await isFile(join(dir, n))) return join(dir, n);
  return null;
}

/** Whether a folder (or a kustomization file) holds Kubernetes manifests rather than an exported project. */
export async function isManifestFolder(path: string): Promise<boolean> {
  if (KUSTOMIZATION_NAMES.includes(basename(path))) return isFile(path);
  try {
    if (!(await stat(path)).isDirectory()) return false;
  } catch {
    return false;
  }
  if (await isFile(join(path, 'polyglot.design.json'))) return false;
  if (await kustomizationIn(path)) return true;
  return (await manifestFiles(path)).length > 0;
}

/** Every .yaml, .yml and .json file under a folder, hidden folders and node_modules left out. */
async function manifestFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && MANIFEST.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter(
      (p) =>
        !relative(dir, p)
          .split(sep)
          .some((part) => part.startsWith('.') || part === 'node_modules'),
    );
}

/**
 * Reads a folder of manifests. With a kustomization, the files it reads, followed through the
 * folders its resources name (an overlay's `../../base` too), named from their common folder;
 * without one, every manifest file under the folder.
 */
export async function readManifestFolder(path: string): Promise<ManifestFolder> {
  const dir = KUSTOMIZATION_NAMES.includes(basename(path)) ? dirname(path) : path;
  const label = basename(resolve(dir));
  const top = await kustomizationIn(dir);
  if (!top) {
    const paths = await manifestFiles(dir);
    if (paths.length > MAX_FILES)
      throw new Error(
        `${dir} holds ${paths.length} manifest files, more than ${MAX_FILES}: choose the folder of one application.`,
      );
    const files = await Promise.all(
      paths.map(async (p) => ({ name: relative(dir, p).split(sep).join('/'), text: await readFile(p, 'utf8') })),
    );
    return { files, label };
  }
  // the kustomizations reachable from the top one, and every file they name
  const paths = new Set<string>();
  const seen = new Set<string>();
  const queue = [top];
  while (queue.length > 0 && paths.size <= MAX_FILES) {
    const k = queue.shift() as string;
    if (seen.has(k)) continue;
    seen.add(k);
    paths.add(k);
    let doc: unknown;
    try {
      doc = parse(await readFile(k, 'utf8'), { uniqueKeys: false });
    } catch {
      continue; // the import names the broken file with its line
    }
    const at = dirname(k);
    for (const rel of namedFiles(doc)) {
      const target = resolve(at, rel);
      if (await isFile(target)) paths.add(target);
      else {
        const nested = await kustomizationIn(target);
        if (nested) queue.push(nested);
      }
    }
  }
  const list = [...paths];
  const base = list.reduce((common, p) => commonFolder(common, dirname(p)), dirname(top));
  const files = await Promise.all(
    list.map(async (p) => ({ name: relative(base, p).split(sep).join('/'), text: await readFile(p, 'utf8') })),
  );
  return { files, entry: relative(base, top).split(sep).join('/'), label };
}

/** The local paths a kustomization names: resources, bases, patches and generator inputs. */
function namedFiles(doc: unknown): string[] {
  if (typeof doc !== 'object' || doc === null) return [];
  const k = doc as Record<string, unknown>;
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && !/^[a-z][a-z0-9+.-]*:\/\/|^(github\.com|gitlab\.com|bitbucket\.org)\//i.test(v))
      out.push(v);
  };
  for (const r of [...list(k.resources), ...list(k.bases), ...list(k.patchesStrategicMerge)]) add(r);
  for (const p of [...list(k.patches), ...list(k.patchesJson6902)])
    if (typeof p === 'object' && p !== null) add((p as { path?: unknown }).path);
  for (const g of [...list(k.configMapGenerator), ...list(k.secretGenerator)]) {
    if (typeof g !== 'object' || g === null) continue;
    const gen = g as Record<string, unknown>;
    for (const e of list(gen.envs)) add(e);
    add(gen.env);
    for (const f of list(gen.files)) if (typeof f === 'string') add(f.includes('=') ? f.slice(f.indexOf('=') + 1) : f);
  }
  return out;
}

function commonFolder(a: string, b: string): string {
  const x = resolve(a).split(sep);
  const y = resolve(b).split(sep);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return x.slice(0, i).join(sep) || sep;
}

/** Files given one by one, named by their paths from the folder they share (so that names stay apart). */
export function namedFromCommonFolder(paths: readonly string[], texts: readonly string[]): SourceFile[] {
  const base = paths.reduce((common, p) => commonFolder(common, dirname(p)), dirname(paths[0] ?? '.'));
  return paths.map((p, i) => ({ name: relative(base, resolve(p)).split(sep).join('/'), text: texts[i] ?? '' }));
}
