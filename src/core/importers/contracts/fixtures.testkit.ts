/** Reads the contract files written for the tests (test/contracts/<folder>) as path → text. */
/* eslint-disable no-restricted-imports -- test support: runs in Node, never in the app */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
/* eslint-enable no-restricted-imports */

export const CONTRACTS_DIR = fileURLToPath(new URL('../../../../test/contracts/', import.meta.url));

/** Every file under test/contracts/<folder> (or only `names`), keyed by its path inside the folder. */
export function contractFiles(folder: string, names?: readonly string[]): Record<string, string> {
  const root = join(CONTRACTS_DIR, folder);
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  if (names) for (const n of names) out[n] = readFileSync(join(root, n), 'utf8');
  else walk(root);
  return out;
}
