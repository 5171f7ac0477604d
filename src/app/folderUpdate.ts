import type { Design } from '../core';
import type { UpdatePlan } from '../core/record/plan';
import { planFreshExport, planProjectUpdate } from '../core/record/update';
import { mayWrite } from './folderSupport';
import { HandleFolder } from './projectFolder';

/** A planned update of a folder the user picked: shown to them before anything is written. */
export interface FolderUpdate {
  folder: HandleFolder;
  /** The folder's name, as the user knows it. */
  name: string;
  /** The folder was empty: a first export into it. */
  fresh: boolean;
  plan: UpdatePlan;
  notes: string[];
}

/**
 * Plans the update of a picked folder to a design: an empty folder gets a first export, an
 * exported project a three-way merge (`planProjectUpdate`); any other folder is refused. Reads
 * only the files the two generations name; writes nothing.
 */
export async function planFolderUpdate(
  handle: FileSystemDirectoryHandle,
  design: Design,
): Promise<{ ok: true; update: FolderUpdate } | { ok: false; error: string }> {
  const folder = new HandleFolder(handle);
  try {
    if (await folder.isEmpty()) {
      const { plan, notes } = planFreshExport(design);
      return { ok: true, update: { folder, name: handle.name, fresh: true, plan, notes } };
    }
    const r = await planProjectUpdate(folder, design);
    if (!r.ok) return { ok: false, error: `${handle.name} cannot be updated. ${r.error}` };
    return { ok: true, update: { folder, name: handle.name, fresh: false, plan: r.plan, notes: r.notes } };
  } catch (e) {
    return { ok: false, error: `${handle.name} could not be read (${e instanceof Error ? e.message : String(e)}).` };
  }
}

/** Writes a planned update: every write, then every deletion. Throws if the browser refuses. */
export async function applyFolderUpdate(update: FolderUpdate): Promise<void> {
  if (!(await mayWrite(update.folder.root))) throw new Error(`The browser was not allowed to write to ${update.name}.`);
  for (const f of update.plan.writes) await update.folder.write(f.path, f.content);
  for (const path of update.plan.removes) await update.folder.remove(path);
}
