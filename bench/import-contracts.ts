/**
 * `npm run bench:contracts [-- --runs 10]`: how long importing contracts takes, in Node and in a
 * Chromium module worker (the way the app runs it), for 200 messages and 50 services in eleven
 * .proto files (the budget: under a second in the browser), and for the OpenAPI and AsyncAPI
 * files of the tests. Prints a table. Exits non-zero only when something could not be measured.
 */
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import playwrightConfig from '../playwright.config';
import { serve } from './build';
import { syntheticProtos } from './contracts/synthetic';
import { importContracts, type ContractImportRequest } from '../src/core/importers/contracts';
import { contractFiles } from '../src/core/importers/contracts/fixtures.testkit';

const BUDGET_MS = 1000;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs wants a whole number of runs');

const here = resolve(import.meta.dirname, '..');
const ROOT = resolve(here, 'bench/contracts');
const OUT = resolve(here, 'dist-bench/import-contracts');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

interface Case {
  name: string;
  request: ContractImportRequest;
  budget?: number;
}

const CASES: Case[] = [
  { name: '200 messages, 50 services (.proto)', request: { files: syntheticProtos(200, 50) }, budget: BUDGET_MS },
  { name: 'OpenAPI, 2 documents + 1 sibling', request: { files: contractFiles('openapi') } },
  { name: 'AsyncAPI 2.6 + 3.0 + 1 sibling', request: { files: contractFiles('asyncapi') } },
];

interface Figures {
  first: number;
  median: number;
}

async function inNode(c: Case): Promise<Figures> {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    const r = await importContracts(c.request);
    times.push(performance.now() - started);
    if (!r.ok) throw new Error(`${c.name}: ${r.error}`);
  }
  return { first: times[0] ?? NaN, median: median(times.slice(1)) };
}

async function inBrowser(): Promise<Map<string, Figures>> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: OUT, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 10_000 },
    worker: { format: 'es' },
  });
  const { url, server } = await serve(OUT, ROOT);
  const launch = playwrightConfig.projects?.[0]?.use?.launchOptions ?? {};
  const browser = await chromium.launch(launch);
  const out = new Map<string, Figures>();
  try {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(url.replace(/\/$/, ''))) outside.push(r.url());
    });
    await page.goto(url);
    await page.waitForFunction(() => 'runImport' in window);
    for (const c of CASES) {
      const times: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const r = (await page.evaluate(
          (req) => (window as unknown as { runImport(r: unknown): Promise<unknown> }).runImport(req),
          c.request,
        )) as { ok: boolean; ms: number; error?: string };
        if (!r.ok) throw new Error(`${c.name} in Chromium: ${r.error ?? 'failed'}`);
        times.push(r.ms);
      }
      out.set(c.name, { first: times[0] ?? NaN, median: median(times.slice(1)) });
    }
    if (outside.length > 0) throw new Error(`the import reached outside the page: ${outside.join(', ')}`);
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
  return out;
}

const node = new Map<string, Figures>();
for (const c of CASES) node.set(c.name, await inNode(c));
const browser = await inBrowser();
const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : `${Math.round(n)} ms`);
console.log(`Contract import, median of ${RUNS} runs after a first one (first run in brackets)\n`);
console.log(`${'case'.padEnd(40)} ${'Node'.padStart(20)} ${'Chromium worker'.padStart(20)}  budget`);
for (const c of CASES) {
  const n = node.get(c.name);
  const b = browser.get(c.name);
  const verdict =
    c.budget === undefined ? '' : (b?.median ?? Infinity) < c.budget ? `under ${c.budget} ms` : `OVER ${c.budget} ms`;
  console.log(
    `${c.name.padEnd(40)} ${`${ms(n?.median)} (${ms(n?.first)})`.padStart(20)} ${`${ms(b?.median)} (${ms(b?.first)})`.padStart(20)}  ${verdict}`,
  );
}
