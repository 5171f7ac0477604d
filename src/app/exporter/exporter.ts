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
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') preparer.visible();
    });
    // Preparing waits for a pause in the user's input, and a preparation under way pauses while
    // they drag, pan or zoom, so it does not compete with them for the cores.
    const opts = { capture: true, passive: true };
    const held = (e: PointerEvent) => preparer.input(e.buttons !== 0);
    window.addEventListener('pointerdown', held, opts);
    window.addEventListener('pointerup', held, opts);
    window.addEventListener('pointercancel', () => preparer.input(false), opts);
    window.addEventListener('wheel', () => preparer.input(false), opts);
    window.addEventListener('keydown', () => preparer.input(false), opts);
  }
  shared = preparer;
  return preparer;
}
