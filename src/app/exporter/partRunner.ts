import type { Design } from '../../core';
import type { PartRunner } from './exportZip';
import type { PartFiles, PartTask } from './parts';

/** What the export worker asks a part worker. */
export interface PartRequest {
  id: number;
  design: Design;
  tasks: PartTask[];
}

/** A part worker's answer: the part's files (their bytes transferred, not copied), or why it failed. */
export type PartAnswer = { id: number; ok: true; part: PartFiles } | { id: number; ok: false; error: string };

/** The part of a `Worker` a runner uses (a fake one in tests). */
export interface PartWorkerLike {
  postMessage(message: PartRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<PartAnswer>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/**
 * Runs parts in a worker of its own, made on first use and kept for the next export. A worker
 * that breaks fails every part waiting on it; the next part starts a new one.
 */
export function workerRunner(createWorker: () => PartWorkerLike): PartRunner {
  let worker: PartWorkerLike | null = null;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (p: PartFiles) => void; reject: (e: Error) => void }>();
  const ensure = (): PartWorkerLike => {
    if (worker) return worker;
    const w = createWorker();
    w.onmessage = (e) => {
      const job = waiting.get(e.data.id);
      if (!job) return;
      waiting.delete(e.data.id);
      if (e.data.ok) job.resolve(e.data.part);
      else job.reject(new Error(e.data.error));
    };
    w.onerror = (e) => {
      w.terminate();
      if (worker === w) worker = null;
      for (const job of waiting.values()) job.reject(new Error(e.message || 'A part of the export stopped.'));
      waiting.clear();
    };
    worker = w;
    return w;
  };
  return {
    run(design, tasks) {
      const id = ++nextId;
      return new Promise<PartFiles>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        ensure().postMessage({ id, design, tasks: [...tasks] });
      });
    },
  };
}
