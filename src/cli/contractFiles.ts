import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { referencedFiles } from '../core/importers/contracts';
import { exists } from './io';

/** The most files one import reads (the given ones and what they reference). */
const MAX_FILES = 2000;

const posix = (p: string) => p.split(sep).join('/');
const isProto = (p: string) => /\.proto$/i.test(p);

/** The folders from `dir` up to the file system's root. */
function ancestors(dir: string): string[] {
  const out = [dir];
  for (let d = dir; dirname(d) !== d; d = dirname(d)) out.push(dirname(d));
  return out;
}

/**
 * The root `.proto` imports are relative to: the folder given, else the nearest folder with a
 * buf configuration, else the nearest one under which every import of the file exists, else the
 * file's own folder.
 */
async function protoRoot(file: string, text: string, given?: string): Promise<string> {
  if (given) return resolve(given);
  const dirs = ancestors(dirname(file));
  for (const d of dirs) if ((await exists(join(d, 'buf.yaml'))) || (await exists(join(d, 'buf.work.yaml')))) return d;
  const imports = referencedFiles(file, text).imports;
  if (imports.length > 0)
    for (const d of dirs) {
      const found = await Promise.all(imports.map((i) => exists(join(d, i))));
      if (found.every(Boolean)) return d;
    }
  return dirname(file);
}

/** The deepest folder every path lies in. */
function commonDir(paths: readonly string[]): string {
  let dir = dirname(paths[0] ?? '.');
  while (!paths.every((p) => p === dir || p.startsWith(dir.endsWith(sep) ? dir : dir + sep))) dir = dirname(dir);
  return dir;
}

export type Gathered = { ok: true; files: Record<string, string>; added: string[] } | { ok: false; error: string };

/**
 * Reads contract files and the files they reference from disk: a `.proto` file's imports under
 * its root, a document's `$ref`s next to it. Keys are what the importer matches by: `.proto`
 * paths from the proto root, documents' paths from the folder they all lie in.
 */
export async function gatherContractFiles(paths: readonly string[], protoPath?: string): Promise<Gathered> {
  const files: Record<string, string> = {};
  const added: string[] = [];
  const read = async (abs: string) => readFile(abs, 'utf8');
  const given = paths.map((p) => resolve(p));
  const protos = given.filter(isProto);
  const docs = given.filter((p) => !isProto(p));
  const texts = new Map<string, string>();
  for (const p of given) {
    try {
      texts.set(p, await read(p));
    } catch (e) {
      return { ok: false, error: `cannot read ${relative(process.cwd(), p) || p}: ${(e as Error).message}` };
    }
  }
  if (protos.length > 0) {
    const root = await protoRoot(protos[0] ?? '', texts.get(protos[0] ?? '') ?? '', protoPath);
    const queue = [...protos];
    const seen = new Set(queue);
    while (queue.length > 0 && seen.size <= MAX_FILES) {
      const abs = queue.shift() ?? '';
      const rel = posix(relative(root, abs));
      if (rel.startsWith('..'))
        return {
          ok: false,
          error: `${abs} is outside the proto path ${root}; pass --proto-path with the folder imports start from.`,
        };
      const text = texts.get(abs) ?? (await read(abs));
      files[rel] = text;
      for (const imp of referencedFiles(rel, text).imports) {
        const next = join(root, imp);
        if (seen.has(next) || !(await exists(next))) continue;
        seen.add(next);
        added.push(posix(relative(process.cwd(), next)));
        queue.push(next);
      }
    }
  }
  if (docs.length > 0) {
    const queue = [...docs];
    const seen = new Set(queue);
    const loaded = new Map<string, string>();
    while (queue.length > 0 && seen.size <= MAX_FILES) {
      const abs = queue.shift() ?? '';
      const text = texts.get(abs) ?? (await read(abs));
      loaded.set(abs, text);
      for (const ref of referencedFiles(abs, text).refs) {
        const next = resolve(dirname(abs), ref);
        if (seen.has(next) || !/\.(ya?ml|json)$/i.test(next) || !(await exists(next))) continue;
        seen.add(next);
        added.push(posix(relative(process.cwd(), next)));
        queue.push(next);
      }
    }
    const base = commonDir([...loaded.keys()]);
    for (const [abs, text] of loaded) files[posix(relative(base, abs))] = text;
  }
  return { ok: true, files, added };
}
