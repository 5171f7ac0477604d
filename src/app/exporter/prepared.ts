import { sameExceptLayout, type Design } from '../../core';
import type { DesignAdded, ExportAnswer, ExportPause, ExportRequest } from './protocol';

/** The part of a `Worker` the preparer uses (a fake one in tests). */
export interface ExportWorkerLike {
  postMessage(message: ExportRequest | ExportPause): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<ExportAnswer | DesignAdded>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface PreparerOptions {
  createWorker: () => ExportWorkerLike;
  /** How long the design must stay unchanged before it is prepared. */
  idleMs?: number;
  /** True while the tab is hidden: nothing is prepared then. */
  hidden?: () => boolean;
}

/** `ready`: the current design's export is made; `preparing`: it is being made; `idle`: neither. */
export type PreparedState = 'idle' | 'preparing' | 'ready';

interface Job {
  id: number;
  design: Design;
  /** A click waits for this answer (it is never abandoned then). */
  wanted: boolean;
  dropped: boolean;
  promise: Promise<ExportAnswer>;
  resolve: (a: ExportAnswer) => void;
}

/** The worker adding `design` to the zip of `base`, made from a design that differs from it in layout alone. */
interface Relayout {
  id: number;
  design: Design;
  base: ExportAnswer;
  promise: Promise<ExportAnswer>;
  resolve: (a: ExportAnswer) => void;
}

/**
 * Runs `run` after `ms`, and then once the page is idle (at most 2 s later): handing a large design
 * to the worker copies it on the page's thread, which should not hold up a page still drawing it.
 * Returns a cancel function.
 */
function afterQuietThenIdle(ms: number, run: () => void): () => void {
  let idle: number | undefined;
  const t = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 2000 });
    else run();
  }, ms);
  return () => {
    clearTimeout(t);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

/**
 * Keeps the export of the current design ready before Export is clicked. When the design changes
 * and then stays unchanged for `idleMs` (no drag in progress, no pointer held or input in that
 * time, tab visible), the export worker checks, generates and zips it in the background (pausing
 * while a button is held, and until `idleMs` after the user's last input); the answer is kept for
 * that design only (one at a time). Changes to positions or the viewport keep it (no generator
 * reads them); any other change drops it, and abandons a preparation still running for the old
 * design. After a change of layout, once the page is quiet again, the worker adds the new design
 * to the kept zip (the zip's other files stay as they are), so that a click after a drag has
 * nothing left to do either. `exportDesign` answers from the prepared export when it is for the
 * design asked for, joins the preparation when that one is running, and otherwise starts one.
 */
export class ExportPreparer {
  private readonly createWorker: () => ExportWorkerLike;
  private readonly idleMs: number;
  private readonly hidden: () => boolean;
  private worker: ExportWorkerLike | null = null;
  private nextId = 0;
  private jobs = new Map<number, Job>();
  /** The design being added to the prepared zip (at most one at a time). */
  private relayout: Relayout | null = null;
  private prepared: { design: Design; answer: ExportAnswer } | null = null;
  /** A preparation that failed: not retried until the design changes. */
  private failed: Design | null = null;
  private latest: Design | null = null;
  private dragging = false;
  /** A mouse button or finger is down on the page (a pan, a drag, a selection box). */
  private held = false;
  /** A wait ran out while the user was busy: the preparation waits for the next pause. */
  private deferred = false;
  /** Cancels the wait before the next preparation; null when none is pending. */
  private timer: (() => void) | null = null;
  private timerDesign: Design | null = null;
  private listeners = new Set<(s: PreparedState) => void>();
  private lastState: PreparedState = 'idle';
  /** The worker was asked to pause (see `ExportPause`). */
  private paused = false;
  /** Cancels the wait before a paused preparation goes on; null when none is pending. */
  private resumeTimer: (() => void) | null = null;

  constructor(options: PreparerOptions) {
    this.createWorker = options.createWorker;
    this.idleMs = options.idleMs ?? 750;
    this.hidden = options.hidden ?? (() => false);
  }

  /** The design in the editor changed (or a drag started or ended). */
  update(design: Design, dragging = false): void {
    this.latest = design;
    this.dragging = dragging;
    if (this.prepared && !sameExceptLayout(this.prepared.design, design)) this.prepared = null;
    if (this.failed && !sameExceptLayout(this.failed, design)) this.failed = null;
    this.abandonOutdated(design);
    this.emit();
    if (this.failed) return this.clearTimer();
    if (this.covers(design)) {
      // the prepared zip holds an older layout: the design is added to it after the next pause
      if (this.needsDesign(design)) this.schedule(design);
      else this.clearTimer();
      return;
    }
    // a change of positions only does not restart the wait
    if (this.timer !== null && this.timerDesign && sameExceptLayout(this.timerDesign, design)) return;
    this.schedule(design);
  }

  /**
   * The user is at work on the page: a button or finger went down (`held`) or up, the wheel turned
   * or a key was pressed. A preparation not started yet waits for `idleMs` without input again, and
   * none starts while a button is held, so the worker does not take a core from a pan or a zoom;
   * one already running pauses until then (`pauseForInput`).
   */
  input(held: boolean): void {
    this.held = held;
    this.pauseForInput();
    const d = this.latest;
    if (!d || (this.timer === null && !this.deferred)) return;
    this.deferred = false;
    this.schedule(d);
  }

  /** The tab became visible again: prepare what was put off while it was hidden. */
  visible(): void {
    if (this.latest) this.update(this.latest, this.dragging);
  }

  /** Whether the export of `design` is made already. */
  isReady(design: Design): boolean {
    return this.prepared !== null && sameExceptLayout(this.prepared.design, design);
  }

  /** The export of `design`: the prepared one if it is for this design, else made now. */
  exportDesign(design: Design): Promise<ExportAnswer> {
    if (this.prepared && this.isReady(design)) {
      if (this.relayout?.design === design) return this.relayout.promise;
      // a card moved since, and the worker is free: it adds the design now (not the page's thread)
      if (!this.relayout && this.jobs.size === 0 && this.needsDesign(design)) {
        if (this.latest && sameExceptLayout(this.latest, design)) this.clearTimer();
        const started = this.startRelayout(design);
        if (started) return started.promise;
      }
      return Promise.resolve(this.prepared.answer);
    }
    const running = this.runningFor(design);
    if (running) {
      running.wanted = true;
      this.goOn();
      return running.promise;
    }
    this.abandonOutdated(design);
    if (this.latest && sameExceptLayout(this.latest, design)) this.clearTimer();
    const job = this.start(design, true);
    this.emit();
    return job.promise;
  }

  /** What the preparer holds for the latest design. */
  state(): PreparedState {
    const d = this.latest;
    if (!d) return 'idle';
    if (this.prepared && sameExceptLayout(this.prepared.design, d)) return 'ready';
    return this.runningFor(d) ? 'preparing' : 'idle';
  }

  /** Whether an export is kept (never more than one, and only for the latest design). */
  holding(): boolean {
    return this.prepared !== null;
  }

  subscribe(listener: (s: PreparedState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.clearTimer();
    this.clearResume();
    this.worker?.terminate();
    this.worker = null;
    for (const job of this.jobs.values()) job.resolve({ id: job.id, ok: false, error: 'The exporter was closed.' });
    this.jobs.clear();
    this.endRelayout();
    this.prepared = null;
    this.listeners.clear();
  }

  private covers(design: Design): boolean {
    return (
      (this.prepared !== null && sameExceptLayout(this.prepared.design, design)) || this.runningFor(design) !== null
    );
  }

  /** Whether the prepared zip is of `design`'s generators but holds an older layout (or none yet being added). */
  private needsDesign(design: Design): boolean {
    const p = this.prepared;
    if (!p || !p.answer.ok || !p.answer.zip || p.answer.design === design) return false;
    return sameExceptLayout(p.design, design) && this.relayout?.design !== design;
  }

  /** Whether a preparation no click waits for is running in the worker. */
  private inBackground(): boolean {
    for (const job of this.jobs.values()) if (!job.dropped && !job.wanted) return true;
    return false;
  }

  /**
   * The user is at work: a preparation running in the background pauses (the worker stops at its
   * next step and leaves the core to the page's drag, pan or zoom), and goes on once no button is
   * held and `idleMs` have passed without input.
   */
  private pauseForInput(): void {
    if (!this.inBackground()) return;
    this.setPaused(true);
    this.clearResume();
    if (this.held) return;
    const t = setTimeout(() => {
      this.resumeTimer = null;
      if (!this.held) this.setPaused(false);
    }, this.idleMs);
    this.resumeTimer = () => clearTimeout(t);
  }

  /** A click waits for the worker's work: no pause. */
  private goOn(): void {
    this.clearResume();
    this.setPaused(false);
  }

  private setPaused(paused: boolean): void {
    if (this.paused === paused || !this.worker) return;
    this.paused = paused;
    this.worker.postMessage({ pause: paused });
  }

  private clearResume(): void {
    this.resumeTimer?.();
    this.resumeTimer = null;
  }

  private runningFor(design: Design): Job | null {
    for (const job of this.jobs.values()) if (!job.dropped && sameExceptLayout(job.design, design)) return job;
    return null;
  }

  private schedule(design: Design): void {
    this.clearTimer();
    this.timerDesign = design;
    this.timer = afterQuietThenIdle(this.idleMs, () => {
      this.timer = null;
      this.timerDesign = null;
      this.prepareLatest();
    });
  }

  private prepareLatest(): void {
    const d = this.latest;
    if (!d || d.nodes.length === 0 || this.dragging || this.hidden() || this.failed) return;
    const full = !this.covers(d);
    const relayout = !full && this.needsDesign(d);
    if (!full && !relayout) return;
    if (this.held) {
      this.deferred = true;
      return;
    }
    if (relayout) {
      if (!this.relayout) this.startRelayout(d);
      return;
    }
    // a click is waiting on another design's export: prepare once it is done
    if ([...this.jobs.values()].some((j) => !j.dropped)) return;
    this.start(d, false);
    this.emit();
  }

  /** Preparations for another design that no click waits for are stopped (the worker with them). */
  private abandonOutdated(design: Design): void {
    let live = 0;
    for (const job of this.jobs.values()) {
      if (job.dropped) continue;
      if (!job.wanted && !sameExceptLayout(job.design, design)) job.dropped = true;
      else live++;
    }
    if (live === 0 && this.jobs.size > 0) {
      // nothing anyone waits for runs in the worker: stop it rather than let it finish
      this.worker?.terminate();
      this.worker = null;
      this.paused = false;
      this.clearResume();
      this.jobs.clear();
      this.endRelayout();
    }
  }

  private startRelayout(design: Design): Relayout | null {
    const base = this.prepared?.answer;
    if (!base?.ok || !base.zip) return null;
    const id = ++this.nextId;
    let resolve!: (a: ExportAnswer) => void;
    const promise = new Promise<ExportAnswer>((r) => (resolve = r));
    this.relayout = { id, design, base, promise, resolve };
    const request: ExportRequest = { id, design, designInto: base.zip };
    this.ensureWorker().postMessage(request);
    return this.relayout;
  }

  /** The design was added to the zip (or adding it failed: the click then adds it itself). */
  private finishRelayout(received: DesignAdded): void {
    const job = this.relayout;
    if (!job || job.id !== received.id) return;
    this.relayout = null;
    const p = this.prepared;
    if (p && p.answer === job.base && received.designAdded && job.base.ok) {
      const answer: ExportAnswer = { ...job.base, withDesign: received.designAdded, design: job.design };
      this.prepared = { design: job.design, answer };
      job.resolve(answer);
    } else job.resolve(job.base);
    if (this.timer === null) this.prepareLatest();
  }

  /** A relayout the worker will not answer (it was stopped): a click waiting for it gets the zip as it was. */
  private endRelayout(): void {
    this.relayout?.resolve(this.relayout.base);
    this.relayout = null;
  }

  private start(design: Design, wanted: boolean): Job {
    const id = ++this.nextId;
    let resolve!: (a: ExportAnswer) => void;
    const promise = new Promise<ExportAnswer>((r) => (resolve = r));
    const job: Job = { id, design, wanted, dropped: false, promise, resolve };
    this.jobs.set(id, job);
    const cores = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency;
    const request: ExportRequest = { id, design, ...(cores ? { cores } : {}), ...(wanted ? {} : { background: true }) };
    this.ensureWorker().postMessage(request);
    if (wanted) this.goOn();
    return job;
  }

  private ensureWorker(): ExportWorkerLike {
    if (this.worker) return this.worker;
    const w = this.createWorker();
    w.onmessage = (e) => {
      if (this.worker !== w) return;
      if ('designAdded' in e.data) this.finishRelayout(e.data);
      else this.finish(e.data);
    };
    w.onerror = (e) => {
      // the worker is gone: every export waiting on it fails, the next one starts a new worker
      w.terminate();
      if (this.worker !== w) return;
      this.worker = null;
      this.paused = false;
      this.clearResume();
      const message = e.message || 'The exporter stopped.';
      for (const job of this.jobs.values()) {
        if (!job.dropped && this.latest && sameExceptLayout(job.design, this.latest)) this.failed = job.design;
        job.resolve({ id: job.id, ok: false, error: message });
      }
      this.jobs.clear();
      this.endRelayout();
      this.emit();
    };
    this.worker = w;
    return w;
  }

  private finish(received: ExportAnswer): void {
    const job = this.jobs.get(received.id);
    if (!job) return;
    this.jobs.delete(received.id);
    // nothing left to pause: the worker is told to go on, so the next job does not wait
    if (!this.inBackground()) this.goOn();
    const answer: ExportAnswer = received.ok ? { ...received, design: job.design } : received;
    if (!job.dropped) {
      // kept only while it is still the design in the editor: never a stale zip
      if (this.latest === null || sameExceptLayout(job.design, this.latest)) {
        if (answer.ok) this.prepared = { design: job.design, answer };
        else this.failed = job.design;
      }
      job.resolve(answer);
    }
    this.emit();
    if (this.timer === null) this.prepareLatest();
  }

  private clearTimer(): void {
    this.timer?.();
    this.timer = null;
    this.timerDesign = null;
  }

  private emit(): void {
    const s = this.state();
    if (s === this.lastState) return;
    this.lastState = s;
    for (const l of this.listeners) l(s);
  }
}
