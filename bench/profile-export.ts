/**
 * Times the export in Node: `generateProject()` (and each generator on its own) and the zip step,
 * for designs of 100, 500 and 2,000 services from `bench/designs.ts`.
 *
 *   npx tsx bench/profile-export.ts [sizes…] [--runs=3]
 *   npx tsx --cpu-prof --cpu-prof-dir=bench/results bench/profile-export.ts 2000 --runs=1 --no-zip
 *
 * Prints the median of the runs (ms): wall time and, for `generateProject` and the zip, the CPU
 * time of the process (less sensitive to a busy machine). Not a test: nothing gates on these.
 *
 * With `--browser=<url of the built app>` (e.g. `npx vite build && npx vite preview --port 4186`)
 * it also opens the app in Chromium with each design saved in localStorage, clicks Export and
 * times it until the download, with the longest main-thread task (Long Tasks API) meanwhile:
 * once right after the load ("cold"), once after the background preparation ("prepared"), and
 * once after the preparation with a service renamed in the inspector just before the click
 * ("edited": the export worker has the last export, so it regenerates only what the rename reaches).
 * `--browser-only` skips the Node timings; `--modes=edited,cold` picks the browser's cases.
 *
 * In Node, `incremental` is the export worker's path after such a rename (`ExportCache`: one
 * service renamed after a full export): the files (`incremental`), then the manifest and the zip
 * (`incremental.zip`), with the CPU time of each, each generator's share of the files
 * (`incremental.kubernetes`, `incremental.keys`, …) and `cacheMB`, what the cache holds. Run with
 * `node --expose-gc` (e.g. `NODE_OPTIONS=--expose-gc`) to have `heapMB`, the memory (heap and byte arrays) the kept
 * export takes after a collection.
 */
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { benchDesign } from './designs';
import { nodeToDrag, waitMeasured } from './page';
import { keptExport } from '../src/app/exporter/exportZip';
import { withManifestEntry } from '../src/app/exporter/manifestEntry';
import { updateNode } from '../src/core/ops/ops';
import { generateAsyncApi } from '../src/core/generators/asyncapi';
import { generateCompose } from '../src/core/generators/compose';
import { generateDocs } from '../src/core/generators/docs';
import { generateKubernetes } from '../src/core/generators/kubernetes';
import { generateOpenApi } from '../src/core/generators/openapi';
import { exportProblems } from '../src/core/generators/problems';
import { generateProject, serviceFiles } from '../src/core/generators/project';
import { generateProto } from '../src/core/generators/proto';
import type { Design } from '../src/core';
import { zipEntriesSync, zipFiles } from '../src/export/zip';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const zip = !args.includes('--no-zip');
const node = !args.includes('--browser-only');
const browserUrl = args.find((a) => a.startsWith('--browser='))?.slice(10);
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const modes = (args
  .find((a) => a.startsWith('--modes='))
  ?.slice(8)
  .split(',') ?? ['cold', 'prepared', 'edited']) as ('cold' | 'prepared' | 'edited')[];
if (sizes.length === 0) sizes.push(100, 500, 2000);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};

/**
 * Click Export until the download, and the longest main-thread task meanwhile (0 = none over
 * 50 ms). `cold`: the click comes as soon as the design is on the canvas (the export is made
 * then, or joined while it is being prepared); `prepared`: the click comes once the background
 * preparation is done (the Export button's `data-export` is `ready`), and `prepareLongest` is the
 * longest task from the design being on the canvas until then.
 */
async function browserExport(
  browser: Browser,
  url: string,
  design: Design,
  mode: 'cold' | 'prepared' | 'edited',
): Promise<{ ms: number; longest: number; prepareLongest: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  try {
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.addInitScript(([key, json]) => localStorage.setItem(key, json), [
      'polyglot-canvas/design',
      JSON.stringify(design),
    ] as const);
    await context.addInitScript(() => {
      const w = window as unknown as { __tasks: number[] };
      w.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(url);
    // the canvas draws the cards in view; the design is open once those are drawn
    await waitMeasured(page, design.nodes);
    const button = page.getByRole('banner').getByRole('button', { name: 'Export', exact: true });
    let prepareLongest = 0;
    if (mode !== 'cold') {
      await page.evaluate(() => ((window as unknown as { __tasks: number[] }).__tasks = []));
      await button.and(page.locator('[data-export="ready"]')).waitFor({ timeout: 300_000 });
      prepareLongest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __tasks: number[] }).__tasks));
    }
    // found before the clock starts: Playwright's role query over 2,000 cards is not the app's time
    const target = await button.elementHandle();
    if (mode === 'edited') {
      // a service renamed in the inspector, then the click at once (as `npm run bench`'s cold export)
      const p = await nodeToDrag(page);
      await page.mouse.click(p.x, p.y);
      const name = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Name', { exact: true });
      await name.fill(`${await name.inputValue()}-x`);
    }
    await page.evaluate(() => ((window as unknown as { __tasks: number[] }).__tasks = []));
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), target.click()]);
    const ms = Date.now() - t0;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
    await download.delete();
    return { ms, longest: Math.max(0, ...tasks), prepareLongest };
  } finally {
    await context.close();
  }
}

// Each generator on a fresh copy of the design, so no cache from an earlier step can help it.
const fresh = (d: Design): Design => structuredClone(d);
const PARTS: [string, (d: Design) => unknown][] = [
  ['problems', (d) => exportProblems(d)],
  ['compose', (d) => generateCompose(d)],
  ['kubernetes', (d) => generateKubernetes(d)],
  ['proto', (d) => generateProto(d)],
  ['openapi', (d) => generateOpenApi(d)],
  ['asyncapi', (d) => generateAsyncApi(d)],
  ['services', (d) => serviceFiles(d)],
  ['docs', (d) => generateDocs(d, [])],
];

/**
 * The export worker's path after a rename: a full export kept (`ExportCache`), then one service
 * renamed, as the worker gets it (a copy of the design), and its files and zip made again.
 */
async function incremental(design: Design, put: (k: string, v: number) => void): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const heap0 = used();
  const kept = keptExport();
  const zipOf = async (made: ReturnType<typeof kept.files.entries>) => {
    const c = process.cpuUsage();
    const t = performance.now();
    const m = await withManifestEntry(made.entries, kept.hashes);
    zipEntriesSync(m.entries, made.textLength + m.textLength, kept.packed);
    return [performance.now() - t, cpuMs(c)] as const;
  };
  await zipOf(kept.files.entries(structuredClone(design)));
  gc?.();
  if (gc) put('incremental.heapMB', (used() - heap0) / 1e6);
  put('incremental.cacheMB', kept.files.last.keptBytes / 1e6);
  const node = design.nodes[Math.floor(design.nodes.length / 2)];
  const r = node && updateNode(design, node.id, { name: `${node.name}-x` });
  if (!r || !r.ok) throw new Error('the rename failed');
  const edited = structuredClone(r.design);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const made = kept.files.entries(edited);
  put('incremental', performance.now() - t0);
  put('incremental.cpu', cpuMs(c0));
  put('incremental.regenerated', kept.files.last.services - kept.files.last.servicesReused);
  for (const [k, v] of Object.entries(kept.files.last.ms)) put(`incremental.${k}`, v);
  const [zipMs, zipCpu] = await zipOf(made);
  put('incremental.zip', zipMs);
  put('incremental.zip.cpu', zipCpu);
}

console.log(
  `load ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, ${runs} run(s), medians in ms`,
);
const launch = playwrightConfig.projects?.[0]?.use?.launchOptions;
const browser = browserUrl
  ? await chromium.launch({ executablePath: launch?.executablePath, args: launch?.args ?? [] })
  : null;
for (const size of sizes) {
  const design = benchDesign(size);
  const samples = new Map<string, number[]>();
  const put = (k: string, v: number) => samples.set(k, [...(samples.get(k) ?? []), v]);
  let files = 0;
  let zipBytes = 0;
  for (let r = 0; r < runs; r++) {
    if (browser && browserUrl) {
      for (const mode of modes) {
        const b = await browserExport(browser, browserUrl, design, mode);
        put(`browser.${mode}.exportMs`, b.ms);
        put(`browser.${mode}.longestTask`, b.longest);
        if (mode === 'prepared') put('browser.prepare.longestTask', b.prepareLongest);
      }
    }
    if (!node) continue;
    for (const [name, f] of PARTS) {
      const d = fresh(design);
      put(name, time(() => f(d))[1]);
    }
    const d = fresh(design);
    const c0 = process.cpuUsage();
    const [out, genMs] = time(() => generateProject(d));
    put('generateProject', genMs);
    put('generateProject.cpu', cpuMs(c0));
    files = out.length;
    if (!zip) continue;
    const c1 = process.cpuUsage();
    const t0 = performance.now();
    try {
      const bytes = await zipFiles(out);
      put('zip', performance.now() - t0);
      put('zip.cpu', cpuMs(c1));
      put('total', performance.now() - t0 + genMs);
      zipBytes = bytes.length;
    } catch (e) {
      console.log(`  ${size} services: no zip: ${e instanceof Error ? e.message : String(e)}`);
    }
    await incremental(design, put);
  }
  // CPU times also as the best of the runs: the steadier figure on a shared machine
  const row = [...samples]
    .map(([k, v]) => `${k} ${median(v).toFixed(0)}${k.endsWith('.cpu') ? ` (min ${Math.min(...v).toFixed(0)})` : ''}`)
    .join('  ');
  const gen = median(samples.get('generateProject') ?? []);
  console.log(
    `${size} services, ${files} files, zip ${(zipBytes / 1024).toFixed(0)} kB, ${(gen / size).toFixed(2)} ms/service\n  ${row}`,
  );
}
await browser?.close();
