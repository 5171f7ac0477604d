import type { Design } from '../../core';
import type { ExportRequest, ExportResponse } from './protocol';

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (r: ExportResponse) => void>();

function exportWorker(): Worker {
  if (!worker) {
    const w = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<ExportResponse>) => {
      const resolve = pending.get(e.data.id);
      pending.delete(e.data.id);
      resolve?.(e.data);
    };
    w.onerror = (e) => {
      // the worker is gone: every export waiting on it fails, the next one starts a new worker
      w.terminate();
      if (worker === w) worker = null;
      for (const [id, resolve] of pending) resolve({ id, ok: false, error: e.message || 'The exporter stopped.' });
      pending.clear();
    };
    worker = w;
  }
  return worker;
}

/**
 * Checks, generates and zips a design in the export worker (its own, so an export never waits
 * behind a preview). Each call gets its own answer.
 */
export function exportProject(design: Design): Promise<ExportResponse> {
  const id = ++nextId;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    const msg: ExportRequest = { id, design };
    exportWorker().postMessage(msg);
  });
}
