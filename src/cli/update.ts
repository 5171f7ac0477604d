import { stat } from 'node:fs/promises';
import { summarize } from '../core/record/plan';
import { DESIGN_PATH } from '../core/record/manifest';
import { missingSecrets } from '../core/record/secrets';
import { planProjectUpdate, readProjectDesign } from '../core/record/update';
import type { Design } from '../core/model/types';
import { parseArgs } from './args';
import { checkDesign } from './checks';
import { DiskFolder } from './folder';
import { UsageError, type Io } from './io';

export const UPDATE_USAGE = `Usage: polyglot-canvas update <project-folder> [--dry-run] [--force]

Regenerates an exported project from the design saved in it (${DESIGN_PATH}, which File → Save
in the app can overwrite), keeping your changes: a three-way merge of the last generation, the
files on disk and the new generation.

  - a file you did not touch follows the design
  - a file only you changed is kept; one you deleted stays deleted
  - a file both you and the design changed is merged; where you both changed the same lines, it
    gets conflict markers (<<<<<<< ours / ======= / >>>>>>> theirs), is listed, and the command
    exits with 1
  - a file the design no longer makes is deleted if you did not touch it, else kept and listed
  - files you added are never touched; nothing is written outside the folder

  Same as: polyglot-canvas export <design.json> -o <project-folder> --update

      --dry-run     only print what would change
      --force       update even if the design has export errors, or secret values .env does not hold (written empty)
  -h, --help        show this help`;

const OPTIONS = [
  { name: 'dry-run', takesValue: false },
  { name: 'force', takesValue: false },
  { name: 'help', short: 'h', takesValue: false },
] as const;

/** Whether a path is an existing folder. */
export async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Merges the generation of `design` into the exported project at `dir`, prints the summary, and
 * returns the exit code: 0, or 1 when conflicts remain or the folder cannot be updated.
 */
export async function updateFolder(dir: string, design: Design, io: Io, dryRun: boolean): Promise<number> {
  const folder = await DiskFolder.open(dir);
  const r = await planProjectUpdate(folder, design);
  if (!r.ok) {
    io.err(`error: cannot update ${dir}: ${r.error}`);
    return 1;
  }
  for (const n of r.notes) io.err(`note: ${n}`);
  const [head = '', ...details] = summarize(r.plan);
  io.out(`${dryRun ? 'Would update' : 'Updated'} ${dir}: ${head}`);
  for (const line of details) io.out(line);
  if (!dryRun) {
    for (const f of r.plan.writes) await folder.write(f.path, f.content);
    for (const path of r.plan.removes) await folder.remove(path);
  }
  const conflicts = r.plan.counts.conflict;
  if (conflicts > 0) {
    io.err(
      `${conflicts} file${conflicts === 1 ? ' has' : 's have'} conflicts${dryRun ? '' : ': resolve the lines between <<<<<<< ours and >>>>>>> theirs, then build'}.`,
    );
    return 1;
  }
  return 0;
}

/** `polyglot-canvas update`: a project folder → the same folder, regenerated from its own design. */
export async function updateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  if (args.options.has('help')) {
    io.out(UPDATE_USAGE);
    return 0;
  }
  const [dir, ...extra] = args.positionals;
  if (dir === undefined) throw new UsageError('Which project? Give the path of an exported project folder.');
  if (extra.length > 0) throw new UsageError(`One project at a time (also got ${extra.join(' ')}).`);
  if (!(await isDir(dir))) {
    io.err(`error: ${dir} is not a folder.`);
    return 1;
  }
  const r = await readProjectDesign(await DiskFolder.open(dir));
  if (!r.ok) {
    io.err(`error: ${dir}: ${r.error}`);
    return 1;
  }
  for (const w of r.warnings) io.err(`warning: ${dir}/${DESIGN_PATH}: ${w}`);
  // without its secret values the update would write them empty into k8s/ and helm/
  const missing = missingSecrets(r.design);
  if (missing.length > 0 && !args.options.has('force')) {
    io.err(
      `error: ${dir}: the secret values ${missing.join(', ')} are not in ${dir}/.env, so the update would write them empty into k8s/secrets/ and helm/values.secret.yaml. Restore .env (copy .env.example and fill it in), or give --force to write them empty.`,
    );
    return 1;
  }
  if (!checkDesign(r.design, io, args.options.has('force'))) return 1;
  return updateFolder(dir, r.design, io, args.options.has('dry-run'));
}
