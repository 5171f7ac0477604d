import { describe, expect, it } from 'vitest';
import { shopDesign } from '../../core/generators/compose/testDesigns';
import { makePart } from './parts';
import { workerRunner, type PartAnswer, type PartRequest, type PartWorkerLike } from './partRunner';

/** Stands in for a part worker: keeps the requests, answers or breaks when told. */
class FakePartWorker implements PartWorkerLike {
  requests: PartRequest[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<PartAnswer>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(message: PartRequest): void {
    this.requests.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(request: PartRequest): void {
    const data: PartAnswer = { id: request.id, ok: true, part: makePart(request.design, request.tasks) };
    this.onmessage?.({ data } as MessageEvent<PartAnswer>);
  }
  fail(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }
}

describe('workerRunner', () => {
  it('makes its worker on first use, keeps it, and matches each answer to its request', async () => {
    const workers: FakePartWorker[] = [];
    const runner = workerRunner(() => {
      const w = new FakePartWorker();
      workers.push(w);
      return w;
    });
    expect(workers).toHaveLength(0);
    const design = shopDesign();
    const a = runner.run(design, [{ kind: 'compose' }]);
    const b = runner.run(design, [{ kind: 'proto' }]);
    const [w] = workers;
    if (!w) throw new Error('no worker');
    expect(workers).toHaveLength(1);
    const [ra, rb] = w.requests;
    if (!ra || !rb) throw new Error('no requests');
    w.answer(rb); // answers may come in any order
    w.answer(ra);
    expect((await a).paths).toContain('compose.yaml');
    expect((await b).paths.every((p) => p.startsWith('proto/'))).toBe(true);
  });

  it('fails the parts waiting on a worker that stops, and starts a new one for the next', async () => {
    const workers: FakePartWorker[] = [];
    const runner = workerRunner(() => {
      const w = new FakePartWorker();
      workers.push(w);
      return w;
    });
    const design = shopDesign();
    const waiting = runner.run(design, [{ kind: 'compose' }]);
    workers[0]?.fail('out of memory');
    await expect(waiting).rejects.toThrow('out of memory');
    expect(workers[0]?.terminated).toBe(true);
    const next = runner.run(design, [{ kind: 'compose' }]);
    expect(workers).toHaveLength(2);
    const req = workers[1]?.requests[0];
    if (!req) throw new Error('no request');
    workers[1]?.answer(req);
    expect((await next).paths).toContain('compose.yaml');
  });
});
