import { lstat, mkdir, readFile, readdir, realpath, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { pathProblem } from '../core/generators/project';
import { BINARY, type DiskFile } from '../core/record/plan';
import type { ProjectFolder } from '../core/record/update';

/** Whether `child` is `root` itself or lies inside it. */
export function inside(root: string, child: string): boolean {
  return child === root || child.startsWith(root.endsWith(sep) ? root : root + sep);
}

const missing = (e: unknown) => ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '');

/**
 * A project folder on disk that reads, writes and deletes only inside itself: a path with `..`,
 * an absolute path, or a file or folder that is a symbolic link is refused with an error (before
 * anything is read through it), so a manifest or a link cannot make an update touch another file.
 */
export class DiskFolder implements ProjectFolder {
  private constructor(
    readonly dir: string,
    private readonly root: string,
  ) {}

  /** The folder at `dir`, made when missing. */
  static async open(dir: string): Promise<DiskFolder> {
    await mkdir(dir, { recursive: true });
    return new DiskFolder(dir, await realpath(resolve(dir)));
  }

  /** Where `path` is on disk, after checking that no part of it leaves the folder or is a link. */
  private async locate(path: string): Promise<string> {
    const why = pathProblem(path);
    if (why) throw new Error(`Refusing ${why}: it is not a path inside ${this.dir}.`);
    const segments = path.split('/');
    let at = this.root;
    for (const seg of segments) {
      at = resolve(at, seg);
      if (!inside(this.root, at)) throw new Error(`Refusing ${path}: it leads outside ${this.dir}.`);
      try {
        if ((await lstat(at)).isSymbolicLink())
          throw new Error(`Refusing ${path}: ${at} is a symbolic link, and an update never writes through one.`);
      } catch (e) {
        if (missing(e)) break;
        throw e;
      }
    }
    return resolve(this.root, ...segments);
  }

  async read(path: string): Promise<DiskFile> {
    if (pathProblem(path)) return null; // the planner reports the path; nothing is read through it
    const target = await this.locate(path);
    let bytes: Buffer;
    try {
      bytes = await readFile(target);
    } catch (e) {
      if (missing(e) || (e as NodeJS.ErrnoException).code === 'EISDIR') return null;
      throw e;
    }
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return BINARY;
    }
  }

  async write(path: string, content: string): Promise<void> {
    const target = await this.locate(path);
    await mkdir(dirname(target), { recursive: true });
    // made just now: check again that no folder on the way is a link
    await this.locate(path);
    await writeFile(target, content, 'utf8');
  }

  /** Deletes a file, and then the folders it leaves empty (never the project folder itself). */
  async remove(path: string): Promise<void> {
    const target = await this.locate(path);
    await unlink(target);
    for (let dir = dirname(target); dir !== this.root && inside(this.root, dir); dir = dirname(dir)) {
      if ((await readdir(dir)).length > 0) break;
      await rmdir(dir);
    }
  }
}
