import { pathProblem } from '../core/generators/project';
import { BINARY, type DiskFile } from '../core/record/plan';
import type { ProjectFolder } from '../core/record/update';

/**
 * A project folder on the user's computer through the File System Access API (Chromium): the
 * browser's side of what `DiskFolder` is for the command line. Paths are checked before use; the
 * API itself keeps every handle inside the folder the user picked.
 */

const isMissing = (e: unknown) =>
  e instanceof DOMException && (e.name === 'NotFoundError' || e.name === 'TypeMismatchError');

function segmentsOf(path: string): string[] {
  const why = pathProblem(path);
  if (why) throw new Error(`Refusing ${why}: it is not a path inside the project folder.`);
  return path.split('/');
}

/** A picked folder as the update planner reads it, and as the update writes it. */
export class HandleFolder implements ProjectFolder {
  constructor(readonly root: FileSystemDirectoryHandle) {}

  /** The folder holding `path`'s last segment; null when a folder on the way is missing. */
  private async parent(segments: readonly string[], create: boolean): Promise<FileSystemDirectoryHandle | null> {
    let dir = this.root;
    for (const seg of segments.slice(0, -1)) {
      try {
        dir = await dir.getDirectoryHandle(seg, { create });
      } catch (e) {
        if (!create && isMissing(e)) return null;
        throw e;
      }
    }
    return dir;
  }

  async read(path: string): Promise<DiskFile> {
    if (pathProblem(path)) return null; // the planner reports it; nothing is read through it
    const segments = segmentsOf(path);
    const dir = await this.parent(segments, false);
    if (!dir) return null;
    let file: File;
    try {
      file = await (await dir.getFileHandle(segments[segments.length - 1] ?? '')).getFile();
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await file.arrayBuffer());
    } catch {
      return BINARY;
    }
  }

  async write(path: string, content: string): Promise<void> {
    const segments = segmentsOf(path);
    const dir = await this.parent(segments, true);
    const handle = await (dir ?? this.root).getFileHandle(segments[segments.length - 1] ?? '', { create: true });
    const out = await handle.createWritable();
    await out.write(content);
    await out.close();
  }

  /** Deletes a file, and then the folders it leaves empty (never the project folder itself). */
  async remove(path: string): Promise<void> {
    const segments = segmentsOf(path);
    const chain: FileSystemDirectoryHandle[] = [this.root];
    for (const seg of segments.slice(0, -1)) {
      try {
        chain.push(await (chain[chain.length - 1] as FileSystemDirectoryHandle).getDirectoryHandle(seg));
      } catch (e) {
        if (isMissing(e)) return;
        throw e;
      }
    }
    await (chain[chain.length - 1] as FileSystemDirectoryHandle).removeEntry(segments[segments.length - 1] ?? '');
    for (let i = chain.length - 1; i > 0; i--) {
      if (!(await isEmpty(chain[i] as FileSystemDirectoryHandle))) break;
      await (chain[i - 1] as FileSystemDirectoryHandle).removeEntry(segments[i - 1] ?? '');
    }
  }

  /** Whether the folder holds nothing at all. */
  isEmpty(): Promise<boolean> {
    return isEmpty(this.root);
  }
}

async function isEmpty(dir: FileSystemDirectoryHandle): Promise<boolean> {
  const entries = (dir as unknown as { keys(): AsyncIterableIterator<string> }).keys();
  return (await entries.next()).done === true;
}
