import { expect, test, type Page } from '@playwright/test';
import { extendsChain, nestedFlow } from '../test/fixtures/compose/heavy';
import { EditorPage } from './pages/EditorPage';

/**
 * Imports that take long run in a worker: the page keeps drawing frames, a notice with Cancel
 * shows after half a second, and the design stays as it was until the import is done (or for
 * good, when it is cancelled or refused). The files are the slowest megabyte of YAML to read, so
 * that the import outlasts the half second on any machine; for Cancel, the page's CPU is also
 * slowed four times, as on a modest laptop, to leave time to click.
 */

const yamlFile = (text: string) => ({ name: 'heavy.yaml', mimeType: 'application/x-yaml', buffer: Buffer.from(text) });

/** Starts counting animation frames and the longest gap between two of them. */
async function startFrameProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __probe: { gaps: number[]; running: boolean } };
    w.__probe = { gaps: [], running: true };
    let last = performance.now();
    const tick = (t: number) => {
      w.__probe.gaps.push(t - last);
      last = t;
      if (w.__probe.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrameProbe(page: Page): Promise<{ frames: number; longest: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __probe: { gaps: number[]; running: boolean } };
    w.__probe.running = false;
    // the first gap runs from the probe's start to its first frame
    const gaps = w.__probe.gaps.slice(1);
    return { frames: gaps.length, longest: Math.max(0, ...gaps) };
  });
}

/** The editor with one service on the canvas, and the design as it is then. */
async function withOneService(page: Page) {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Go · net/http', { x: 300, y: 220 });
  await expect(ed.node('go-service')).toBeVisible();
  return { ed, before: await ed.getDesign() };
}

async function slowDown(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

test.describe('heavy compose import', () => {
  test('a pathological file shows Cancel, then its message, and the page keeps drawing frames', async ({ page }) => {
    const { ed, before } = await withOneService(page);

    // 1 MB of the YAML slowest to read, refused at its last line; the frames are counted from the
    // moment the file is chosen (handing a megabyte to the file input is the test's own work)
    const choosing = page.waitForEvent('filechooser');
    await ed.fileAction('Import compose or Kubernetes…');
    await (await choosing).setFiles(yamlFile(nestedFlow(1_000_000, 'x-end: *nowhere\n')));
    await ed.replaceDialog.getByRole('button', { name: 'Open and replace' }).click();
    await startFrameProbe(page);
    const started = Date.now();
    const cancel = page.getByRole('button', { name: 'Cancel import' });
    await expect(cancel).toBeVisible({ timeout: 5000 });
    const error = page.getByRole('alert').filter({ hasText: 'Could not import heavy.yaml' });
    await expect(error).toContainText('The alias *nowhere', { timeout: 60_000 });
    await expect(error).toContainText('Your current design was not changed.');
    const probe = await stopFrameProbe(page);
    const seconds = (Date.now() - started) / 1000;
    await expect(cancel).toBeHidden();

    console.log(
      `import took ${seconds.toFixed(1)} s: ${probe.frames} frames, longest gap ${probe.longest.toFixed(0)} ms`,
    );
    // the page was never blocked: frames all along, and no gap near the length of the import
    // itself (seconds here, in the worker; on the page it would be one gap that long). Load from
    // other tests on the machine stretches single frames, so the bound is relative to the import;
    // how smooth the frames are is a figure for a benchmark, not a bound for this test.
    expect(seconds).toBeGreaterThan(1);
    expect(probe.frames).toBeGreaterThan(seconds * 4);
    expect(probe.longest).toBeLessThan((seconds * 1000) / 2);
    expect(await ed.getDesign()).toEqual(before);
  });

  test('a 12,000-deep extends chain is refused with a message that names the limit', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.chooseFile('Import compose or Kubernetes…', yamlFile(extendsChain(12_000)));
    await expect(page.getByRole('alert').filter({ hasText: 'Could not import heavy.yaml' })).toContainText(
      'The service "s65" extends a chain of more than 64 services. That is over the import limit on the length of an extends chain (64), so the file was not imported.',
    );
  });

  test('Cancel ends the import at once and leaves the design as it was', async ({ page }) => {
    const { ed, before } = await withOneService(page);
    await slowDown(page);

    await ed.chooseFile('Import compose or Kubernetes…', yamlFile(nestedFlow()));
    await ed.replaceDialog.getByRole('button', { name: 'Open and replace' }).click();
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Import of heavy.yaml cancelled' })).toContainText(
      'Your design was not changed.',
    );
    await expect(page.getByRole('button', { name: 'Cancel import' })).toBeHidden();
    // the worker is gone: nothing lands later
    await page.waitForTimeout(3000);
    expect(await ed.getDesign()).toEqual(before);
    await expect(page.getByText(/Imported heavy\.yaml/)).toHaveCount(0);
  });
});
