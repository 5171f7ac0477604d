import { exportProblems } from '../../core/generators/problems';
import { generateProject } from '../../core/generators/project';
import type { Design } from '../../core';
import type { GenerateResponse } from './protocol';

/**
 * Runs every generator on a design. Used by the worker, and directly where no worker can run;
 * a generator that throws gives an error answer instead of breaking the page.
 */
export function generateAll(seq: number, design: Design): GenerateResponse {
  const t0 = performance.now();
  try {
    const issues = exportProblems(design).map((p) => ({ ...p }));
    const files = generateProject(design);
    return { seq, ok: true, files, issues, ms: performance.now() - t0 };
  } catch (e) {
    return { seq, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
