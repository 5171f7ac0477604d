import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DESIGN_PATH } from '../core/record/manifest';
import { restoreText } from '../core/model/restore';
import type { Design } from '../core/model/types';
import { designTextFromZip } from '../export/readZip';
import type { Io } from './io';

/**
 * The text of a design: a design file, an exported project zip (its `polyglot.design.json`) or
 * an exported project folder. Null after printing why it cannot be read.
 */
export async function readDesignText(file: string, io: Io): Promise<string | null> {
  try {
    if ((await stat(file)).isDirectory()) file = join(file, DESIGN_PATH);
    const bytes = await readFile(file);
    if (!/\.zip$/i.test(file) && !(bytes[0] === 0x50 && bytes[1] === 0x4b)) return bytes.toString('utf8');
    const r = designTextFromZip(bytes);
    if (!r.ok) {
      io.err(`error: ${file}: ${r.error}`);
      return null;
    }
    return r.text;
  } catch (e) {
    io.err(`error: cannot read ${file}: ${(e as Error).message}`);
    return null;
  }
}

/** Reads and restores a design (file, project zip or folder); prints restore warnings; null (after printing why) on failure. */
export async function readDesign(file: string, io: Io): Promise<Design | null> {
  const text = await readDesignText(file, io);
  if (text === null) return null;
  const r = restoreText(text);
  for (const w of r.warnings) io.err(`warning: ${file}: ${w}`);
  if (!r.ok) {
    io.err(`error: ${file}: ${r.error}`);
    return null;
  }
  return r.design;
}
