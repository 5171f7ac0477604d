import { mkdir, readdir, realpath, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathProblem } from '../core/generators/project';
import type { GeneratedFile } from '../core/generators/types';
import { inside } from './folder';

/** Whether a folder is missing or empty. */
export async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
}

/**
 * Writes files under `dir`, creating folders. Refuses any path that would land outside `dir`:
 * an unsafe relative path, or a folder inside `dir` that is a link to somewhere else.
 */
export async function writeTree(dir: string, files: readonly GeneratedFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const root = await realpath(resolve(dir));
  for (const f of files) {
    const why = pathProblem(f.path);
    if (why) throw new Error(`Refusing to write ${why}.`);
    const target = resolve(root, ...f.path.split('/'));
    if (!inside(root, target)) throw new Error(`Refusing to write outside ${dir}: ${f.path}`);
    await mkdir(dirname(target), { recursive: true });
    const parent = await realpath(dirname(target));
    if (!inside(root, parent)) throw new Error(`Refusing to write outside ${dir}: ${f.path} goes through a link.`);
    await writeFile(target, f.content, 'utf8');
  }
}
