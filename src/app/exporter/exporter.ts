import { ExportPreparer } from './prepared';

let shared: ExportPreparer | null = null;

/**
 * The page's export worker (its own, so an export never waits behind a preview), with the export
 * of the current design prepared in the background. Made on first use.
 */
export function exportPreparer(): ExportPreparer {
  if (shared) return shared;
  const preparer = new ExportPreparer({
    createWorker: () => new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' }),
    hidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  });
  if (typeof document !== 'undefined')
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') preparer.visible();
    });
  shared = preparer;
  return preparer;
}
