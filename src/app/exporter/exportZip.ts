import { exportProblems } from '../../core/generators/problems';
import { generateProject, projectFileName } from '../../core/generators/project';
import type { Design } from '../../core';
import { zipFilesSync } from '../../export/zip';
import type { ExportResponse } from './protocol';

/**
 * Checks, generates and zips a design: the export worker's job, so the page never blocks on it.
 * A design with an error-level problem gets its issues and no zip; a generator or the zip that
 * throws gives an error answer instead of breaking the page.
 */
export function exportZip(id: number, design: Design): ExportResponse {
  const t0 = performance.now();
  try {
    const fileName = projectFileName(design);
    const issues = exportProblems(design).map((p) => ({ ...p }));
    if (issues.some((i) => i.severity === 'error'))
      return { id, ok: true, fileName, zip: null, fileCount: 0, issues, ms: 0 };
    const files = generateProject(design);
    const zip = zipFilesSync(files);
    return { id, ok: true, fileName, zip, fileCount: files.length, issues, ms: performance.now() - t0 };
  } catch (e) {
    return { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
