import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { moveNodes, updateNode } from '../../core/ops/ops';
import { shopDesign } from '../../core/generators/compose/testDesigns';
import type { Design } from '../../core';
import { zipProject } from '../../export/projectZip';
import { exportZip } from './exportZip';
import { withDesign as designAdded, zipForClick } from './withDesign';
import { ExportPreparer, type ExportWorkerLike } from './prepared';
import type { DesignAdded, ExportAnswer, ExportPause, ExportRequest } from './protocol';

/** Stands in for the export worker: keeps the requests, answers one when told (with a real zip). */
class FakeWorker implements ExportWorkerLike {
  onmessage: ((e: MessageEvent<ExportAnswer | DesignAdded>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  requests: ExportRequest[] = [];
  /** What the worker was told of pausing, in order. */
  pauses: boolean[] = [];
  terminated = false;
  postMessage(message: ExportRequest | ExportPause): void {
    if ('pause' in message) this.pauses.push(message.pause);
    else this.requests.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers the oldest request, as the worker would. */
  async reply(): Promise<void> {
    const req = this.requests.shift();
    if (!req) throw new Error('nothing asked');
    // the worker gets a copy of the design, and adds it to the zip as export.worker.ts does
    const design = structuredClone(req.design);
    if (req.designInto) {
      const added = await designAdded(req.designInto, design);
      this.onmessage?.({
        data: { id: req.id, designAdded: { zip: added.blob, added: added.added } },
      } as MessageEvent<DesignAdded>);
      return;
    }
    const a = await exportZip(req.id, design);
    const zip = a.ok ? a.zip : null;
    const withDesign = zip ? await designAdded(zip, design) : null;
    const data: ExportAnswer = a.ok
      ? { ...a, zip, withDesign: withDesign && { zip: withDesign.blob, added: withDesign.added } }
      : a;
    this.onmessage?.({ data } as MessageEvent<ExportAnswer>);
  }
  fail(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }
}

const IDLE = 750;
let workers: FakeWorker[];
let hidden: boolean;
const last = (): FakeWorker => {
  const w = workers.at(-1);
  if (!w) throw new Error('no worker yet');
  return w;
};
const asked = (): number => workers.reduce((n, w) => n + w.requests.length, 0);
function preparer(): ExportPreparer {
  return new ExportPreparer({
    idleMs: IDLE,
    hidden: () => hidden,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
  });
}
/** A preparer preparing the shop design in the background (its worker not answered yet). */
function preparingShop(): { p: ExportPreparer; d: Design; w: FakeWorker } {
  const p = preparer();
  const d = shopDesign();
  p.update(d);
  vi.advanceTimersByTime(IDLE);
  return { p, d, w: last() };
}
/** A preparer that has prepared the shop design (its worker answered). */
async function preparedShop(): Promise<{ p: ExportPreparer; d: Design }> {
  const p = preparer();
  const d = shopDesign();
  p.update(d);
  vi.advanceTimersByTime(IDLE);
  await last().reply();
  return { p, d };
}
function renamed(d: Design, name: string): Design {
  const node = d.nodes[0];
  if (!node) throw new Error('no node');
  const r = updateNode(d, node.id, { name });
  if (!r.ok) throw new Error(r.reason);
  return r.design;
}
const moved = (d: Design): Design =>
  moveNodes(d, new Map(d.nodes.slice(0, 2).map((n, i) => [n.id, { x: n.position.x + 40 * (i + 1), y: 7 }])));
async function composeOf(answer: ExportAnswer): Promise<string> {
  if (!answer.ok || !answer.zip) throw new Error('no zip');
  const zip = await JSZip.loadAsync(await answer.zip.arrayBuffer());
  return (await zip.file('compose.yaml')?.async('string')) ?? '';
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  workers = [];
  hidden = false;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ExportPreparer', () => {
  it('prepares once the design has stayed unchanged for the idle time', async () => {
    const p = preparer();
    const d = shopDesign();
    p.update(d);
    vi.advanceTimersByTime(IDLE - 1);
    expect(asked()).toBe(0);
    const d2 = renamed(d, 'orders-two');
    p.update(d2); // an edit restarts the wait
    vi.advanceTimersByTime(IDLE - 1);
    expect(asked()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(last().requests.map((r) => r.design)).toEqual([d2]);
    expect(p.state()).toBe('preparing');
    await last().reply();
    expect(p.state()).toBe('ready');
  });

  it('answers a click from the prepared zip, and keeps it through moves and the viewport', async () => {
    const { p, d } = await preparedShop();
    const first = await p.exportDesign(d);
    const later = { ...moved(d), viewport: { x: 10, y: 20, zoom: 1.5 } };
    p.update(later);
    vi.advanceTimersByTime(IDLE * 3);
    expect(p.state()).toBe('ready');
    // nothing is generated again: the worker is only asked to add the new layout to the same zip
    expect(last().requests.map((r) => [r.design, r.designInto])).toEqual([[later, first.ok && first.zip]]);
    const after = p.exportDesign(later);
    await last().reply();
    const a = await after;
    if (!a.ok || !first.ok) throw new Error('no zip');
    expect(a.zip).toBe(first.zip);
    expect(a.fileCount).toBe(first.fileCount);
    expect(asked()).toBe(0);
    expect(workers).toHaveLength(1);
  });

  it('adds a new layout to the prepared zip after a pause, so a click after a drag has nothing left to do', async () => {
    const { p, d } = await preparedShop();
    const later = moved(d);
    p.update(later, true); // dragging: nothing is asked
    vi.advanceTimersByTime(IDLE * 3);
    expect(asked()).toBe(0);
    p.update(later, false);
    vi.advanceTimersByTime(IDLE - 1);
    expect(asked()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(asked()).toBe(1);
    await last().reply();
    const a = await p.exportDesign(later);
    if (!a.ok || !a.zip || !a.withDesign) throw new Error('no zip');
    expect(a.design).toBe(later);
    const got = await zipForClick(a.zip, a, later);
    expect(got.blob).toBe(a.withDesign.zip); // the page adds nothing
    const cli = await zipProject(later);
    expect(Buffer.from(await got.blob.arrayBuffer()).equals(Buffer.from(cli.zip))).toBe(true);
    // the same layout again asks nothing more
    p.update(later);
    vi.advanceTimersByTime(IDLE * 3);
    expect(asked()).toBe(0);
  });

  it('a click while the layout is being added waits for it; an edit meanwhile drops it', async () => {
    const { p, d } = await preparedShop();
    const later = moved(d);
    p.update(later);
    vi.advanceTimersByTime(IDLE);
    const click = p.exportDesign(later);
    await last().reply();
    const a = await click;
    if (!a.ok || !a.zip || !a.withDesign) throw new Error('no zip');
    expect((await zipForClick(a.zip, a, later)).blob).toBe(a.withDesign.zip);

    const again = moved(later);
    p.update(again);
    vi.advanceTimersByTime(IDLE);
    expect(asked()).toBe(1);
    const edited = renamed(again, 'orders-two');
    p.update(edited); // a real edit: the kept zip is dropped with the layout being added to it
    expect(p.holding()).toBe(false);
    await last().reply();
    expect(p.holding()).toBe(false);
    const b = p.exportDesign(edited);
    const w = last();
    expect(w.requests.at(-1)?.designInto).toBeUndefined();
    await w.reply();
    const fresh = await b;
    if (!fresh.ok || !fresh.zip) throw new Error('no zip');
    const cli = await zipProject(edited);
    const got = await zipForClick(fresh.zip, fresh, edited);
    expect(Buffer.from(await got.blob.arrayBuffer()).equals(Buffer.from(cli.zip))).toBe(true);
  });

  it('a layout is not added while a button is held (a pan), only after it is let go and the page is quiet', async () => {
    const { p, d } = await preparedShop();
    const later = moved(d);
    p.update(later);
    p.input(true);
    vi.advanceTimersByTime(IDLE * 3);
    expect(asked()).toBe(0);
    p.input(false);
    vi.advanceTimersByTime(IDLE);
    expect(asked()).toBe(1);
    expect(last().requests[0]?.designInto).toBeInstanceOf(Blob);
  });

  it('downloads the zip the worker added the design to when nothing changed: the bytes of the command line', async () => {
    const { p, d } = await preparedShop();
    const a = await p.exportDesign(d);
    if (!a.ok || !a.zip || !a.withDesign) throw new Error('no zip');
    expect(a.design).toBe(d);
    const got = await zipForClick(a.zip, a, d);
    expect(got.blob).toBe(a.withDesign.zip);
    expect(got.added).toBe(2);
    const cli = await zipProject(d);
    expect(Buffer.from(await got.blob.arrayBuffer()).equals(Buffer.from(cli.zip))).toBe(true);
  });

  it('adds the design at the click when a card moved since the preparation: the zip has the new layout', async () => {
    const { p, d } = await preparedShop();
    const a = await p.exportDesign(d);
    const later = moved(d);
    p.update(later);
    if (!a.ok || !a.zip || !a.withDesign) throw new Error('no zip');
    const cli = await zipProject(later);
    // the page adds it to an answer made before the move
    const got = await zipForClick(a.zip, a, later);
    expect(got.blob).not.toBe(a.withDesign.zip);
    expect(Buffer.from(await got.blob.arrayBuffer()).equals(Buffer.from(cli.zip))).toBe(true);
    expect(Buffer.from(await a.withDesign.zip.arrayBuffer()).equals(Buffer.from(cli.zip))).toBe(false);
    // a click before the pause is over asks the worker to add it at once, and generates nothing
    const click = p.exportDesign(later);
    expect(last().requests.map((r) => r.designInto)).toEqual([a.zip]);
    await last().reply();
    const b = await click;
    if (!b.ok || !b.zip || !b.withDesign) throw new Error('no zip');
    expect(b.zip).toBe(a.zip);
    const fromWorker = await zipForClick(b.zip, b, later);
    expect(fromWorker.blob).toBe(b.withDesign.zip);
    expect(Buffer.from(await fromWorker.blob.arrayBuffer()).equals(Buffer.from(cli.zip))).toBe(true);
    vi.advanceTimersByTime(IDLE * 3);
    expect(asked()).toBe(0);
  });

  it('a layout-only change gives the same zip bytes (so keeping the prepared one is right)', async () => {
    const d = shopDesign();
    const a = await exportZip(1, d);
    const b = await exportZip(1, moved(d));
    if (!a.ok || !b.ok || !a.zip || !b.zip) throw new Error('no zip');
    expect(Buffer.from(await b.zip.arrayBuffer()).equals(Buffer.from(await a.zip.arrayBuffer()))).toBe(true);
  });

  it('an edit after the preparation drops the prepared zip: the click gets one with the edit', async () => {
    const { p, d } = await preparedShop();
    expect(p.state()).toBe('ready');
    const edited = renamed(d, 'renamed-right-before');
    p.update(edited);
    expect(p.state()).toBe('idle');
    expect(p.holding()).toBe(false); // the old zip is let go at once
    const answer = p.exportDesign(edited); // clicked before the idle time is over
    expect(last().requests.map((r) => r.design)).toEqual([edited]);
    await last().reply();
    const compose = await composeOf(await answer);
    expect(compose).toContain('renamed-right-before');
    // the timer of the edit does not prepare it a second time
    vi.advanceTimersByTime(IDLE * 2);
    expect(asked()).toBe(0);
    expect(p.state()).toBe('ready');
  });

  it('checks the design at the click itself, even one it was not told about', async () => {
    const { p, d } = await preparedShop();
    const edited = renamed(d, 'never-announced');
    const answer = p.exportDesign(edited);
    expect(asked()).toBe(1);
    await last().reply();
    expect(await composeOf(await answer)).toContain('never-announced');
  });

  it('abandons a preparation for an outdated design and never keeps its result', async () => {
    const p = preparer();
    const d = shopDesign();
    p.update(d);
    vi.advanceTimersByTime(IDLE);
    const old = last();
    const edited = renamed(d, 'newer');
    p.update(edited);
    expect(old.terminated).toBe(true);
    await old.reply(); // an answer that still arrives from the stopped worker is ignored
    expect(p.state()).toBe('idle');
    vi.advanceTimersByTime(IDLE);
    expect(workers).toHaveLength(2);
    expect(last().requests.map((r) => r.design)).toEqual([edited]);
    await last().reply();
    expect(await composeOf(await p.exportDesign(edited))).toContain('newer');
    expect(asked()).toBe(0);
  });

  it('a click joins the preparation already running for the same design', async () => {
    const p = preparer();
    const d = shopDesign();
    p.update(d);
    vi.advanceTimersByTime(IDLE);
    const answer = p.exportDesign(moved(d));
    expect(asked()).toBe(1);
    await last().reply();
    expect(await composeOf(await answer)).toContain('services:');
  });

  it('a click right after an edit starts at once, and the export is of the design at the click', async () => {
    const p = preparer();
    const d = shopDesign();
    p.update(d);
    const answer = p.exportDesign(d);
    expect(asked()).toBe(1);
    const edited = renamed(d, 'edited-after-the-click');
    p.update(edited); // the click's export is not abandoned
    expect(last().terminated).toBe(false);
    vi.advanceTimersByTime(IDLE);
    expect(asked()).toBe(1); // the newer design waits for the worker to be free
    await last().reply();
    expect(await composeOf(await answer)).not.toContain('edited-after-the-click');
    expect(last().requests.map((r) => r.design)).toEqual([edited]);
  });

  it('prepares nothing while the tab is hidden or a node is being dragged', () => {
    const p = preparer();
    const d = shopDesign();
    hidden = true;
    p.update(d);
    vi.advanceTimersByTime(IDLE * 2);
    expect(asked()).toBe(0);
    hidden = false;
    p.visible();
    p.update(d, true); // a drag starts
    vi.advanceTimersByTime(IDLE * 2);
    expect(asked()).toBe(0);
    p.update(moved(d), false); // and ends
    vi.advanceTimersByTime(IDLE);
    expect(asked()).toBe(1);
  });

  it('waits for a pause in input, and starts nothing while a button is held (a pan)', async () => {
    const p = preparer();
    const d = shopDesign();
    p.update(d);
    vi.advanceTimersByTime(IDLE - 100);
    p.input(false); // the wheel turned: the wait starts again
    vi.advanceTimersByTime(IDLE - 1);
    expect(asked()).toBe(0);
    p.input(true); // a pan starts and lasts longer than the wait
    vi.advanceTimersByTime(IDLE * 3);
    expect(asked()).toBe(0);
    p.input(false); // released: prepared after a quiet wait
    vi.advanceTimersByTime(IDLE - 1);
    expect(asked()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(asked()).toBe(1);
    // once prepared, input changes nothing
    await last().reply();
    p.input(true);
    p.input(false);
    vi.advanceTimersByTime(IDLE * 2);
    expect(asked()).toBe(0);
    expect(p.state()).toBe('ready');
  });

  it('pauses a preparation running in the background while a button is held, and goes on after a quiet wait', async () => {
    const { p, w } = preparingShop();
    expect(p.state()).toBe('preparing');
    expect(w.requests[0]?.background).toBe(true); // the worker may be asked to pause it
    p.input(true); // a drag or a pan starts
    expect(w.pauses).toEqual([true]);
    vi.advanceTimersByTime(IDLE * 3);
    expect(w.pauses).toEqual([true]); // held: still paused
    p.input(false); // released
    vi.advanceTimersByTime(IDLE - 1);
    expect(w.pauses).toEqual([true]);
    p.input(false); // the wheel turned: the wait starts again
    vi.advanceTimersByTime(IDLE - 1);
    expect(w.pauses).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(w.pauses).toEqual([true, false]);
    expect(p.state()).toBe('preparing');
    await w.reply();
    expect(p.state()).toBe('ready');
    // nothing runs: input tells the worker nothing
    p.input(true);
    p.input(false);
    vi.advanceTimersByTime(IDLE * 2);
    expect(w.pauses).toEqual([true, false]);
  });

  it('a click on a paused preparation lets it go on at once, and it is not paused again', async () => {
    const { p, d, w } = preparingShop();
    p.input(true);
    p.input(false);
    expect(w.pauses).toEqual([true]);
    const answer = p.exportDesign(d);
    expect(w.pauses).toEqual([true, false]);
    p.input(true); // a click waits for it: input no longer pauses it
    vi.advanceTimersByTime(IDLE * 2);
    expect(w.pauses).toEqual([true, false]);
    expect(w.requests).toHaveLength(1); // the click joined the preparation
    await w.reply();
    expect((await answer).ok).toBe(true);
  });

  it('keeps the export problems: a design with an error gets its issues and no zip', async () => {
    const p = preparer();
    const d = shopDesign();
    const [a, b] = d.nodes;
    if (!a || !b) throw new Error('shop has nodes');
    const r = updateNode(d, b.id, { port: a.port });
    const clash = r.ok ? r.design : d;
    p.update(clash);
    vi.advanceTimersByTime(IDLE);
    await last().reply();
    const answer = await p.exportDesign(clash);
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.zip).toBeNull();
    expect(answer.issues.some((i) => i.severity === 'error' && /port/.test(i.message))).toBe(true);
  });

  it('a worker that stops fails the waiting click, and the next click starts a new worker', async () => {
    const p = preparer();
    const d = shopDesign();
    p.update(d);
    const answer = p.exportDesign(d);
    expect(last().requests[0]?.background).toBeUndefined(); // a click's export runs straight through
    last().fail('out of memory');
    expect(await answer).toMatchObject({ ok: false, error: 'out of memory' });
    vi.advanceTimersByTime(IDLE * 2);
    expect(workers).toHaveLength(1); // a failed preparation is not retried on its own
    const again = p.exportDesign(d);
    expect(workers).toHaveLength(2);
    await last().reply();
    expect((await again).ok).toBe(true);
  });

  it('prepares nothing for an empty design', () => {
    const p = preparer();
    p.update({ ...shopDesign(), nodes: [], links: [] });
    vi.advanceTimersByTime(IDLE * 2);
    expect(workers).toHaveLength(0);
  });
});
