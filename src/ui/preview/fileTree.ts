import type { GeneratedFile } from '../../core';

export interface TreeRow {
  /** Full path of the file or folder. */
  path: string;
  name: string;
  depth: number;
  folder: boolean;
}

/**
 * Flattens file paths into the visible rows of a tree: folders first, then files, each sorted by
 * name; the children of a collapsed folder are left out.
 */
export function treeRows(files: readonly GeneratedFile[], collapsed: ReadonlySet<string>): TreeRow[] {
  interface Dir {
    dirs: Map<string, Dir>;
    files: string[];
  }
  const root: Dir = { dirs: new Map(), files: [] };
  for (const f of files) {
    const parts = f.path.split('/');
    let d = root;
    for (const p of parts.slice(0, -1)) {
      let next = d.dirs.get(p);
      if (!next) {
        next = { dirs: new Map(), files: [] };
        d.dirs.set(p, next);
      }
      d = next;
    }
    d.files.push(parts[parts.length - 1] ?? f.path);
  }
  const rows: TreeRow[] = [];
  const walk = (d: Dir, prefix: string, depth: number) => {
    for (const name of [...d.dirs.keys()].sort()) {
      const path = prefix + name;
      rows.push({ path, name, depth, folder: true });
      const child = d.dirs.get(name);
      if (child && !collapsed.has(path)) walk(child, `${path}/`, depth + 1);
    }
    for (const name of [...d.files].sort()) rows.push({ path: prefix + name, name, depth, folder: false });
  };
  walk(root, '', 0);
  return rows;
}

/**
 * The rows of a list of `count` fixed-height rows to draw for a scroll position: those in view and
 * `overscan` more on each side, as the half-open range `[first, last)`.
 */
export function visibleWindow(
  count: number,
  scrollTop: number,
  height: number,
  rowHeight: number,
  overscan: number,
): { first: number; last: number } {
  const first = Math.max(0, Math.min(count, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.max(first, Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan));
  return { first, last };
}

/** The first `count` lines of a text (all of it when it has no more). */
export function firstLines(text: string, count: number): string {
  let at = -1;
  for (let i = 0; i < count; i++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return text;
  }
  return text.slice(0, at + 1);
}
