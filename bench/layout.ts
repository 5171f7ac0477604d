/**
 * `npx tsx bench/layout.ts [--node]`: how long auto-layout takes for 100, 500 and 2,000 services.
 *
 * In Node: building the ELK graph, the layered layout (elkjs, in this process) and turning the
 * answer into positions. In Chromium (unless `--node`), against the production build in dist/
 * (`npx vite build` first): from the click on Auto-layout until the new positions are applied,
 * with the longest main-thread task meanwhile, once with a cold worker and once warm.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { buildLayoutGraph, positionsFromLayout, type LaidOutGraph } from '../src/core';
import { benchDesign } from './designs';
import { ROOTS, serve } from './build';
import { emptyPanePoint, median, startSampler, stopSampler, waitMeasured } from './page';

const SIZES = [100, 500, 2000];
const KEY = 'polyglot-canvas/design';
const ms = (x: number) => `${Math.round(x)} ms`;

async function inNode(): Promise<void> {
  const elk = new ELK();
  console.log('Node (elk.bundled.js in-process): graph + layout + positions, median of runs');
  for (const size of SIZES) {
    const design = benchDesign(size);
    const runs = size >= 2000 ? 1 : size >= 500 ? 2 : 3;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const laidOut = (await elk.layout(buildLayoutGraph(design))) as LaidOutGraph;
      positionsFromLayout(design, laidOut);
      times.push(performance.now() - t0);
    }
    console.log(`  ${String(size).padStart(5)} nodes, ${design.links.length} links: ${ms(median(times))}`);
  }
}

async function inBrowser(): Promise<void> {
  const dist = resolve(ROOTS.app, 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error('No dist/: run `npx vite build` first.');
  const { url, server } = await serve(dist, ROOTS.app);
  const chromiumPath = '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  console.log('Chromium (production build, elkjs in a Web Worker): click -> applied; longest main-thread task');
  try {
    for (const size of SIZES) {
      const design = benchDesign(size);
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      await context.addInitScript(([key, json]) => localStorage.setItem(key, json), [
        KEY,
        JSON.stringify(design),
      ] as const);
      const page = await context.newPage();
      await page.goto(url);
      await waitMeasured(page, design.nodes);
      const button = page.getByRole('button', { name: 'Auto-layout', exact: true });
      const row: string[] = [];
      for (const run of ['cold', 'warm']) {
        await startSampler(page);
        // From the click to the moment the button stops being busy (the positions are applied).
        await page.evaluate(() => {
          const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === 'Auto-layout');
          if (!b) throw new Error('no Auto-layout button');
          const t = { start: 0, end: 0 };
          Object.assign(window, { __layoutTime: t });
          b.addEventListener('click', () => (t.start = performance.now()), { capture: true, once: true });
          const obs = new MutationObserver(() => {
            if (t.start && b.getAttribute('aria-busy') === 'false') {
              t.end = performance.now();
              obs.disconnect();
            }
          });
          obs.observe(b, { attributes: true, attributeFilter: ['aria-busy'] });
        });
        await button.click();
        const took = await page
          .waitForFunction(
            () => {
              const t = (window as unknown as { __layoutTime: { start: number; end: number } }).__layoutTime;
              return t.end > 0 && t.end - t.start;
            },
            null,
            { timeout: 180_000 },
          )
          .then((h) => h.jsonValue() as Promise<number>);
        const f = await stopSampler(page);
        row.push(`${run} ${ms(took)} (longest task ${ms(f.longestTask)}, frame p95 ${ms(f.p95)})`);
        const p = await emptyPanePoint(page);
        await page.mouse.click(p.x, p.y);
        await page.waitForTimeout(500);
      }
      console.log(`  ${String(size).padStart(5)} nodes: ${row.join('; ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await inNode();
if (!process.argv.includes('--node')) await inBrowser();
