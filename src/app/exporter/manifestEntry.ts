import { byPath } from '../../core/generators/project';
import { MANIFEST_PATH, manifestText } from '../../core/record/manifest';
import { sha256Many } from '../../core/record/sha256';
import { zipEntriesOf, type ZipEntry } from '../../export/zip';

/**
 * Adds `.polyglot/manifest.json` to zip entries sorted by path: the SHA-256 of each distinct
 * content is taken once, by Web Crypto where the worker has it, from the bytes the zip holds
 * anyway. The same manifest as `withManifest`. Answers the entries, still sorted, and the length
 * of the manifest's text.
 */
export async function withManifestEntry(
  entries: readonly ZipEntry[],
): Promise<{ entries: ZipEntry[]; textLength: number }> {
  const raws = [...new Set(entries.map((e) => e.raw))];
  const index = new Map(raws.map((r, i) => [r, i]));
  const hashes = await sha256Many(raws as Uint8Array<ArrayBuffer>[]);
  const content = manifestText(entries.map((e) => ({ path: e.path, sha256: hashes[index.get(e.raw) ?? 0] ?? '' })));
  const all = [...entries, ...zipEntriesOf([{ path: MANIFEST_PATH, content }])].sort(byPath);
  return { entries: all, textLength: content.length };
}
