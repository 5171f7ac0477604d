import { exportProblemSteps, exportProblems } from '../../core/generators/problems';
import { runStepsWithPauses } from '../../core/steps';
import { generateProject, projectFileName } from '../../core/generators/project';
import type { Design } from '../../core';
import { wireServices } from '../../core/model/wiring';
import { zipEntriesBlob, zipEntriesOf, type PackCache, type ZipBlob, type ZipEntry } from '../../export/zip';
import { ExportCache } from './incremental';
import { withManifestEntry } from './manifestEntry';
import { joinParts, makePart, PARTS_FROM_SERVICES, planParts, type PartFiles, type PartTask } from './parts';
import type { ExportAnswer } from './protocol';

/**
 * What the export worker keeps from one export to the next (see incremental.ts): the files by
 * what they read, the SHA-256 and compressed bytes of each byte array those files are, and the
 * last zip, whose unchanged records the next zip takes as they are (`zipEntriesBlob`).
 */
export interface KeptExport {
  files: ExportCache;
  hashes: WeakMap<Uint8Array, string>;
  packed: PackCache;
  zip: ZipBlob | null;
}

/** An empty memory of exports, keeping up to `budgetBytes` of files (see `keptBudget`). */
export const keptExport = (budgetBytes?: number): KeptExport => ({
  files: new ExportCache(budgetBytes),
  hashes: new WeakMap(),
  packed: new WeakMap(),
  zip: null,
});

/**
 * Checks, generates and zips a design (with the manifest; the page adds the design itself at the
 * click, see `appendToZipBlob`): the export worker's job, so the page never blocks on it.
 * A design with an error-level problem gets its issues and no zip; a generator or the zip that
 * throws gives an error answer instead of breaking the page. With `kept`, the files and zip
 * entries an earlier export made are reused where nothing they read has changed: the same bytes;
 * `between` is then asked between the steps of the generation (see `entriesWithPauses`).
 */
export async function exportZip(
  id: number,
  design: Design,
  kept?: KeptExport,
  between?: () => Promise<void> | undefined,
): Promise<ExportAnswer> {
  const t0 = performance.now();
  try {
    const fileName = projectFileName(design);
    const found = between ? await runStepsWithPauses(exportProblemSteps(design), between) : exportProblems(design);
    const issues = found.map((p) => ({ ...p }));
    if (issues.some((i) => i.severity === 'error'))
      return { id, ok: true, fileName, zip: null, fileCount: 0, issues, ms: 0 };
    let made: { entries: ZipEntry[]; textLength: number };
    if (kept) made = between ? await kept.files.entriesWithPauses(design, between) : kept.files.entries(design);
    else {
      const files = generateProject(design);
      let textLength = 0;
      for (const f of files) textLength += f.content.length;
      made = { entries: zipEntriesOf(files), textLength };
    }
    const withManifest = await withManifestEntry(made.entries, kept?.hashes);
    const written = zipEntriesBlob(
      withManifest.entries,
      made.textLength + withManifest.textLength,
      kept?.packed,
      kept?.zip,
    );
    if (kept) kept.zip = written;
    const zip = written.blob;
    return { id, ok: true, fileName, zip, fileCount: withManifest.entries.length, issues, ms: performance.now() - t0 };
  } catch (e) {
    return { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Makes a part of an export elsewhere (in another worker). */
export interface PartRunner {
  run(design: Design, tasks: readonly PartTask[]): Promise<PartFiles>;
}

/**
 * `exportZip`, with the work shared out when the design is large: `runners()` (asked only then)
 * make parts of the project side by side while this thread checks the design, makes its own part
 * and then joins them all, when it has `fromServices` services or more. The zip is the same, byte
 * for byte. If a runner fails, the export is made here in one piece instead.
 */
export async function exportZipInParts(
  id: number,
  design: Design,
  runners: () => readonly PartRunner[],
  fromServices = PARTS_FROM_SERVICES,
  kept?: KeptExport,
  between?: () => Promise<void> | undefined,
): Promise<ExportAnswer> {
  if (wireServices(design).length < fromServices) return exportZip(id, design, kept, between);
  const helpers = runners();
  if (helpers.length === 0) return exportZip(id, design, kept, between);
  const t0 = performance.now();
  const [own = [], ...rest] = planParts(design, helpers.length + 1);
  const others = Promise.all(rest.map((tasks, i) => (helpers[i] as PartRunner).run(design, tasks)));
  others.catch(() => undefined); // awaited below, or not needed when the design has an error
  try {
    const fileName = projectFileName(design);
    const issues = exportProblems(design).map((p) => ({ ...p }));
    if (issues.some((i) => i.severity === 'error'))
      return { id, ok: true, fileName, zip: null, fileCount: 0, issues, ms: 0 };
    const mine = makePart(design, own);
    let parts: PartFiles[];
    try {
      parts = [mine, ...(await others)];
    } catch {
      return exportZip(id, design);
    }
    const joined = await joinParts(design, parts);
    const zip = new Blob([joined.zip as BlobPart], { type: 'application/zip' });
    return {
      id,
      ok: true,
      fileName,
      zip,
      fileCount: joined.fileCount,
      issues,
      ms: performance.now() - t0,
      parts: parts.length,
    };
  } catch (e) {
    return { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
