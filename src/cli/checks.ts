import {
  exportProblems,
  generatedFileProblems,
  hasExportErrors,
  type ExportProblem,
} from '../core/generators/problems';
import { generateProject } from '../core/generators/project';
import type { Design } from '../core/model/types';
import type { Io } from './io';

export function printProblems(problems: readonly ExportProblem[], print: (s: string) => void): void {
  for (const p of problems) print(`${p.severity}: ${p.message}`);
}

/**
 * The design's export problems, and, unless its own errors stop the export (and `force` is off),
 * the problems of the files it generates (YAML that some reader would read differently).
 */
export function designProblems(design: Design, force: boolean): ExportProblem[] {
  const problems = exportProblems(design);
  if (!hasExportErrors(problems) || force) problems.push(...generatedFileProblems(generateProject(design)));
  return problems;
}

/** Prints a design's export problems; false (after saying so) when errors block the export. */
export function checkDesign(design: Design, io: Io, force: boolean): boolean {
  const problems = designProblems(design, force);
  printProblems(problems, io.err);
  if (hasExportErrors(problems) && !force) {
    io.err('error: the design has export errors (above); fix them, or pass --force to export anyway.');
    return false;
  }
  return true;
}
