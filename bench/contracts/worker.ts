/// <reference lib="webworker" />
import { importContracts, type ContractImportRequest } from '../../src/core/importers/contracts';

/** The import benchmark's worker: one import per message, its time measured inside the worker. */
self.onmessage = async (e: MessageEvent<ContractImportRequest>) => {
  const started = performance.now();
  try {
    const result = await importContracts(e.data);
    const summary = result.ok ? result.summary : undefined;
    self.postMessage({
      ms: performance.now() - started,
      ok: result.ok,
      error: result.ok ? undefined : result.error,
      summary,
    });
  } catch (err) {
    self.postMessage({ ms: performance.now() - started, ok: false, error: String(err) });
  }
};
