import { unzipSync } from 'fflate';
import { DESIGN_PATH } from '../core/record/manifest';

/** A design file larger than this in a zip is refused unread (a zip bomb, or not our zip). */
export const MAX_DESIGN_BYTES = 20 * 1024 * 1024;

/**
 * The text of the design an exported project zip carries: `polyglot.design.json` at its root, or
 * in the one folder a re-zipped project has at its root (`my-project/polyglot.design.json`).
 * Only that file and the `.env` beside it (the secret values the design leaves out) are
 * inflated. Never throws: a broken zip, or one without a design, gets a reason.
 */
export function designTextFromZip(
  bytes: Uint8Array,
): { ok: true; text: string; dotenv: string | null } | { ok: false; error: string } {
  const found: string[] = [];
  let tooLarge = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        // the project's .env beside it holds the secret values the design leaves out
        if (/^(?:[^/]+\/)?\.env$/.test(f.name)) return f.originalSize <= MAX_DESIGN_BYTES;
        if (!/^(?:[^/]+\/)?polyglot\.design\.json$/.test(f.name)) return false;
        found.push(f.name);
        if (f.originalSize > MAX_DESIGN_BYTES) {
          tooLarge = true;
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    return { ok: false, error: `It is not a readable zip file (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (tooLarge) return { ok: false, error: `Its ${DESIGN_PATH} is too large to be a design.` };
  const name = found.includes(DESIGN_PATH) ? DESIGN_PATH : found.length === 1 ? found[0] : undefined;
  if (found.length > 1 && name === undefined)
    return { ok: false, error: `It holds several projects (${found.join(', ')}); open one of them.` };
  const data = name === undefined ? undefined : files[name];
  if (!data || name === undefined)
    return {
      ok: false,
      error: `There is no ${DESIGN_PATH} in it: only zips exported by polyglot-canvas carry their design.`,
    };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { ok: false, error: `Its ${DESIGN_PATH} is not UTF-8 text.` };
  }
  const env = files[name.replace(/polyglot\.design\.json$/, '.env')];
  return { ok: true, text, dotenv: env ? new TextDecoder('utf-8').decode(env) : null };
}
