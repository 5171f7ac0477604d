import { exportProblems, hasExportErrors, type ExportProblem } from '../core/generators/problems';
import type { Design } from '../core/model/types';
import type { Io } from './io';

export function printProblems(problems: readonly ExportProblem[], print: (s: string) => void): void {
  for (const p of problems) print(`${p.severity}: ${p.message}`);
}

/** Prints a design's export problems; false (after saying so) when errors block the export. */
export function checkDesign(design: Design, io: Io, force: boolean): boolean {
  const problems = exportProblems(design);
  printProblems(problems, io.err);
  if (hasExportErrors(problems) && !force) {
    io.err('error: the design has export errors (above); fix them, or pass --force to export anyway.');
    return false;
  }
  return true;
}
