import { runContractImport, runImporter, runManifestImport } from './importers';
import type {
  ContractImportRequest,
  ContractImportResult,
  ImportRequest,
  ImportResponse,
  ImportResult,
  ImporterName,
  ManifestFile,
} from './protocol';

/** An import that ended, or was cancelled before it did. */
export type ImportOutcome<R = ImportResult> = R | { cancelled: true };

/** A running import: its outcome, and a way to stop it. */
export interface ImportJob<R = ImportResult> {
  done: Promise<ImportOutcome<R>>;
  /** Ends the import at once (the worker is terminated); `done` resolves as cancelled. */
  cancel(): void;
}

/** Makes the worker an import runs in; tests pass their own. */
export type WorkerFactory = () => Worker;

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });

const failure = (error: string) => ({ ok: false as const, error, warnings: [] });

const workerOrNull = (): WorkerFactory | null => (typeof Worker === 'undefined' ? null : defaultWorker);

/**
 * Runs one request in a worker of its own, so the page stays responsive whatever the file does,
 * and cancelling ends the work for good (terminating a worker stops even a loop). Where no worker
 * can run (a test environment), `local` runs here.
 */
function runJob<R extends { ok: boolean }>(
  request: ImportRequest,
  local: () => Promise<R>,
  makeWorker: WorkerFactory | null,
  failed: (why: string) => R,
): ImportJob<R> {
  let settle: (o: ImportOutcome<R>) => void = () => undefined;
  const done = new Promise<ImportOutcome<R>>((resolve) => (settle = resolve));
  let finished = false;
  const finish = (o: ImportOutcome<R>) => {
    if (finished) return;
    finished = true;
    settle(o);
  };
  if (!makeWorker) {
    void local().then(finish);
    return { done, cancel: () => finish({ cancelled: true }) };
  }
  const worker = makeWorker();
  const stop = () => worker.terminate();
  worker.onmessage = (e: MessageEvent<ImportResponse<R>>) => {
    stop();
    finish(e.data.result);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    stop();
    finish(failed(`The import stopped: ${e.message || 'the import worker failed'}.`));
  };
  worker.postMessage(request);
  return {
    done,
    cancel: () => {
      stop();
      finish({ cancelled: true });
    },
  };
}

/** Starts a text importer (compose) in a worker; see `runJob`. */
export function startImport(
  importer: ImporterName,
  text: string,
  fileName: string,
  makeWorker: WorkerFactory | null = workerOrNull(),
): ImportJob {
  return runJob<ImportResult>(
    { id: 1, importer, text, fileName },
    () => runImporter(importer, text, fileName),
    makeWorker,
    failure,
  );
}

/** Starts the import of a folder of Kubernetes manifests in a worker; see `runJob`. */
export function startManifestImport(
  files: ManifestFile[],
  label: string,
  makeWorker: WorkerFactory | null = workerOrNull(),
): ImportJob {
  return runJob<ImportResult>(
    { id: 1, importer: 'manifests', files, label },
    () => runManifestImport(files, label),
    makeWorker,
    failure,
  );
}

/** Starts a contract import (`.proto`, OpenAPI, AsyncAPI files) in a worker; see `runJob`. */
export function startContractImport(
  request: ContractImportRequest,
  makeWorker: WorkerFactory | null = workerOrNull(),
): ImportJob<ContractImportResult> {
  return runJob<ContractImportResult>(
    { id: 1, importer: 'contracts', request },
    () => runContractImport(request),
    makeWorker,
    failure,
  );
}
