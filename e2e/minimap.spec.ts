import { expect, test, type Page } from '@playwright/test';
import { describeKind } from '../src/core';
import { emptyPanePoint } from '../bench/page';
import { EditorPage } from './pages/EditorPage';

const close = (a: number, b: number, within = 0.5) => Math.abs(a - b) <= within;

/** Drags with the mouse from `at` by `by`, in small steps as a hand would. */
async function drag(page: Page, at: { x: number; y: number }, by: { x: number; y: number }) {
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  // React Flow starts a drag once the pointer has moved a little; that first step is not applied.
  await page.mouse.move(at.x + 2, at.y, { steps: 2 });
  await page.mouse.move(at.x + by.x / 2, at.y + by.y / 2, { steps: 5 });
  await page.mouse.move(at.x + by.x, at.y + by.y, { steps: 5 });
  await page.mouse.up();
}

const centreOf = (b: { x: number; y: number; width: number; height: number }) => ({
  x: b.x + b.width / 2,
  y: b.y + b.height / 2,
});

test('the minimap draws the nodes in their colours and moves the view', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await expect(ed.minimap).toBeVisible();

  await ed.dragFromPalette('Python · FastAPI', { x: 260, y: 160 });
  await expect(ed.node('python-service')).toBeVisible();
  const py = (await ed.getDesign()).nodes.find((n) => n.name === 'python-service')!;
  const pyColor = describeKind(py.kind).color;
  const pgColor = describeKind('postgres').color;
  expect(pgColor).not.toBe(pyColor);
  // The Python node is drawn in its colour; nothing is drawn in PostgreSQL's yet.
  await expect.poll(async () => (await ed.minimapPixels(pyColor)).count).toBeGreaterThan(20);
  expect((await ed.minimapPixels(pgColor)).count).toBe(0);

  await ed.dragFromPalette('PostgreSQL', { x: 620, y: 420 });
  await expect(ed.node('postgres')).toBeVisible();
  await expect.poll(async () => (await ed.minimapPixels(pgColor)).count).toBeGreaterThan(20);
  // The PostgreSQL node was dropped right of and below the Python node, and the minimap agrees.
  const pyAt = await ed.minimapPixels(pyColor);
  const pgAt = await ed.minimapPixels(pgColor);
  expect(pgAt.x).toBeGreaterThan(pyAt.x);
  expect(pgAt.y).toBeGreaterThan(pyAt.y);

  // Moving a card on the canvas moves it on the minimap too.
  await ed.dragNode('postgres', { x: 160, y: 0 });
  const apart = async () => (await ed.minimapPixels(pgColor)).x - (await ed.minimapPixels(pyColor)).x;
  await expect.poll(apart).toBeGreaterThan(pgAt.x - pyAt.x + 5);

  // Dragging on the minimap moves the view the same way, and the design keeps the new camera.
  const before = await ed.shownViewport();
  await ed.dragMinimap({ x: 30, y: 20 });
  await expect.poll(async () => (await ed.shownViewport()).x).toBeLessThan(before.x - 20);
  const moved = await ed.shownViewport();
  expect(moved.y).toBeLessThan(before.y - 10);
  expect(moved.zoom).toBe(before.zoom);
  await expect
    .poll(async () => {
      const saved = (await ed.getDesign()).viewport;
      return close(saved.x, moved.x) && close(saved.y, moved.y) && saved.zoom === moved.zoom;
    })
    .toBe(true);

  // It survives a reload: the saved camera comes back.
  await ed.waitForAutosave();
  await page.reload();
  await expect(ed.node('postgres')).toBeVisible();
  const reloaded = await ed.shownViewport();
  expect(close(reloaded.x, moved.x) && close(reloaded.y, moved.y) && reloaded.zoom === moved.zoom).toBe(true);
  await expect.poll(async () => (await ed.minimapPixels(pgColor)).count).toBeGreaterThan(20);
});

test('a click on the minimap centres the view there; the wheel over it zooms', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('PostgreSQL', { x: 200, y: 120 });
  await ed.dragFromPalette('Python · FastAPI', { x: 560, y: 460 });
  await expect(ed.node('python-service')).toBeVisible();
  const pgColor = describeKind('postgres').color;
  await expect.poll(async () => (await ed.minimapPixels(pgColor)).count).toBeGreaterThan(20);

  // Clicking the PostgreSQL node's spot on the minimap brings that card to the middle of the canvas.
  const spot = await ed.minimapPixels(pgColor);
  await page.mouse.click(spot.x, spot.y);
  const pane = (await ed.pane.boundingBox())!;
  await expect
    .poll(async () => {
      const card = (await ed.node('postgres').boundingBox())!;
      return Math.hypot(
        card.x + card.width / 2 - (pane.x + pane.width / 2),
        card.y + card.height / 2 - (pane.y + pane.height / 2),
      );
    })
    .toBeLessThan(12);
  const centred = await ed.shownViewport();
  await expect.poll(async () => (await ed.getDesign()).viewport.x).toBeCloseTo(centred.x, 1);

  // The wheel over the minimap zooms in around the middle of the view; the canvas keeps it.
  const map = (await ed.minimap.boundingBox())!;
  await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
  await page.mouse.wheel(0, -200);
  await expect.poll(async () => (await ed.shownViewport()).zoom).toBeGreaterThan(centred.zoom * 1.2);
  const zoomed = await ed.shownViewport();
  await expect.poll(async () => (await ed.getDesign()).viewport.zoom).toBeCloseTo(zoomed.zoom, 4);
  const card = (await ed.node('postgres').boundingBox())!;
  expect(Math.abs(card.x + card.width / 2 - (pane.x + pane.width / 2))).toBeLessThan(20);
});

test('the minimap is hidden while presenting', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Go · net/http', { x: 300, y: 200 });
  await expect(ed.node('go-service')).toBeVisible();
  await expect(ed.minimap).toBeVisible();
  await ed.button('Present').click();
  await expect(ed.presenterBar).toBeVisible();
  await expect(ed.minimap).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(ed.minimap).toBeVisible();
});

test('the minimap shows boundaries and notes behind the cards, follows their moves and both themes', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const ed = new EditorPage(page);
  await ed.goto();
  const LIGHT_NOTE = '#fef9c3';
  const DARK_NOTE = '#3d3413';

  // A boundary from the palette: outlined in its colour on the minimap.
  await ed.dragFromPalette('Boundary', { x: 40, y: 60 });
  const boundary = page.locator('.pc-boundary');
  await expect(boundary).toHaveCount(1);
  const color = (await ed.getDesign()).boundaries![0]!.color;
  await expect.poll(async () => (await ed.minimapPixels(color)).count).toBeGreaterThan(20);
  const outline = await ed.minimapPixels(color);
  // A tinted inside, not a solid block: the boundary's colour itself only along its edge.
  const inside = await ed.minimap.locator('canvas').evaluateAll(
    (canvases: HTMLCanvasElement[], at: { x: number; y: number }) => {
      for (const c of canvases) {
        const r = c.getBoundingClientRect();
        if (at.x < r.left || at.x >= r.right || at.y < r.top || at.y >= r.bottom) continue;
        const ctx = c.getContext('2d');
        if (!ctx || getComputedStyle(c).display === 'none') continue;
        const px = Math.floor(((at.x - r.left) * c.width) / r.width);
        const py = Math.floor(((at.y - r.top) * c.height) / r.height);
        const [red, green, blue, alpha] = ctx.getImageData(px, py, 1, 1).data;
        if (alpha) return { red: red!, green: green!, blue: blue!, alpha };
      }
      return null;
    },
    { x: outline.x, y: outline.y },
  );
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  expect(inside).not.toBeNull();
  expect(inside!.alpha).toBeGreaterThan(20);
  expect(inside!.alpha).toBeLessThan(120);
  expect(Math.abs(inside!.red - r!) + Math.abs(inside!.green - g!) + Math.abs(inside!.blue - b!)).toBeLessThan(12);

  // A card dropped inside it is drawn over the tint, in the card's own colour.
  await ed.dragFromPalette('Python · FastAPI', { x: 300, y: 190 });
  await expect(ed.node('python-service')).toBeVisible();
  const pyColor = describeKind((await ed.getDesign()).nodes[0]!.kind).color;
  await expect.poll(async () => (await ed.minimapPixels(pyColor)).count).toBeGreaterThan(20);
  const py = await ed.minimapPixels(pyColor);
  expect(py.x).toBeGreaterThan(outline.left);
  expect(py.x).toBeLessThan(outline.right);
  expect(py.y).toBeGreaterThan(outline.top);
  expect(py.y).toBeLessThan(outline.bottom);
  // Moved a little, the card joins the boundary.
  await ed.dragNode('python-service', { x: 20, y: 0 });
  await expect.poll(async () => (await ed.getDesign()).boundaries![0]!.members).toHaveLength(1);

  // A sticky note: a note-coloured rectangle, right of and below the boundary.
  await ed.dragFromPalette('Sticky note', { x: 700, y: 560 });
  const note = page.locator('.pc-sticky');
  await expect(note).toHaveCount(1);
  await expect.poll(async () => (await ed.minimapPixels(LIGHT_NOTE)).count).toBeGreaterThan(20);
  const noteAt = await ed.minimapPixels(LIGHT_NOTE);
  expect(noteAt.x).toBeGreaterThan(outline.right);
  expect(noteAt.y).toBeGreaterThan(outline.bottom);

  // Moving the note on the canvas moves it on the minimap.
  const apart = async () => (await ed.minimapPixels(LIGHT_NOTE)).x - (await ed.minimapPixels(color)).x;
  const before = await apart();
  await drag(page, centreOf((await note.boundingBox())!), { x: -200, y: 0 });
  await expect.poll(apart).toBeLessThan(before - 5);

  // Resizing the boundary by its corner makes it larger there.
  const width = async () => {
    const o = await ed.minimapPixels(color);
    return o.right - o.left;
  };
  const narrow = await width();
  await drag(page, centreOf((await boundary.locator('.pc-boundary__resize').boundingBox())!), { x: 120, y: 80 });
  await expect.poll(width).toBeGreaterThan(narrow + 5);
  await expect.poll(async () => (await ed.getDesign()).boundaries![0]!.width).toBeGreaterThan(650);

  // Moving it by its title bar moves it and its card there too; the note stays.
  const leftOfNote = async (hex: string) =>
    (await ed.minimapPixels(hex)).left - (await ed.minimapPixels(LIGHT_NOTE)).left;
  const was = await leftOfNote(color);
  const cardWas = await leftOfNote(pyColor);
  await drag(page, centreOf((await boundary.locator('.pc-boundary__title').boundingBox())!), { x: 80, y: 0 });
  await expect.poll(() => leftOfNote(color)).toBeGreaterThan(was + 5);
  await expect.poll(() => leftOfNote(pyColor)).toBeGreaterThan(cardWas + 5);
  // The card is still drawn over the boundary, in its own colour.
  const moved = await ed.minimapPixels(color);
  const card = await ed.minimapPixels(pyColor);
  expect(card.count).toBeGreaterThan(20);
  expect(card.x).toBeGreaterThan(moved.left);
  expect(card.x).toBeLessThan(moved.right);

  // Panned so that the note is far out of view: the minimap still pictures it, inside its own box.
  for (let i = 0; i < 2; i++) await drag(page, await emptyPanePoint(page), { x: -450, y: -300 });
  const pane = (await ed.pane.boundingBox())!;
  await expect
    .poll(async () => {
      // Out of view, React Flow may not draw the note at all.
      const boxes = await note.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      return boxes.every((box) => box.y + box.height < pane.y || box.x + box.width < pane.x);
    })
    .toBe(true);
  const map = (await ed.minimap.boundingBox())!;
  const view = (await ed.minimap.locator('.pc-minimap__view').boundingBox())!;
  await expect.poll(async () => (await ed.minimapPixels(LIGHT_NOTE)).count).toBeGreaterThan(20);
  const far = await ed.minimapPixels(LIGHT_NOTE);
  expect(far.left).toBeGreaterThanOrEqual(map.x);
  expect(far.top).toBeGreaterThanOrEqual(map.y);
  expect(far.right).toBeLessThanOrEqual(map.x + map.width);
  expect(far.bottom).toBeLessThanOrEqual(map.y + map.height);
  // …and outside the view rectangle, up and left of it.
  expect(far.right < view.x || far.bottom < view.y).toBe(true);

  // The dark theme paints notes in its own note colour; the boundary keeps its colour.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(async () => (await ed.minimapPixels(DARK_NOTE)).count).toBeGreaterThan(20);
  expect((await ed.minimapPixels(LIGHT_NOTE)).count).toBe(0);
  expect((await ed.minimapPixels(color)).count).toBeGreaterThan(20);
});
