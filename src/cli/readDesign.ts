import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DESIGN_PATH } from '../core/record/manifest';
import { restoreText, type RestoreResult } from '../core/model/restore';
import { withProjectSecrets } from '../core/record/secrets';
import type { Design } from '../core/model/types';
import { designTextFromZip } from '../export/readZip';
import type { Io } from './io';

/** What `readDesignText` read. */
export interface DesignRead {
  text: string;
  /** The project's `.env`; null for a design file or a project without one. */
  dotenv: string | null;
  /** Read from an exported project (a zip or a folder), not a design file. */
  project: boolean;
}

/**
 * The text of a design: a design file, an exported project zip (its `polyglot.design.json`) or
 * an exported project folder; with the project's `.env`, which holds the secret values its design
 * leaves out (null for a design file, or a project without one). Null after printing why it
 * cannot be read.
 */
export async function readDesignText(file: string, io: Io): Promise<DesignRead | null> {
  try {
    if ((await stat(file)).isDirectory()) {
      const text = await readFile(join(file, DESIGN_PATH), 'utf8');
      const dotenv = await readFile(join(file, '.env'), 'utf8').catch(() => null);
      return { text, dotenv, project: true };
    }
    const bytes = await readFile(file);
    if (!/\.zip$/i.test(file) && !(bytes[0] === 0x50 && bytes[1] === 0x4b))
      return { text: bytes.toString('utf8'), dotenv: null, project: false };
    const r = designTextFromZip(bytes);
    if (!r.ok) {
      io.err(`error: ${file}: ${r.error}`);
      return null;
    }
    return { text: r.text, dotenv: r.dotenv, project: true };
  } catch (e) {
    io.err(`error: cannot read ${file}: ${(e as Error).message}`);
    return null;
  }
}

/** A design read by `readDesignText`, restored, with a project's secret values put back from its `.env`. */
export function restoreRead(read: DesignRead): RestoreResult {
  const r = restoreText(read.text);
  if (!r.ok || !read.project) return r;
  const filled = withProjectSecrets(r.design, read.dotenv);
  return { ...r, design: filled.design, warnings: [...r.warnings, ...filled.warnings] };
}

/** Reads and restores a design (file, project zip or folder); prints restore warnings; null (after printing why) on failure. */
export async function readDesign(file: string, io: Io): Promise<Design | null> {
  const read = await readDesignText(file, io);
  if (read === null) return null;
  const r = restoreRead(read);
  for (const w of r.warnings) io.err(`warning: ${file}: ${w}`);
  if (!r.ok) {
    io.err(`error: ${file}: ${r.error}`);
    return null;
  }
  return r.design;
}
