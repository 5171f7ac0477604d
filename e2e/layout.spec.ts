import { expect, test, type Page } from '@playwright/test';
import type { Design } from '../src/core';
import { EditorPage } from './pages/EditorPage';

type Box = { x: number; y: number; width: number; height: number };

function overlapping(boxes: Record<string, Box>): string[] {
  const list = Object.entries(boxes);
  const found: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const [an, a] = list[i]!;
      const [bn, b] = list[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        found.push(`${an} / ${bn}`);
    }
  return found;
}

/** For every link, the caller (or publisher, or the service using a database) and the callee. */
function callPairs(d: Design): [string, string][] {
  const name = (id: string) => d.nodes.find((n) => n.id === id)!.name;
  return d.links.map((l) => [name(l.source), name(l.target)]);
}

/**
 * Five nodes dropped right to left against the way they call each other, then wired. Every handle
 * stays well inside the pane (a drop point is the card's centre), as a person would keep it: a
 * handle near the pane's edge makes React Flow pan the canvas while a link is drawn.
 */
async function wiredBackwards(ed: EditorPage, page: Page) {
  await ed.dragFromPalette('PostgreSQL', { x: 200, y: 120 });
  await ed.dragFromPalette('Go · net/http', { x: 460, y: 420 });
  await ed.dragFromPalette('Python · FastAPI', { x: 600, y: 270 });
  await ed.dragFromPalette('Kafka', { x: 460, y: 120 });
  await ed.dragFromPalette('Rust · axum', { x: 200, y: 420 });
  await expect(ed.node('rust-service')).toBeVisible();
  await ed.connect('python-service', 'go-service');
  // Service to service offers gRPC too; REST is what we want, so the chooser is closed.
  await page.keyboard.press('Escape');
  await ed.connect('go-service', 'postgres');
  await ed.connect('python-service', 'kafka');
  await ed.connect('kafka', 'rust-service');
  await expect(ed.edges).toHaveCount(4);
}

test.describe('auto-layout', () => {
  test('lays the design out in call direction without overlaps, as one undo step', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await wiredBackwards(ed, page);
    await ed.dragFromPalette('MongoDB', { x: 640, y: 560 }); // connected to nothing
    await expect(ed.node('mongodb')).toBeVisible();
    const before = await ed.positions();

    await ed.button('Auto-layout').click();
    // the first layout loads elkjs (1.6 MB) into its worker: on a busy machine that takes seconds
    await expect
      .poll(async () => JSON.stringify(await ed.positions()), { timeout: 30_000 })
      .not.toBe(JSON.stringify(before));
    const after = await ed.positions();
    const design = await ed.getDesign();
    expect(callPairs(design)).toHaveLength(4);
    for (const [caller, callee] of callPairs(design))
      expect(after[caller]!.x, `${caller} → ${callee}`).toBeLessThan(after[callee]!.x);

    const boxes = await ed.cardBoxes();
    expect(Object.keys(boxes)).toHaveLength(6);
    expect(overlapping(boxes)).toEqual([]);
    // The whole design is in view after the layout, the lone MongoDB included.
    for (const name of Object.keys(after)) await expect(ed.node(name)).toBeInViewport();

    // One Ctrl+Z puts every node back; redo lays it out again.
    await page.keyboard.press(`${ed.mod}+z`);
    await expect.poll(() => ed.positions()).toEqual(before);
    await page.keyboard.press(`${ed.mod}+Shift+z`);
    await expect.poll(() => ed.positions()).toEqual(after);
    // And the step before the layout is still the last drop: undo once more removes MongoDB only.
    await page.keyboard.press(`${ed.mod}+z`);
    await page.keyboard.press(`${ed.mod}+z`);
    await expect(ed.node('mongodb')).toHaveCount(0);
    expect(await ed.positions()).toEqual(Object.fromEntries(Object.entries(before).filter(([n]) => n !== 'mongodb')));
  });

  test('Shift+L lays out a template; a second Shift+L changes nothing and adds no step', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.button('Templates').click();
    await page
      .getByRole('dialog', { name: 'Start from a template' })
      .getByRole('button', { name: /^A polyglot shop/ })
      .click();
    await expect(ed.edges.first()).toBeVisible();
    const before = await ed.positions();

    await ed.pane.click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Shift+L');
    // the first layout loads elkjs (1.6 MB) into its worker: on a busy machine that takes seconds
    await expect
      .poll(async () => JSON.stringify(await ed.positions()), { timeout: 30_000 })
      .not.toBe(JSON.stringify(before));
    const after = await ed.positions();
    const design = await ed.getDesign();
    expect(design.links.length).toBeGreaterThan(4);
    for (const [caller, callee] of callPairs(design))
      expect(after[caller]!.x, `${caller} → ${callee}`).toBeLessThan(after[callee]!.x);
    expect(overlapping(await ed.cardBoxes())).toEqual([]);

    await page.keyboard.press('Shift+L');
    await expect(page.getByRole('status').filter({ hasText: 'already laid out' })).toBeVisible();
    expect(await ed.positions()).toEqual(after);
    // One undo is the layout, the next the template: the empty canvas comes back.
    await ed.button('Undo').click();
    await expect.poll(() => ed.positions()).toEqual(before);
    await ed.button('Undo').click();
    await expect(ed.edges).toHaveCount(0);

    // Typing a capital L in a field is typing, not a layout.
    await ed.button('Redo').click();
    await ed.node('gateway').click();
    await ed.field('Name').fill('edge');
    await ed.field('Name').press('Shift+L');
    await expect(ed.field('Name')).toHaveValue('edgeL');
    expect(Object.values(await ed.positions())).toEqual(Object.values(before));
  });

  test('while it runs the button is busy and a second click does nothing', async ({ page }) => {
    const ed = new EditorPage(page);
    // The layout engine arrives late, as on a slow connection.
    await page.route('**/elk-worker*.js', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await ed.goto();
    await wiredBackwards(ed, page);
    const before = await ed.positions();
    const button = ed.button('Auto-layout');
    await button.click();
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await button.click();
    await page.keyboard.press('Shift+L');
    await expect(button).toHaveAttribute('aria-busy', 'false');
    // the first layout loads elkjs (1.6 MB) into its worker: on a busy machine that takes seconds
    await expect
      .poll(async () => JSON.stringify(await ed.positions()), { timeout: 30_000 })
      .not.toBe(JSON.stringify(before));
    await page.keyboard.press(`${ed.mod}+z`);
    await expect.poll(() => ed.positions()).toEqual(before);
    // A second run would have found the design laid out already and said so.
    await expect(page.getByRole('status').filter({ hasText: 'already laid out' })).toHaveCount(0);
  });

  test('when the layout engine cannot run, it says so and the design stays as it was', async ({ page }) => {
    const ed = new EditorPage(page);
    await page.route('**/elk-worker*.js', (route) => route.abort());
    await ed.goto();
    await wiredBackwards(ed, page);
    const before = await ed.getDesign();
    await ed.button('Auto-layout').click();
    await expect(page.getByRole('alert').filter({ hasText: 'Auto-layout failed' })).toContainText(
      'Your design was not changed.',
    );
    await expect(ed.button('Auto-layout')).toHaveAttribute('aria-busy', 'false');
    expect(await ed.getDesign()).toEqual(before);
    // Undo still takes back the last edit (the last link), not a layout.
    await page.keyboard.press(`${ed.mod}+z`);
    await expect(ed.edges).toHaveCount(3);
  });
});
