import { expect, test } from '@playwright/test';
import { describeKind } from '../src/core';
import { EditorPage } from './pages/EditorPage';

const close = (a: number, b: number, within = 0.5) => Math.abs(a - b) <= within;

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
