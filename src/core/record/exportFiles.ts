import { generateProject } from '../generators/project';
import type { GeneratedFile } from '../generators/types';
import type { Design } from '../model/types';
import { designFiles, manifestFile } from './manifest';

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
  const manifest = manifestFile(files);
  const at = files.findIndex((f) => f.path > manifest.path);
  return at < 0 ? [...files, manifest] : [...files.slice(0, at), manifest, ...files.slice(at)];
}
