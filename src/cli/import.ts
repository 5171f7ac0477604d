import { access, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { importCompose } from '../core/importers/compose';
import { dnsLabel } from '../core/model/naming';
import { restoreText } from '../core/model/restore';
import type { Design } from '../core/model/types';
import { parseArgs } from './args';
import { UsageError, type Io } from './io';
import { readDesignText } from './readDesign';

export const IMPORT_USAGE = `Usage: polyglot-canvas import <compose.yaml | project.zip | project/> [-o <design.json>] [--force]

Imports a compose file (compose.yaml, docker-compose.yml; version 2, 3 or the Compose
Specification) as a design. Prints what could not be mapped as warnings. Given a project zip or
folder exported by polyglot-canvas, writes the design it carries (polyglot.design.json).
Without -o, writes <project>.json in the current folder.

  -o, --out <path>  the design file to write
      --force       overwrite the design file if it exists
  -h, --help        show this help`;

const OPTIONS = [
  { name: 'out', short: 'o', takesValue: true },
  { name: 'force', takesValue: false },
  { name: 'help', short: 'h', takesValue: false },
] as const;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Whether a path is an exported project: a folder, or a zip. */
async function isProject(file: string): Promise<boolean> {
  try {
    if ((await stat(file)).isDirectory() || /\.zip$/i.test(file)) return true;
    const head = await readFile(file).then((b) => b.subarray(0, 2));
    return head[0] === 0x50 && head[1] === 0x4b;
  } catch {
    return false;
  }
}

type Imported = { ok: true; design: Design; warnings: string[] } | { ok: false; error: string; warnings: string[] };

async function fromProject(file: string, io: Io): Promise<Imported | null> {
  const text = await readDesignText(file, io);
  return text === null ? null : restoreText(text);
}

async function fromCompose(file: string, io: Io): Promise<Imported | null> {
  try {
    return importCompose(await readFile(file, 'utf8'), basename(file));
  } catch (e) {
    io.err(`error: cannot read ${file}: ${(e as Error).message}`);
    return null;
  }
}

/** `polyglot-canvas import`: compose file (or exported project) → design file. Returns the exit code. */
export async function importCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  if (args.options.has('help')) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError('Which compose file? Give the path of a compose.yaml.');
  if (extra.length > 0) throw new UsageError(`One compose file at a time (also got ${extra.join(' ')}).`);
  const r = (await isProject(file)) ? await fromProject(file, io) : await fromCompose(file, io);
  if (!r) return 1;
  for (const w of r.warnings) io.err(`warning: ${w}`);
  if (!r.ok) {
    io.err(`error: ${file}: ${r.error}`);
    return 1;
  }
  const out = args.options.get('out');
  const target = typeof out === 'string' ? out : `${dnsLabel(r.design.name, 'design')}.json`;
  if (!args.options.has('force') && (await exists(target))) {
    io.err(`error: ${target} already exists; choose another path, or pass --force to overwrite it.`);
    return 1;
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, JSON.stringify(r.design, null, 2) + '\n', 'utf8');
  const n = r.design.nodes.length;
  const l = r.design.links.length;
  io.out(
    `Wrote ${target}: ${n} node${n === 1 ? '' : 's'}, ${l} link${l === 1 ? '' : 's'}, ${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'}.`,
  );
  return 0;
}
