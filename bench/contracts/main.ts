/** Exposes `runImport` to the benchmark: runs one import in a module worker, as the app will. */
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

(window as unknown as { runImport: (request: unknown) => Promise<unknown> }).runImport = (request) =>
  new Promise((resolve) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => resolve({ ok: false, error: `worker error: ${e.message}` });
    worker.postMessage(request);
  });
