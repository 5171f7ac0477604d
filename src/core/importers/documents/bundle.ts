import { bundleWithDiagnostics, type LoaderPlugin } from '@scalar/json-magic/bundle';
import { dirOf, isObj, joinPath, pointerOf, pointerSegments, type Obj, type ParsedDoc } from './parse';

/** Where the given files live for the bundler: a root no real path starts with. */
const BASE = '/polyglot-canvas-import/';

/**
 * One document with every `$ref` made internal: a reference into a sibling file points into a
 * copy of that file under `#/x-ext/<key>`, whose source `where` still names.
 */
export interface Bundled {
  root: Obj;
  entry: string;
  /** `file:line:column (#/pointer)` of a place in the bundled document, in the file it came from. */
  where(pointer: string | readonly string[]): string;
  /** The file a place of the bundled document came from. */
  fileOf(segments: readonly string[]): string;
}

export type BundleResult = { ok: true; bundled: Bundled } | { ok: false; error: string };

/**
 * Bundles a document and the sibling files it references (given as parsed documents by path)
 * with @scalar/json-magic, offline: its loader reads only the given files. A reference to a file
 * not given, to a URL, or to a place that does not exist fails with where it was written.
 */
export async function bundleDocs(entry: ParsedDoc, docs: ReadonlyMap<string, ParsedDoc>): Promise<BundleResult> {
  const loader: LoaderPlugin = {
    type: 'loader',
    validate: (v) => v.startsWith(BASE),
    exec: async (v) => {
      const doc = docs.get(v.slice(BASE.length));
      return doc ? { ok: true, data: structuredClone(doc.value), raw: '' } : { ok: false };
    },
  };
  if (!isObj(entry.value)) return { ok: false, error: `${entry.path}: the document is not a mapping of keys.` };
  const r = await bundleWithDiagnostics(structuredClone(entry.value), {
    plugins: [loader],
    treeShake: false,
    urlMap: true,
    origin: `${BASE}${entry.path}`,
  });
  const root = r.document as Obj;
  const urls = isObj(root['x-ext-urls']) ? (root['x-ext-urls'] as Record<string, string>) : {};
  const fileOf = (segs: readonly string[]) => {
    const key = segs[1] ?? '';
    const url =
      segs[0] === 'x-ext' && Object.hasOwn(urls, key) && typeof urls[key] === 'string' ? urls[key] : undefined;
    if (url === undefined) return entry.path;
    const joined = joinPath(dirOf(entry.path), url);
    return docs.has(joined) ? joined : url;
  };
  const where = (pointer: string | readonly string[]) => {
    const segs = typeof pointer === 'string' ? pointerSegments(pointer) : pointer;
    const file = fileOf(segs);
    const rest = file === entry.path && segs[0] !== 'x-ext' ? segs : segs.slice(2);
    const pos = docs.get(file)?.position(rest);
    return `${file}${pos ? `:${pos}` : ''} (${pointerOf(rest)})`;
  };
  const problems = r.diagnostics.map((d) => {
    const file = d.source.startsWith(BASE) ? d.source.slice(BASE.length) : d.source;
    const segs = pointerSegments(d.pointer);
    const pos = docs.get(file)?.position(segs);
    const place = `${file}${pos ? `:${pos}` : ''} (${d.pointer})`;
    return d.kind === 'unresolved-document'
      ? /^[a-z][a-z0-9+.-]*:/i.test(d.reference)
        ? `${place}: $ref "${d.reference}" is a remote reference; remote files are not fetched, give the file instead.`
        : `${place}: $ref "${d.reference}" names a file that was not given.`
      : `${place}: $ref "${d.reference}" points to nothing.`;
  });
  if (problems.length > 0) {
    const more = problems.length > 10 ? `\n… and ${problems.length - 10} more.` : '';
    return { ok: false, error: problems.slice(0, 10).join('\n') + more };
  }
  return { ok: true, bundled: { root, entry: entry.path, where, fileOf } };
}
