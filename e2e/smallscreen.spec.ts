import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test.use({ viewport: { width: 1024, height: 768 } });

/** Opens a template from the gallery, on an empty design. */
async function openTemplate(page: Page, ed: EditorPage, title: string) {
  await ed.button('Templates').click();
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await gallery.getByRole('button', { name: new RegExp(`^${title}`) }).click();
  await expect(gallery).toHaveCount(0);
}

/** No card lies under the minimap, and every card is inside the canvas. */
async function expectCardsClear(ed: EditorPage) {
  const cards = await ed.cardBoxes();
  const minimap = (await ed.minimap.boundingBox())!;
  const canvas = (await ed.canvas.boundingBox())!;
  for (const [name, box] of Object.entries(cards)) {
    expect(overlap(box, minimap), `${name} lies under the minimap`).toBe(false);
    expect(box.x, `${name} is left of the canvas`).toBeGreaterThanOrEqual(canvas.x - 1);
    expect(box.x + box.width, `${name} is right of the canvas`).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
    expect(box.y + box.height, `${name} is below the canvas`).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
  }
}

test.describe('a 1024×768 screen', () => {
  test('panels collapse and resize, the canvas gets the room, and the window remembers', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    const canvasWidth = async () => (await ed.canvas.boundingBox())!.width;

    // Collapsing both panels leaves the canvas most of the window.
    await page.getByRole('button', { name: 'Collapse the palette' }).click();
    await page.getByRole('button', { name: 'Collapse the inspector' }).click();
    await expect(ed.palette).toHaveCount(0);
    await expect(ed.inspector).toHaveCount(0);
    expect(await canvasWidth()).toBeGreaterThanOrEqual(0.6 * 1024);
    // The minimap is the small one here.
    const mini = (await ed.minimap.boundingBox())!;
    expect(mini.width).toBeLessThan(160);

    // Open again; drag the palette's edge wider.
    await page.getByRole('button', { name: 'Show the palette' }).click();
    await expect(ed.palette).toBeVisible();
    const handle = page.getByRole('separator', { name: 'Resize the palette' });
    const before = (await ed.palette.boundingBox())!.width;
    const h = (await handle.boundingBox())!;
    await page.mouse.move(h.x + h.width / 2, h.y + 200);
    await page.mouse.down();
    await page.mouse.move(h.x + h.width / 2 + 30, h.y + 200, { steps: 3 });
    await page.mouse.move(h.x + h.width / 2 + 60, h.y + 200, { steps: 3 });
    await page.mouse.up();
    const after = (await ed.palette.boundingBox())!.width;
    expect(after - before).toBeGreaterThan(50);
    // And narrower from the keyboard.
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await ed.palette.boundingBox())!.width).toBeLessThan(after - 10);
    const kept = (await ed.palette.boundingBox())!.width;

    // A reload keeps the palette's width and the collapsed inspector.
    await page.reload();
    await expect(ed.pane).toBeVisible();
    await expect(ed.inspector).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Show the inspector' })).toBeVisible();
    expect(Math.abs((await ed.palette.boundingBox())!.width - kept)).toBeLessThanOrEqual(1);
  });

  test('templates open readable, Fit view keeps every card clear of the minimap, Preview leaves room', async ({
    page,
  }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await openTemplate(page, ed, 'A polyglot shop');
    // Opened at a zoom where the cards show their text.
    await expect(ed.canvas).not.toHaveClass(/pc-canvas--far/);
    expect((await ed.shownViewport()).zoom).toBeGreaterThanOrEqual(0.5);
    const first = (await ed.getDesign()).nodes[0]!.name;
    await expect(ed.node(first).getByText(first, { exact: true })).toBeVisible();

    // With the panels collapsed, Fit view frames every card, none under the minimap.
    await page.getByRole('button', { name: 'Collapse the palette' }).click();
    await page.getByRole('button', { name: 'Collapse the inspector' }).click();
    await page.getByRole('button', { name: 'Fit View' }).click();
    await expectCardsClear(ed);

    // The same with the panels open, where the canvas is narrow.
    await page.getByRole('button', { name: 'Show the palette' }).click();
    await page.getByRole('button', { name: 'Show the inspector' }).click();
    await page.getByRole('button', { name: 'Fit View' }).click();
    await expectCardsClear(ed);

    // Preview does not squeeze the canvas to nothing: the panels give way while it is open.
    await ed.button('Preview').click();
    await expect(page.getByRole('button', { name: 'Show the palette' })).toBeVisible();
    const canvas = (await ed.canvas.boundingBox())!;
    expect(canvas.width).toBeGreaterThanOrEqual(0.4 * 1024 - 1);
    const mini = (await ed.minimap.boundingBox())!;
    expect(mini.width).toBeLessThan(canvas.width / 3);
    await page.getByRole('button', { name: 'Fit View' }).click();
    await expectCardsClear(ed);

    // Closing the preview brings the panels back as they were.
    await ed.button('Preview').click();
    await expect(ed.palette).toBeVisible();
    await expect(ed.inspector).toBeVisible();
  });
});
