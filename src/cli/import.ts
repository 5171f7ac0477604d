import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { importCompose } from '../core/importers/compose';
import { dnsLabel } from '../core/model/naming';
import { parseArgs } from './args';
import { UsageError, type Io } from './io';

export const IMPORT_USAGE = `Usage: polyglot-canvas import <compose.yaml> [-o <design.json>] [--force]

Imports a compose file (compose.yaml, docker-compose.yml; version 2, 3 or the Compose
Specification) as a design. Prints what could not be mapped as warnings.
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

/** `polyglot-canvas import`: compose file → design file. Returns the exit code. */
export async function importCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  if (args.options.has('help')) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError('Which compose file? Give the path of a compose.yaml.');
  if (extra.length > 0) throw new UsageError(`One compose file at a time (also got ${extra.join(' ')}).`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    io.err(`error: cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const r = importCompose(text, basename(file));
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
