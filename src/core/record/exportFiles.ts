import { generateProject } from '../generators/project';
import type { GeneratedFile } from '../generators/types';
import type { Design } from '../model/types';
import { MANIFEST_PATH, designFiles, manifestFile, manifestText } from './manifest';
import { sha256Many } from './sha256';

/**
 * Every file of an exported project, in zip order: the generated files with
 * `.polyglot/manifest.json`, sorted by path, then `polyglot.design.json` and
 * `.polyglot/base.design.json`. The design files come last so that the app can add them to a zip
 * made earlier for the same design with another layout (positions are in the design, not in any
 * generated file). Pure and deterministic.
 */
export function exportFiles(design: Design): GeneratedFile[] {
  return [...withManifest(generateProject(design)), ...designFiles(design)];
}

/** Generated files (sorted by path) with their manifest in its sorted place. */
export function withManifest(files: readonly GeneratedFile[]): GeneratedFile[] {
  return insertSorted(files, manifestFile(files));
}

/**
 * `withManifest`, hashed by Web Crypto where the runtime has it (the app's export worker, the
 * command line): the same files, made several times faster for a large project. Each distinct
 * content is hashed once.
 */
export async function withManifestAsync(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const encoder = new TextEncoder();
  const index = new Map<string, number>();
  const unique: Uint8Array<ArrayBuffer>[] = [];
  const refs = files.map((f) => {
    let i = index.get(f.content);
    if (i === undefined) {
      i = unique.length;
      unique.push(encoder.encode(f.content));
      index.set(f.content, i);
    }
    return i;
  });
  const hashes = await sha256Many(unique);
  const content = manifestText(files.map((f, i) => ({ path: f.path, sha256: hashes[refs[i] ?? 0] ?? '' })));
  return insertSorted(files, { path: MANIFEST_PATH, content });
}

function insertSorted(files: readonly GeneratedFile[], file: GeneratedFile): GeneratedFile[] {
  const at = files.findIndex((f) => f.path > file.path);
  return at < 0 ? [...files, file] : [...files.slice(0, at), file, ...files.slice(at)];
}
