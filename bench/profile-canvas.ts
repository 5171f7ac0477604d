/**
 * `npx tsx bench/profile-canvas.ts [size] [app|bare] [drag|press|pan|zoom|load]`: a CPU profile of one
 * canvas interaction in an unminified build of the app or the bare page, printed as the functions
 * with the most self time. A helper for finding where the time goes; `npm run bench` measures.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { benchDesign } from './designs';
import { ROOTS, serve } from './build';
import { emptyPanePoint, nodeToDrag, waitMeasured } from './page';

const [sizeArg = '500', kind = 'app', action = 'drag', how = 'cpu'] = process.argv.slice(2);
const traceMode = how === 'trace';
const size = Number(sizeArg);
const here = resolve(import.meta.dirname, '..');
const out = resolve(here, `dist-bench/profile-${kind}`);
const root = kind === 'app' ? ROOTS.app : ROOTS.bare;
const design = benchDesign(size);
// ZOOM=0.1 opens the design zoomed out, as `npm run bench -- --zoom 0.1` does.
if (process.env.ZOOM) design.viewport = { x: 20, y: 20, zoom: Number(process.env.ZOOM) };

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * LONG=1: the stretches of the profile without idle time longer than 40 ms (tasks that may drop
 * frames), each with the functions of most self time inside it and the app's own callers.
 */
function longStretches(profile: Profile): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes as (ProfileNode & { children?: number[] })[])
    for (const c of n.children ?? []) parent.set(c, n.id);
  const out: string[] = [];
  let t = 0;
  let run: { start: number; end: number; self: Map<string, number> } | null = null;
  const flush = () => {
    if (run && run.end - run.start > 40) {
      out.push(`stretch at ${run.start.toFixed(0)} ms, ${(run.end - run.start).toFixed(0)} ms long:`);
      for (const [k, v] of [...run.self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12))
        out.push(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
    }
    run = null;
  };
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    t += dt;
    const node = byId.get(id);
    const name = node?.callFrame.functionName ?? '';
    if (name === '(idle)') return flush();
    run ??= { start: t, end: t, self: new Map() };
    run.end = t;
    // The nearest caller with a name from the app's bundle, to tell whose work it is.
    let chain = '';
    let cur: number | undefined = id;
    for (let depth = 0; cur !== undefined && depth < 40 && chain.split(' < ').length < 4; depth++) {
      const f: ProfileNode['callFrame'] | undefined = byId.get(cur)?.callFrame;
      if (f?.functionName && f.url) chain += `${chain ? ' < ' : ''}${f.functionName}:${f.lineNumber + 1}`;
      cur = parent.get(cur);
    }
    const key = `${name || '(anon)'}  [${chain}]`;
    run.self.set(key, (run.self.get(key) ?? 0) + dt);
  });
  flush();
  return out;
}

function top(profile: Profile, n = 30): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    if (!node) return;
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [
    `total ${total.toFixed(0)} ms`,
    ...[...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`),
  ];
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Time per trace event name on the renderer's main thread (self time is not separated). */
function timeline(events: TraceEvent[]): string[] {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const by = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`)) {
      // Thread time (CPU), not wall time: steadier when the machine is busy.
      by.set(e.name, (by.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
      by.set(`${e.name} (count)`, (by.get(`${e.name} (count)`) ?? 0) + 1);
    }
  const lines = [...by.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`);
  // The longest main-thread task and the events inside it (wall time, nested events counted too).
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  const longest = onMain
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask')
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  if (longest?.ts !== undefined) {
    const from = longest.ts;
    const to = from + (longest.dur ?? 0);
    const inner = new Map<string, number>();
    for (const e of onMain)
      if (e !== longest && e.ts !== undefined && e.ts >= from && e.ts < to)
        inner.set(e.name, (inner.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    lines.push(`longest task ${((longest.dur ?? 0) / 1000).toFixed(1)} ms, inside it:`);
    for (const [k, v] of [...inner.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15))
      lines.push(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  }
  // THREADS=1: the CPU time of each thread's tasks (a worker busy beside the page shows here).
  if (process.env.THREADS) {
    const names = new Map(
      events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]),
    );
    const cpu = new Map<string, number>();
    for (const e of events)
      if (e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask') {
        const name = names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
        cpu.set(name, (cpu.get(name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
      }
    for (const [name, ms] of [...cpu.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12))
      lines.push(`${ms.toFixed(1).padStart(8)} ms  thread ${name}`);
  }
  // TASKS=1: every main-thread task of 1 ms or more in order, from the first one traced, with the
  // events that took most of it (where a load's time goes, and what waits between the tasks).
  if (process.env.TASKS) {
    const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && (e.dur ?? 0) >= 1000);
    const t0 = Math.min(...onMain.map((e) => e.ts ?? Infinity));
    for (const t of tasks.sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0))) {
      const from = t.ts ?? 0;
      const to = from + (t.dur ?? 0);
      const inner = new Map<string, number>();
      for (const e of onMain)
        if (e !== t && e.name !== 'ThreadControllerImpl::RunTask' && e.ts !== undefined && e.ts >= from && e.ts < to)
          inner.set(e.name, (inner.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      const top3 = [...inner.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`);
      lines.push(
        `${((from - t0) / 1000).toFixed(1).padStart(8)} ms  ${((t.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${top3.join(', ')}`,
      );
    }
  }
  return lines;
}

/**
 * The composited layers of the page, counted by the element each was made for (its tag and first
 * class) and Chromium's reasons for it.
 */
async function compositedLayers(cdp: CDPSession, page: Page): Promise<string[]> {
  interface Layer {
    layerId: string;
    backendNodeId?: number;
    drawsContent: boolean;
  }
  let report: (e: { layers?: Layer[] }) => void = () => {};
  const layers = await new Promise<Layer[]>((done) => {
    report = (e) => {
      if (e.layers) done(e.layers);
    };
    cdp.on('LayerTree.layerTreeDidChange', report);
    // The tree is reported when it changes: a probe layer is added (and left out of the count).
    void cdp.send('LayerTree.enable').then(() =>
      page.evaluate(() => {
        const probe = document.createElement('div');
        probe.className = 'layer-probe';
        probe.style.cssText = 'position:fixed;width:1px;height:1px;will-change:transform';
        document.body.append(probe);
      }),
    );
  });
  await cdp.send('DOM.getDocument', { depth: 0 });
  const byOwner = new Map<string, number>();
  for (const l of layers) {
    let owner = '(no node)';
    if (l.backendNodeId) {
      const { nodeIds } = (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', {
        backendNodeIds: [l.backendNodeId],
      })) as { nodeIds: number[] };
      const id = nodeIds[0];
      if (id) {
        const { node } = (await cdp.send('DOM.describeNode', { nodeId: id })) as {
          node: { localName: string; attributes?: string[] };
        };
        const attrs = node.attributes ?? [];
        const cls = attrs[attrs.indexOf('class') + 1] ?? '';
        owner = `${node.localName}${attrs.includes('class') ? `.${cls.split(' ')[0]}` : ''}`;
      }
    }
    if (owner === 'div.layer-probe') continue;
    const { compositingReasons = [] } = (await cdp
      .send('LayerTree.compositingReasons', { layerId: l.layerId })
      .catch(() => ({}))) as { compositingReasons?: string[] };
    const key = `${owner}${l.drawsContent ? '' : ' (draws nothing)'}: ${compositingReasons.join(', ')}`;
    byOwner.set(key, (byOwner.get(key) ?? 0) + 1);
  }
  cdp.off('LayerTree.layerTreeDidChange', report);
  await cdp.send('LayerTree.disable');
  // the probe would otherwise be a layer in the interaction profiled next
  await page.evaluate(() => document.querySelector('.layer-probe')?.remove());
  return [
    `${[...byOwner.values()].reduce((a, b) => a + b, 0)} layers`,
    ...[...byOwner.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${String(v).padStart(6)}  ${k}`),
  ];
}

async function main(): Promise<void> {
  await build({
    configFile: resolve(here, 'vite.config.ts'),
    root,
    logLevel: 'warn',
    // MINIFY=1: minified as the bench's build is (function names are then lost), for load timings.
    build: { outDir: out, emptyOutDir: true, minify: Boolean(process.env.MINIFY) },
  });
  const server = await serve(out, root);
  const launch = playwrightConfig.projects?.[0]?.use?.launchOptions;
  const browser = await chromium.launch({ executablePath: launch?.executablePath, args: launch?.args });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await context.addInitScript(([json]) => localStorage.setItem('polyglot-canvas/design', json), [
    JSON.stringify(design),
  ] as const);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (action === 'load')
    if (traceMode) await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
    else await cdp.send('Profiler.start');
  // CULLED=1: the bare page with React Flow's own culling (the bench's baseline)
  await page.goto(kind === 'bare' && process.env.CULLED ? `${server.url}?culled=1` : server.url);
  console.log('measured', (await waitMeasured(page, design.nodes)).toFixed(0), 'ms');
  // HIDE=".a, .b" hides elements before the interaction, to see what they cost.
  if (process.env.HIDE) await page.addStyleTag({ content: `${process.env.HIDE} { display: none !important; }` });
  // STYLE="css" adds a style sheet, to try a change without a rebuild.
  if (process.env.STYLE) await page.addStyleTag({ content: process.env.STYLE });
  await page.waitForTimeout(500);
  // LAYERS=1: the page's composited layers once it is drawn, by the element that made each.
  if (process.env.LAYERS) console.log((await compositedLayers(cdp, page)).join('\n'));
  // PREPARING=ms: the interaction starts this long after the app began to prepare its export in
  // the background (the worker then runs beside the page, or pauses for it).
  if (process.env.PREPARING) {
    await page.locator('[data-export="preparing"]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(Number(process.env.PREPARING));
  }
  if (action !== 'load') {
    const p = action === 'drag' || action === 'press' ? await nodeToDrag(page) : await emptyPanePoint(page);
    await page.mouse.move(p.x, p.y);
    // PRESS=1: the profile starts before the mouse goes down, so the press's own work is in it too.
    const start = () =>
      traceMode
        ? browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] })
        : cdp.send('Profiler.start');
    if (process.env.EVAL) console.log('EVAL before', JSON.stringify(await page.evaluate(process.env.EVAL)));
    if (process.env.PRESS) await start();
    if (action !== 'zoom') await page.mouse.down();
    if (!process.env.PRESS) await start();
    // `press`: the mouse goes down on a card and moves once, past React Flow's drag threshold, which
    // is when the card is selected and its inspector opens.
    for (let i = 1; i <= (action === 'press' ? 1 : 60); i++)
      if (action === 'zoom') await page.mouse.wheel(0, i <= 30 ? -40 : 40);
      else await page.mouse.move(p.x + i * 3 * (action === 'pan' ? -1 : 1), p.y + i * 2);
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  }
  // EVAL="expr": prints what the expression gives in the page after the interaction (counters).
  if (process.env.EVAL) console.log('EVAL', JSON.stringify(await page.evaluate(process.env.EVAL)));
  if (traceMode) {
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    console.log(timeline(traceEvents).join('\n'));
  } else {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    if (process.env.PROFILE_OUT)
      (await import('node:fs')).writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
    console.log(top(profile).join('\n'));
    if (process.env.LONG) console.log(longStretches(profile).join('\n'));
  }
  if (action !== 'load' && action !== 'zoom') await page.mouse.up();
  await browser.close();
  await server.server.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
