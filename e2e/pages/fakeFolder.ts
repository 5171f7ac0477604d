import type { Page } from '@playwright/test';

/**
 * A folder on "the user's computer" for the File System Access API: Playwright cannot drive the
 * browser's native folder picker, so `window.showDirectoryPicker` is replaced by one that hands
 * out an in-memory folder implementing the same interfaces (directory and file handles, writable
 * streams, removeEntry, keys, permissions). The app's real folder code reads and writes it.
 */
export async function installFakeFolder(page: Page, name: string, files: Record<string, string>): Promise<void> {
  await page.evaluate(
    ([folderName, initial]) => {
      const store = new Map<string, string>(Object.entries(initial));
      const dirs = new Set<string>();
      const fail = (what: string, kind: string) => {
        throw new DOMException(what, kind);
      };
      const join = (dir: string, n: string) => (dir ? `${dir}/${n}` : n);
      // every folder of the initial files exists, as on a disk, until it is removed
      for (const k of store.keys()) {
        const parts = k.split('/');
        for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
      }
      const isDir = (p: string) => dirs.has(p);
      const children = (dir: string) => {
        const prefix = dir ? `${dir}/` : '';
        const names = new Set<string>();
        for (const k of [...store.keys(), ...dirs])
          if (k.startsWith(prefix) && k.length > prefix.length) names.add(k.slice(prefix.length).split('/')[0] ?? '');
        return [...names];
      };
      const fileHandle = (path: string, n: string) => ({
        kind: 'file' as const,
        name: n,
        getFile: async () => {
          const text = store.get(path);
          if (text === undefined) fail(`${path} is gone`, 'NotFoundError');
          return new File([text ?? ''], n);
        },
        createWritable: async () => {
          let next = '';
          return {
            write: async (data: string) => {
              next += data;
            },
            close: async () => {
              store.set(path, next);
            },
          };
        },
      });
      const dirHandle = (path: string, n: string): object => ({
        kind: 'directory' as const,
        name: n,
        getDirectoryHandle: async (child: string, opts?: { create?: boolean }) => {
          const p = join(path, child);
          if (store.has(p)) fail(`${p} is a file`, 'TypeMismatchError');
          if (!isDir(p)) {
            if (!opts?.create) fail(`${p} not found`, 'NotFoundError');
            dirs.add(p);
          }
          return dirHandle(p, child);
        },
        getFileHandle: async (child: string, opts?: { create?: boolean }) => {
          const p = join(path, child);
          if (isDir(p)) fail(`${p} is a folder`, 'TypeMismatchError');
          if (!store.has(p)) {
            if (!opts?.create) fail(`${p} not found`, 'NotFoundError');
            store.set(p, '');
          }
          return fileHandle(p, child);
        },
        removeEntry: async (child: string) => {
          const p = join(path, child);
          if (store.delete(p)) return;
          if (!isDir(p)) fail(`${p} not found`, 'NotFoundError');
          if (children(p).length > 0) fail(`${p} is not empty`, 'InvalidModificationError');
          dirs.delete(p);
        },
        keys: async function* () {
          yield* children(path);
        },
        queryPermission: async () => 'granted',
        requestPermission: async () => 'granted',
      });
      const w = window as unknown as Record<string, unknown>;
      w.__fakeFolder = { files: store, dirs };
      w.showDirectoryPicker = async () => dirHandle('', folderName);
    },
    [name, files] as const,
  );
}

/** The files of the fake folder now, by path (folders left empty are listed with a trailing slash). */
export async function readFakeFolder(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const f = (window as unknown as { __fakeFolder: { files: Map<string, string>; dirs: Set<string> } }).__fakeFolder;
    const out: Record<string, string> = Object.fromEntries(f.files);
    const used = (d: string) => [...f.files.keys(), ...f.dirs].some((k) => k.startsWith(`${d}/`));
    for (const d of f.dirs) if (!used(d)) out[`${d}/`] = '';
    return out;
  });
}
