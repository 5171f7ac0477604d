import type { Design } from '../../core';
import { unpackFiles } from './packedFiles';
import type { GenerateMessage, GenerateRequest, GenerateResponse } from './protocol';

type Listener = (r: GenerateResponse) => void;

/**
 * One generator worker for the page. Requests are numbered; only the newest answer is passed on,
 * so a slow generation for an old design never overwrites a newer one.
 */
export class ProjectGenerator {
  private worker: Worker | null = null;
  private seq = 0;
  private listeners = new Set<Listener>();

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./generate.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<GenerateMessage>) => {
        if (e.data.seq !== this.seq) return;
        let answer: GenerateResponse;
        if (e.data.ok) {
          const { packed, ...rest } = e.data;
          answer = { ...rest, files: unpackFiles(packed) };
        } else answer = e.data;
        for (const l of this.listeners) l(answer);
      };
      this.worker.onerror = (e) => {
        const answer: GenerateResponse = { seq: this.seq, ok: false, error: e.message || 'The generator stopped.' };
        for (const l of this.listeners) l(answer);
      };
    }
    return this.worker;
  }

  /** Asks for the files of a design; listeners hear the answer. */
  request(design: Design): void {
    this.seq++;
    const msg: GenerateRequest = { seq: this.seq, design };
    this.ensureWorker().postMessage(msg);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.listeners.clear();
  }
}
