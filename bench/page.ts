import type { Page } from '@playwright/test';

/** Frame times and long tasks over one interaction, sampled inside the page. */
export interface Frames {
  p50: number;
  p95: number;
  max: number;
  longTasks: number;
  longestTask: number;
}

declare global {
  interface Window {
    __benchSampler?: { stop(): { frames: number[]; tasks: number[] } };
  }
}

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

export function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

/** Starts a requestAnimationFrame loop and a long-task observer in the page. */
export async function startSampler(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frames: number[] = [];
    const tasks: number[] = [];
    let last = performance.now();
    let running = true;
    const tick = (t: number) => {
      if (!running) return;
      frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    obs.observe({ type: 'longtask', buffered: false });
    window.__benchSampler = {
      stop() {
        running = false;
        for (const e of obs.takeRecords()) tasks.push(e.duration);
        obs.disconnect();
        return { frames, tasks };
      },
    };
  });
}

export async function stopSampler(page: Page): Promise<Frames> {
  // Two frames so that the work of the last input is painted and observed.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { frames, tasks } = await page.evaluate(() => {
    const s = window.__benchSampler;
    if (!s) throw new Error('sampler not started');
    return s.stop();
  });
  return {
    p50: quantile(frames, 0.5),
    p95: quantile(frames, 0.95),
    max: Math.max(...frames),
    longTasks: tasks.length,
    longestTask: tasks.length ? Math.max(...tasks) : 0,
  };
}

/**
 * Milliseconds from navigation start until every node in view is in the DOM and measured: each
 * node whose top-left corner lies on the pane (by the page's own viewport) has an element that is
 * not hidden (React Flow hides a node until it has measured it) and has a width. A page that draws
 * every node (the bare page) gets there when all of them are measured; the app draws only the
 * nodes in view.
 */
export async function waitMeasured(
  page: Page,
  nodes: readonly { id: string; position: { x: number; y: number } }[],
): Promise<number> {
  const at = nodes.map((n) => [n.id, n.position.x, n.position.y] as const);
  return page.evaluate(
    (all) =>
      new Promise<number>((resolve, reject) => {
        const deadline = performance.now() + 120_000;
        let missing = 'no pane yet';
        const poll = () => {
          const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
          const viewport = document.querySelector('.react-flow__viewport');
          if (pane && viewport && pane.width > 0) {
            const m = new DOMMatrix(getComputedStyle(viewport).transform);
            const inView = all.filter(([, x, y]) => {
              const sx = x * m.a + m.e;
              const sy = y * m.d + m.f;
              return sx >= 0 && sy >= 0 && sx < pane.width && sy < pane.height;
            });
            const shown = (id: string) => {
              const e = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
              return !!e && e.style.visibility !== 'hidden' && e.offsetWidth > 0;
            };
            const notYet = inView.filter(([id]) => !shown(id));
            if (inView.length > 0 && notYet.length === 0) {
              resolve(performance.now());
              return;
            }
            missing = `${notYet.length} of ${inView.length} nodes in view not drawn`;
          }
          if (performance.now() > deadline) reject(new Error(`${missing} after 120 s`));
          else requestAnimationFrame(poll);
        };
        poll();
      }),
    at,
  );
}

/** A point on the empty pane (no node, edge or panel), found by probing the canvas. */
export async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return null;
    const r = pane.getBoundingClientRect();
    for (let y = r.top + r.height / 2; y < r.bottom - 40; y += 7)
      for (let x = r.left + r.width / 3; x < r.right - 260; x += 13) {
        const el = document.elementFromPoint(x, y);
        if (el === pane) return { x, y };
      }
    return null;
  });
  if (!p) throw new Error('no empty spot on the pane');
  return p;
}

/** Centre of a node that is fully in view, away from the edges of the canvas. */
export async function nodeToDrag(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (!pane) return null;
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      if (
        r.left > pane.left + 20 &&
        r.top > pane.top + 40 &&
        r.right < pane.right - 200 &&
        r.bottom < pane.bottom - 200
      )
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  });
  if (!p) throw new Error('no node in view to drag');
  return p;
}

export async function renders(page: Page): Promise<number> {
  return page.evaluate(() => window.__polyglotBench?.renders() ?? NaN);
}

export async function resetRenders(page: Page): Promise<void> {
  await page.evaluate(() => window.__polyglotBench?.reset());
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time; steadier than `dur` on a machine that other jobs keep busy. */
  tdur?: number;
  args?: { name?: string };
}

/**
 * Starts a Chromium trace of top-level tasks. Headless Chromium draws at most 60 frames a second
 * whatever the flags, so a frame that needs 3 ms and one that needs 15 ms both last ~16.7 ms; the
 * main thread's busy time shows the work the frame times hide.
 */
export async function startBusy(page: Page): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser to trace');
  await browser.startTracing(page, { categories: ['toplevel'] });
}

/** CPU milliseconds the renderer's main thread spent in tasks since `startBusy`. */
export async function stopBusy(page: Page): Promise<number> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser to trace');
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const mains = new Set(
    traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const busy = new Map<string, number>();
  const end = new Map<string, number>();
  const tasks = traceEvents
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts);
  for (const e of tasks) {
    const t = `${e.pid}:${e.tid}`;
    // Nested tasks (a nested run loop) are inside their parent's time already.
    if (e.ts < (end.get(t) ?? -Infinity)) continue;
    end.set(t, e.ts + (e.dur ?? 0));
    busy.set(t, (busy.get(t) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  }
  // The page's renderer is the busiest one (the context has one page).
  return Math.max(0, ...busy.values());
}
