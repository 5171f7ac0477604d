import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { addBoundary, addNote, boxAround, updateBoundary, type Design } from '../src/core';
import { TEMPLATES } from '../src/core/templates';
import { chooseBrowser } from './browser';

/**
 * Makes the README's picture, docs/screenshot.png: the "gRPC to a Rust recommendation engine"
 * template open at 1440×900 in the light theme, with a boundary around two of its services and a
 * sticky note.
 * `npm run screenshot` builds the app first; this script serves the build (`vite preview`), opens
 * the design with File → Open… as a person would, and saves the window.
 */
const OUT = 'docs/screenshot.png';
const PORT = Number(process.env.SCREENSHOT_PORT ?? 4399);
const URL = `http://127.0.0.1:${PORT}`;

function must<T>(r: ({ ok: true; design: Design } & T) | { ok: false; reason: string }): { design: Design } & T {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

/** The template with a boundary around the recommender and auth, and a note for the room. */
export function screenshotDesign(): Design {
  const template = TEMPLATES.find((t) => t.id === 'grpc-recommendations');
  if (!template) throw new Error('the grpc-recommendations template is missing');
  let design = template.build();
  const members = design.nodes.filter((n) => n.name === 'recommender' || n.name === 'auth');
  const box = boxAround(members, { width: 224, height: 58 }, { side: 32, top: 52, bottom: 32 });
  const added = must(addBoundary(design, { position: box.position, width: box.width, height: box.height }));
  design = must(updateBoundary(added.design, added.id, { name: 'Platform team', kind: 'team' })).design;
  const gateway = design.nodes.find((n) => n.name === 'gateway');
  design = must(
    addNote(design, {
      position: { x: (gateway?.position.x ?? 0) + 12, y: (gateway?.position.y ?? 0) + 130 },
      text: 'The gateway speaks REST; behind it every call is gRPC, with a typed contract.',
    }),
  ).design;
  return design;
}

async function waitForServer(deadline: number): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(URL)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`vite preview did not answer at ${URL}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html'))
    throw new Error('No build in dist/: run `npm run build` (or `npm run screenshot`).');
  const design = screenshotDesign();
  const server = spawn(
    'node_modules/.bin/vite',
    ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  const browser = await chromium.launch({
    executablePath: chooseBrowser().executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    await waitForServer(Date.now() + 30_000);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    await page.goto(URL);
    await page.waitForFunction(() => window.__polyglotCanvas !== undefined);
    await page.getByRole('banner').getByRole('button', { name: 'File', exact: true }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('menuitem', { name: 'Open…', exact: true }).click(),
    ]);
    await chooser.setFiles({
      name: `${design.name}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(design)),
    });
    await page.locator('.pc-boundary').waitFor();
    await page.locator('.pc-sticky').waitFor();
    await page.getByRole('button', { name: 'Fit View' }).click();
    // the card in the inspector shows what a service holds
    await page.getByRole('group', { name: /^recommender, / }).click();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    await page.screenshot({ path: OUT });
    console.log(`Wrote ${OUT} (1440×900).`);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
