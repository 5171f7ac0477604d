/**
 * What the app's heap holds against the culled React Flow page (the bench's `heapMB` baseline):
 * both pages built as `npm run bench` builds them, opened with the bench design of each size,
 * drawn, left 3 s, collected, and a heap snapshot taken of each. Prints the heap in use, the
 * snapshot's self sizes by kind of object, and the object shapes (constructor and property names)
 * that take the most, with their counts.
 *
 *   npx tsx bench/profile-heap.ts [sizes…] [--shapes=15] [--keep=<dir>]
 *
 * `--keep` writes the snapshots there (`app-<size>.heapsnapshot`, `culled-<size>.heapsnapshot`)
 * for the browser's memory panel. Not a test: nothing gates on these figures.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { buildPages, OUT, ROOTS, serve } from './build';
import { benchDesign } from './designs';
import { waitMeasured } from './page';

const args = process.argv.slice(2);
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
if (sizes.length === 0) sizes.push(2000);
const shapes = Number(args.find((a) => a.startsWith('--shapes='))?.slice(9) ?? 15);
const keep = args.find((a) => a.startsWith('--keep='))?.slice(7);

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

interface Summary {
  usedMB: number;
  totalMB: number;
  byKind: Map<string, number>;
  byShape: Map<string, { bytes: number; count: number }>;
}

/** Self sizes by kind of object, and by shape (constructor and sorted property names) for objects. */
export function summarize(s: Snapshot, usedMB: number): Summary {
  const { node_fields: nf, node_types: nt, edge_fields: ef, edge_types: et } = s.snapshot.meta;
  const types = nt[0];
  const etypes = et[0];
  const N = nf.length;
  const E = ef.length;
  const [ti, ni, si, eci] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f)) as [
    number,
    number,
    number,
    number,
  ];
  const [eti, eni] = ['type', 'name_or_index'].map((f) => ef.indexOf(f)) as [number, number];
  const byKind = new Map<string, number>();
  const byShape = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  let edge = 0;
  for (let i = 0; i < s.nodes.length; i += N) {
    const type = types[s.nodes[i + ti] as number] as string;
    const name = s.strings[s.nodes[i + ni] as number] as string;
    const size = s.nodes[i + si] as number;
    const edges = s.nodes[i + eci] as number;
    total += size;
    const kind =
      type === 'native' && name.includes('ExternalString')
        ? 'external string data'
        : type === 'native' && name.startsWith('blink')
          ? 'DOM (blink)'
          : type.endsWith('string')
            ? 'string'
            : type;
    byKind.set(kind, (byKind.get(kind) ?? 0) + size);
    if (type === 'object') {
      const props: string[] = [];
      for (let j = edge; j < edge + edges * E; j += E)
        if (etypes[s.edges[j + eti] as number] === 'property')
          props.push(s.strings[s.edges[j + eni] as number] as string);
      const key = `${name} {${props
        .filter((p) => p !== '__proto__')
        .sort()
        .slice(0, 8)
        .join(', ')}}`;
      const k = byShape.get(key) ?? { bytes: 0, count: 0 };
      k.bytes += size;
      k.count++;
      byShape.set(key, k);
    }
    edge += edges * E;
  }
  return { usedMB, totalMB: total / 1e6, byKind, byShape };
}

async function snapshotOf(browser: Browser, url: string, size: number): Promise<{ used: number; json: string }> {
  const design = benchDesign(size);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.addInitScript(([key, json]) => localStorage.setItem(key, json), [
      'polyglot-canvas/design',
      JSON.stringify(design),
    ] as const);
    const page = await context.newPage();
    await page.goto(url);
    await waitMeasured(page, design.nodes);
    await page.waitForTimeout(3000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    return { used: usedSize, json: chunks.join('') };
  } finally {
    await context.close();
  }
}

const mb = (n: number) => (n / 1e6).toFixed(2).padStart(7);

async function main(): Promise<void> {
  await buildPages();
  const app = await serve(OUT.app, ROOTS.app);
  const bare = await serve(OUT.bare, ROOTS.bare);
  const browser = await chromium.launch({
    executablePath: playwrightConfig.projects?.[0]?.use?.launchOptions?.executablePath,
  });
  try {
    for (const size of sizes) {
      const pages = { app: `${app.url}?bench=1`, culled: `${bare.url}?culled=1` };
      const got: Record<string, Summary> = {};
      for (const [name, url] of Object.entries(pages)) {
        const { used, json } = await snapshotOf(browser, url, size);
        if (keep) await writeFile(join(keep, `${name}-${size}.heapsnapshot`), json);
        got[name] = summarize(JSON.parse(json) as Snapshot, used / 1e6);
      }
      const a = got.app as Summary;
      const c = got.culled as Summary;
      console.log(
        `\n${size} services: heap in use app ${a.usedMB.toFixed(2)} MB, culled ${c.usedMB.toFixed(2)} MB (${(a.usedMB / c.usedMB).toFixed(2)}×); snapshots ${a.totalMB.toFixed(2)} / ${c.totalMB.toFixed(2)} MB`,
      );
      console.log('\nMB by kind           app   culled');
      const kinds = [...a.byKind.entries()].sort((x, y) => y[1] - x[1]).slice(0, 12);
      for (const [k, v] of kinds) console.log(`${k.padEnd(22)}${mb(v)}  ${mb(c.byKind.get(k) ?? 0)}`);
      for (const [name, sum] of [
        ['app', a],
        ['culled', c],
      ] as const) {
        console.log(`\n${name}: the object shapes that take the most (MB, count)`);
        const top = [...sum.byShape.entries()].sort((x, y) => y[1].bytes - x[1].bytes).slice(0, shapes);
        for (const [k, v] of top) console.log(`${mb(v.bytes)} ${String(v.count).padStart(7)}  ${k.slice(0, 110)}`);
      }
    }
  } finally {
    await browser.close();
    await app.server.close();
    await bare.server.close();
  }
}

await main();
