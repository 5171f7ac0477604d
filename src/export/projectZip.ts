import { generateProject } from '../core/generators/project';
import type { Design } from '../core/model/types';
import { withManifestAsync } from '../core/record/exportFiles';
import { designFiles } from '../core/record/manifest';
import { appendToZipSync } from './appendZip';
import { zipFilesSync } from './zip';

/**
 * A design's project zip, as the app downloads it: the generated files and their manifest, then
 * `polyglot.design.json` and `.polyglot/base.design.json` added at the end.
 */
export async function zipProject(design: Design): Promise<{ zip: Uint8Array; fileCount: number }> {
  const generated = await withManifestAsync(generateProject(design));
  const record = designFiles(design);
  return { zip: appendToZipSync(zipFilesSync(generated), record), fileCount: generated.length + record.length };
}
