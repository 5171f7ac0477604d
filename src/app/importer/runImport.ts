import { runImporter } from './importers';
import type { ImportResponse, ImportResult, ImporterName } from './protocol';

/** An import that ended, or was cancelled before it did. */
export type ImportOutcome = ImportResult | { cancelled: true };

/** A running import: its outcome, and a way to stop it. */
export interface ImportJob {
  done: Promise<ImportOutcome>;
  /** Ends the import at once (the worker is terminated); `done` resolves as cancelled. */
  cancel(): void;
}

/** Makes the worker an import runs in; tests pass their own. */
export type WorkerFactory = () => Worker;

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });

/**
 * Starts an import in a worker of its own, so the page stays responsive whatever the file does,
 * and cancelling ends the work for good (terminating a worker stops even a loop). Where no worker
 * can run (a test environment), the import runs here.
 */
export function startImport(
  importer: ImporterName,
  text: string,
  fileName: string,
  makeWorker: WorkerFactory | null = typeof Worker === 'undefined' ? null : defaultWorker,
): ImportJob {
  let settle: (o: ImportOutcome) => void = () => undefined;
  const done = new Promise<ImportOutcome>((resolve) => (settle = resolve));
  let finished = false;
  const finish = (o: ImportOutcome) => {
    if (finished) return;
    finished = true;
    settle(o);
  };
  if (!makeWorker) {
    void runImporter(importer, text, fileName).then(finish);
    return { done, cancel: () => finish({ cancelled: true }) };
  }
  const worker = makeWorker();
  const stop = () => worker.terminate();
  worker.onmessage = (e: MessageEvent<ImportResponse>) => {
    stop();
    finish(e.data.result);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    stop();
    finish({ ok: false, error: `The import stopped: ${e.message || 'the import worker failed'}.`, warnings: [] });
  };
  worker.postMessage({ id: 1, importer, text, fileName });
  return {
    done,
    cancel: () => {
      stop();
      finish({ cancelled: true });
    },
  };
}
