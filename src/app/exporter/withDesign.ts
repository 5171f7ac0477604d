import type { Design } from '../../core';
import { designFiles } from '../../core/record/manifest';
import { appendToZipBlob } from '../../export/appendZip';

/**
 * Adds `polyglot.design.json` and `.polyglot/base.design.json` to a zip from the export worker.
 * The worker's zip holds what the generators make, which no layout change alters; the design
 * (with its positions and view) is added at the click, from the editor's design as it is then.
 */
export async function withDesign(zip: Blob, design: Design): Promise<{ blob: Blob; added: number }> {
  const files = designFiles(design);
  return { blob: await appendToZipBlob(zip, files), added: files.length };
}

/**
 * The zip to download for `design`: the worker's `zip` with the design already in it when the answer
 * was made from this very design (nothing changed since, not even a position), else the design
 * added now.
 */
export async function zipForClick(
  zip: Blob,
  answer: { withDesign?: { zip: Blob; added: number } | null; design?: Design },
  design: Design,
): Promise<{ blob: Blob; added: number }> {
  if (answer.withDesign && answer.design === design)
    return { blob: answer.withDesign.zip, added: answer.withDesign.added };
  return withDesign(zip, design);
}
