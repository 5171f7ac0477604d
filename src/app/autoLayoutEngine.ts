import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { LaidOutGraph, LayoutGraph } from '../core';

/**
 * elkjs in a Web Worker, so that laying out thousands of nodes never freezes the page. Loaded
 * lazily by autoLayout.ts: neither this module nor elkjs is part of the entry chunk.
 *
 * It speaks elkjs's worker protocol directly (elkjs's own client waits forever when the worker
 * script fails to load): `register` the algorithm, then `layout`; answers carry the request's id
 * and either `data` or `error`. One worker is kept between runs; after a failure it is dropped and
 * the next run starts a fresh one.
 */

interface Answer {
  id: number;
  data?: unknown;
  error?: unknown;
}

let worker: Worker | null = null;
let nextId = 1;

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object') {
    // GWT exceptions cross the worker boundary as plain objects with a message somewhere inside.
    const e = error as Record<string, unknown>;
    for (const k of ['message', 'g', 'detailMessage']) if (typeof e[k] === 'string' && e[k]) return e[k] as string;
  }
  return typeof error === 'string' && error ? error : 'The layout engine reported an error.';
}

function ensureWorker(): Worker {
  if (!worker) {
    worker = new Worker(elkWorkerUrl, { name: 'auto-layout' });
    worker.postMessage({ id: 0, cmd: 'register', algorithms: ['layered'] });
  }
  return worker;
}

function drop(w: Worker): void {
  w.terminate();
  if (worker === w) worker = null;
}

export function workerEngine(graph: LayoutGraph): Promise<LaidOutGraph> {
  const w = ensureWorker();
  const id = nextId++;
  return new Promise<LaidOutGraph>((resolve, reject) => {
    const done = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      w.removeEventListener('messageerror', onError);
    };
    const onMessage = (e: MessageEvent<Answer>) => {
      if (e.data?.id !== id) return;
      done();
      if (e.data.error !== undefined) {
        drop(w);
        reject(new Error(`The layout engine failed: ${describe(e.data.error)}.`));
      } else resolve(e.data.data as LaidOutGraph);
    };
    const onError = (e: Event) => {
      e.preventDefault();
      done();
      drop(w);
      const message = e instanceof ErrorEvent && e.message ? `: ${e.message}` : '';
      reject(new Error(`The layout engine could not run${message}.`));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.addEventListener('messageerror', onError);
    w.postMessage({ id, cmd: 'layout', graph, layoutOptions: {}, options: {} });
  });
}
