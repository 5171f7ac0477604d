import type { DesignStoreApi } from '../store';
import type { ImportJob } from './runImport';

/** How long an import runs before it shows its progress and a Cancel button. */
export const IMPORT_NOTICE_MS = 500;

/**
 * Waits for an import running in the worker: after IMPORT_NOTICE_MS a toast shows it with a
 * Cancel button (a toast floats over the canvas: a banner would resize the whole editor while
 * the import runs). Gives the result, or null when the user cancelled (which it says).
 * `what` is the subject of the progress text: "The file is", "The contracts are".
 */
export async function awaitImport<R>(
  store: DesignStoreApi,
  job: ImportJob<R>,
  label: string,
  what: string,
): Promise<R | null> {
  const { notify, dismiss } = store.getState();
  let progress: string | null = null;
  const timer = setTimeout(() => {
    progress = notify({
      tone: 'info',
      placement: 'toast',
      title: `Importing ${label}…`,
      text: `${what} read in the background; your design stays as it is until the import is done.`,
      action: { label: 'Cancel import', run: () => job.cancel() },
    });
  }, IMPORT_NOTICE_MS);
  const outcome = await job.done;
  clearTimeout(timer);
  if (progress) dismiss(progress);
  if (outcome !== null && typeof outcome === 'object' && 'cancelled' in outcome) {
    notify({
      tone: 'info',
      placement: 'toast',
      title: `Import of ${label} cancelled`,
      text: 'Your design was not changed.',
    });
    return null;
  }
  return outcome as R;
}
