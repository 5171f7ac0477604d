import { DESIGN_PATH } from '../core/record/manifest';
import { withProjectSecrets } from '../core/record/secrets';
import { openDesignText } from './documents';
import { HandleFolder } from './projectFolder';
import type { DesignStoreApi } from './store';

/** A project zip larger than this is not read (the design inside is small; the zip may be large). */
export const MAX_ZIP_BYTES = 1024 * 1024 * 1024;

/** Whether a picked or dropped file is a zip (by name, type or its first bytes). */
export async function isZipFile(file: File): Promise<boolean> {
  if (/\.zip$/i.test(file.name) || /zip/.test(file.type)) return true;
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b;
}

function refuse(store: DesignStoreApi, name: string, why: string): false {
  store.getState().notify({
    tone: 'error',
    placement: 'toast',
    title: `Could not open ${name}`,
    text: `${why} Your current design was not changed.`,
  });
  return false;
}

/** Opens the design an exported project zip carries, through restore(); anything else leaves the design as it is. */
export async function openProjectZip(store: DesignStoreApi, file: File): Promise<boolean> {
  if (file.size > MAX_ZIP_BYTES) return refuse(store, file.name, 'The zip is too large to read here.');
  // the unzip code loads only when a zip is opened
  const { designTextFromZip } = await import('../export/readZip');
  const r = designTextFromZip(new Uint8Array(await file.arrayBuffer()));
  if (!r.ok) return refuse(store, file.name, r.error);
  return openDesignText(store, r.text, `${file.name} (${DESIGN_PATH})`, (d) => withProjectSecrets(d, r.dotenv));
}

/** Opens the design of an exported project folder (its `polyglot.design.json`). */
export async function openProjectFolder(store: DesignStoreApi, handle: FileSystemDirectoryHandle): Promise<boolean> {
  let text;
  try {
    text = await new HandleFolder(handle).read(DESIGN_PATH);
  } catch (e) {
    return refuse(store, handle.name, `The folder could not be read (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (typeof text !== 'string')
    return refuse(
      store,
      handle.name,
      text === null
        ? `There is no ${DESIGN_PATH} in it: only projects exported by polyglot-canvas carry their design.`
        : `Its ${DESIGN_PATH} is not a text file.`,
    );
  let dotenv: string | null = null;
  try {
    const env = await new HandleFolder(handle).read('.env');
    dotenv = typeof env === 'string' ? env : null;
  } catch {
    // an unreadable .env is as good as none: the warning names the secret values left empty
  }
  // restore() checks it as it would a design file, with the same repairs and warnings
  return openDesignText(store, text, `${handle.name}/${DESIGN_PATH}`, (d) => withProjectSecrets(d, dotenv));
}
