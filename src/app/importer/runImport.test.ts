import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyDesign } from '../../core';
import { IMPORT_NOTICE_MS, importComposeText } from '../documents';
import { createDesignStore } from '../store';
import type { ImportRequest, ImportResponse } from './protocol';
import { startImport } from './runImport';

/** A worker that runs nothing until the test answers for it. */
class FakeWorker {
  onmessage: ((e: MessageEvent<ImportResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: ImportRequest[] = [];
  terminated = false;
  postMessage(m: ImportRequest) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  answer(result: ImportResponse['result']) {
    this.onmessage?.({ data: { id: 1, result } } as MessageEvent<ImportResponse>);
  }
}

const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n';

afterEach(() => vi.useRealTimers());

describe('startImport', () => {
  it('sends the text to a worker of its own, and ends the worker with the answer', async () => {
    const w = new FakeWorker();
    const job = startImport('compose', COMPOSE, 'c.yaml', () => w as unknown as Worker);
    expect(w.sent).toEqual([{ id: 1, importer: 'compose', text: COMPOSE, fileName: 'c.yaml' }]);
    w.answer({ ok: false, error: 'no', warnings: [] });
    expect(await job.done).toEqual({ ok: false, error: 'no', warnings: [] });
    expect(w.terminated).toBe(true);
  });

  it('cancels by terminating the worker; a late answer changes nothing', async () => {
    const w = new FakeWorker();
    const job = startImport('compose', COMPOSE, 'c.yaml', () => w as unknown as Worker);
    job.cancel();
    expect(w.terminated).toBe(true);
    w.answer({ ok: false, error: 'late', warnings: [] });
    expect(await job.done).toEqual({ cancelled: true });
  });

  it('turns a worker that fails into an answer that says so', async () => {
    const w = new FakeWorker();
    const job = startImport('compose', COMPOSE, 'c.yaml', () => w as unknown as Worker);
    w.onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
    expect(await job.done).toMatchObject({ ok: false, error: 'The import stopped: out of memory.' });
  });

  it('runs in this thread where there is no worker', async () => {
    const outcome = await startImport('compose', COMPOSE, 'c.yaml', null).done;
    expect(outcome).toMatchObject({ ok: true });
  });
});

describe('importComposeText', () => {
  it('shows Cancel after half a second; cancelling leaves the design and says so', async () => {
    vi.useFakeTimers();
    const design = { ...emptyDesign('mine'), nodes: [] };
    const store = createDesignStore({ design });
    const w = new FakeWorker();
    const done = importComposeText(store, COMPOSE, 'c.yaml', () => w as unknown as Worker);
    vi.advanceTimersByTime(IMPORT_NOTICE_MS - 1);
    expect(store.getState().notices).toEqual([]);
    vi.advanceTimersByTime(1);
    const [progress] = store.getState().notices;
    expect(progress).toMatchObject({ title: 'Importing c.yaml…', action: { label: 'Cancel import' } });
    progress?.action?.run();
    expect(await done).toBe(false);
    expect(w.terminated).toBe(true);
    expect(store.getState().design).toBe(design);
    expect(store.getState().notices.map((n) => n.title)).toEqual(['Import of c.yaml cancelled']);
  });

  it('loads the design a quick import gives, with no progress notice', async () => {
    const store = createDesignStore();
    const w = new FakeWorker();
    const done = importComposeText(store, COMPOSE, 'c.yaml', () => w as unknown as Worker);
    const result = await startImport('compose', COMPOSE, 'c.yaml', null).done;
    if ('cancelled' in result) throw new Error('cancelled');
    w.answer(result);
    expect(await done).toBe(true);
    expect(store.getState().design.nodes.map((n) => n.name)).toEqual(['web']);
    expect(store.getState().notices.map((n) => n.title)).toEqual(['Imported c.yaml: 1 node, 0 links']);
  });
});
