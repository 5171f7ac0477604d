import { byPath } from '../../core/generators/project';
import { MANIFEST_PATH, manifestText } from '../../core/record/manifest';
import { sha256Many } from '../../core/record/sha256';
import { zipEntriesOf, type ZipEntry } from '../../export/zip';

/**
 * Adds `.polyglot/manifest.json` to zip entries sorted by path: the SHA-256 of each distinct
 * content is taken once, by Web Crypto where the worker has it, from the bytes the zip holds
 * anyway. The same manifest as `withManifest`. Answers the entries, still sorted, and the length
 * of the manifest's text. `known` keeps the hashes of byte arrays met before (an export's entries
 * that the next one reuses, see incremental.ts; the arrays are never changed once made).
 */
export async function withManifestEntry(
  entries: readonly ZipEntry[],
  known?: WeakMap<Uint8Array, string>,
): Promise<{ entries: ZipEntry[]; textLength: number }> {
  const raws = [...new Set(entries.map((e) => e.raw))];
  const todo = known ? raws.filter((r) => !known.has(r)) : raws;
  const made = await sha256Many(todo as Uint8Array<ArrayBuffer>[]);
  const hashes = new Map(todo.map((r, i) => [r, made[i] ?? '']));
  if (known) for (const [r, h] of hashes) known.set(r, h);
  const hashOf = (r: Uint8Array) => hashes.get(r) ?? known?.get(r) ?? '';
  const content = manifestText(entries.map((e) => ({ path: e.path, sha256: hashOf(e.raw) })));
  const all = [...entries, ...zipEntriesOf([{ path: MANIFEST_PATH, content }])].sort(byPath);
  return { entries: all, textLength: content.length };
}
