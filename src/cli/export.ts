import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  exportProblems,
  generatedFileProblems,
  hasExportErrors,
  type ExportProblem,
} from '../core/generators/problems';
import { generateProject, projectFileName } from '../core/generators/project';
import { restoreText } from '../core/model/restore';
import type { Design } from '../core/model/types';
import { zipFiles } from '../export/zip';
import { parseArgs } from './args';
import { UsageError, type Io } from './io';
import { isEmptyDir, writeTree } from './write';

export const EXPORT_USAGE = `Usage: polyglot-canvas export <design.json> [-o <out.zip | dir/>] [--check] [--force] [--overwrite]

Exports a design to a project zip (a path ending in .zip) or into a folder (any other path).
Without -o, writes <project>.zip in the current folder.

  -o, --out <path>  where to write: out.zip, or a folder
      --check       only print the design's export problems; exit 1 if there are errors
      --force       export even if the design has export errors
      --overwrite   write into a folder that is not empty
  -h, --help        show this help`;

const OPTIONS = [
  { name: 'out', short: 'o', takesValue: true },
  { name: 'check', takesValue: false },
  { name: 'force', takesValue: false },
  { name: 'overwrite', takesValue: false },
  { name: 'help', short: 'h', takesValue: false },
] as const;

/** Reads and restores a design file; prints restore warnings; null (after printing why) on failure. */
export async function readDesign(file: string, io: Io): Promise<Design | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    io.err(`error: cannot read ${file}: ${(e as Error).message}`);
    return null;
  }
  const r = restoreText(text);
  for (const w of r.warnings) io.err(`warning: ${file}: ${w}`);
  if (!r.ok) {
    io.err(`error: ${file}: ${r.error}`);
    return null;
  }
  return r.design;
}

function printProblems(problems: readonly ExportProblem[], print: (s: string) => void): void {
  for (const p of problems) print(`${p.severity}: ${p.message}`);
}

/** `polyglot-canvas export`: design file → zip or folder. Returns the exit code. */
export async function exportCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  if (args.options.has('help')) {
    io.out(EXPORT_USAGE);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError('Which design? Give the path of a design .json file.');
  if (extra.length > 0) throw new UsageError(`One design at a time (also got ${extra.join(' ')}).`);
  const design = await readDesign(file, io);
  if (!design) return 1;

  const problems = exportProblems(design);
  // the files are made (and their YAML checked) unless the design's own errors stop the export
  const force = args.options.has('force');
  const files = hasExportErrors(problems) && !force ? null : generateProject(design);
  if (files) problems.push(...generatedFileProblems(files));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (args.options.has('check')) {
    printProblems(problems, io.out);
    io.out(`${errors} error(s), ${problems.length - errors} warning(s).`);
    return errors > 0 ? 1 : 0;
  }
  printProblems(problems, io.err);
  if (!files || (hasExportErrors(problems) && !force)) {
    io.err('error: the design has export errors (above); fix them, or pass --force to export anyway.');
    return 1;
  }

  const out = args.options.get('out');
  const target = typeof out === 'string' ? out : projectFileName(design);
  if (target.toLowerCase().endsWith('.zip')) {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, await zipFiles(files));
  } else {
    if (!args.options.has('overwrite') && !(await isEmptyDir(target))) {
      io.err(`error: ${target} is not empty; choose an empty folder, or pass --overwrite.`);
      return 1;
    }
    await writeTree(target, files);
  }
  io.out(`Wrote ${files.length} files to ${target}`);
  return 0;
}
