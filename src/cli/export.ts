import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { withManifestAsync } from '../core/record/exportFiles';
import { MANIFEST_PATH, designFiles, readManifest } from '../core/record/manifest';
import { generateProject, projectFileName } from '../core/generators/project';
import { sha256OfText } from '../core/record/sha256';
import type { Design } from '../core/model/types';
import { zipProject } from '../export/projectZip';
import { parseArgs } from './args';
import { checkDesign, designProblems, printProblems } from './checks';
import { DiskFolder } from './folder';
import { UsageError, type Io } from './io';
import { readDesign } from './readDesign';
import { updateFolder } from './update';
import { isEmptyDir, writeTree } from './write';

export const EXPORT_USAGE = `Usage: polyglot-canvas export <design> [-o <out.zip | dir/>] [--update] [--check] [--force]

Exports a design to a project zip (a path ending in .zip) or into a folder (any other path).
The design is a design file, or an exported project zip or folder (its polyglot.design.json).
Without -o, writes <project>.zip in the current folder.

  -o, --out <path>  where to write: out.zip, or a folder
      --update      the folder holds an earlier export of this project: merge the new
                    generation into it and keep your changes (see polyglot-canvas update --help);
                    exits with 1 if conflicts remain
      --dry-run     with --update: only print what would change
      --check       only print the design's export problems; exit 1 if there are errors
      --force       export even if the design has export errors
      --overwrite   write into a folder that is not empty, replacing every generated file
                    (your changes to them are lost: each one is named; prefer --update)
  -h, --help        show this help`;

const OPTIONS = [
  { name: 'out', short: 'o', takesValue: true },
  { name: 'update', takesValue: false },
  { name: 'dry-run', takesValue: false },
  { name: 'check', takesValue: false },
  { name: 'force', takesValue: false },
  { name: 'overwrite', takesValue: false },
  { name: 'help', short: 'h', takesValue: false },
] as const;

/** Names the generated files of an earlier export in `dir` that the user changed (for --overwrite). */
async function changedByUser(dir: string): Promise<string[]> {
  const folder = await DiskFolder.open(dir);
  const text = await folder.read(MANIFEST_PATH);
  if (typeof text !== 'string') return [];
  const m = readManifest(text);
  if (!m.ok) return [];
  const changed: string[] = [];
  for (const [path, hash] of m.manifest.files) {
    const ours = await folder.read(path);
    if (typeof ours === 'string' && sha256OfText(ours) !== hash) changed.push(path);
  }
  return changed;
}

/** Writes an export into a folder: an empty one, or over an earlier export with --overwrite. */
async function exportToFolder(target: string, design: Design, overwrite: boolean, io: Io): Promise<number> {
  if (!(await isEmptyDir(target))) {
    const isProject = (await (await DiskFolder.open(target)).read(MANIFEST_PATH)) !== null;
    if (!overwrite) {
      io.err(
        isProject
          ? `error: ${target} holds an exported project. Pass --update to merge this design into it and keep your changes (or --overwrite to replace every generated file).`
          : `error: ${target} is not empty; choose an empty folder (or pass --overwrite to write into it anyway).`,
      );
      return 1;
    }
    for (const path of await changedByUser(target))
      io.err(`warning: --overwrite replaced ${path}, which you had changed since the last export.`);
  }
  const files = [...(await withManifestAsync(generateProject(design))), ...designFiles(design)];
  await writeTree(target, files);
  io.out(`Wrote ${files.length} files to ${target}`);
  return 0;
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
  const update = args.options.has('update');
  if (update && args.options.has('overwrite'))
    throw new UsageError('--update keeps your changes, --overwrite does not: choose one.');
  if (args.options.has('dry-run') && !update) throw new UsageError('--dry-run goes with --update.');
  const design = await readDesign(file, io);
  if (!design) return 1;

  if (args.options.has('check')) {
    const problems = designProblems(design, args.options.has('force'));
    const errors = problems.filter((p) => p.severity === 'error').length;
    printProblems(problems, io.out);
    io.out(`${errors} error(s), ${problems.length - errors} warning(s).`);
    return errors > 0 ? 1 : 0;
  }
  if (!checkDesign(design, io, args.options.has('force'))) return 1;

  const out = args.options.get('out');
  const target = typeof out === 'string' ? out : projectFileName(design);
  if (target.toLowerCase().endsWith('.zip')) {
    if (update) throw new UsageError('--update merges into a project folder, not a zip.');
    const { zip, fileCount } = await zipProject(design);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, zip);
    io.out(`Wrote ${fileCount} files to ${target}`);
    return 0;
  }
  // an empty or missing folder gets a plain export, --update or not
  if (update && !(await isEmptyDir(target))) return updateFolder(target, design, io, args.options.has('dry-run'));
  return exportToFolder(target, design, args.options.has('overwrite'), io);
}
