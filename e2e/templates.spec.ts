import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

test('the empty canvas offers templates; a template loads as one undo step and exports', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  // No modal on first load: the empty canvas shows, with a way into the gallery.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start from a template' }).click();

  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await expect(gallery).toBeVisible();
  await expect(gallery.getByRole('button', { name: /^User activity through Kafka/ })).toBeFocused();
  // Escape closes it and gives the focus back.
  await page.keyboard.press('Escape');
  await expect(gallery).toHaveCount(0);

  await ed.button('Templates').click();
  await gallery.getByRole('button', { name: /^User activity through Kafka/ }).click();
  await expect(gallery).toHaveCount(0);
  // An empty design is replaced without a question.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  for (const name of ['activity', 'kafka', 'analytics']) await expect(ed.node(name)).toBeInViewport();
  expect((await ed.getDesign()).name).toBe('user-activity');

  // One undo step brings the empty design back; redo returns the template.
  await ed.button('Undo').click();
  await expect(ed.node('activity')).toHaveCount(0);
  await ed.button('Redo').click();
  await expect(ed.node('activity')).toBeVisible();

  const { fileName, bytes } = await ed.exportProject();
  expect(fileName).toBe('user-activity.zip');
  const zip = await JSZip.loadAsync(bytes);
  expect(Object.keys(zip.files)).toEqual(
    expect.arrayContaining(['compose.yaml', 'services/activity/Dockerfile', 'services/analytics/README.md']),
  );
});

test('choosing a template over a design asks first, and Cancel keeps the design', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 200 });
  await expect(ed.node('python-service')).toBeVisible();

  await ed.button('Templates').click();
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await gallery.getByRole('button', { name: /^User activity through Kafka/ }).click();
  const confirm = page.getByRole('dialog', { name: /Replace your design/ });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(ed.node('python-service')).toBeVisible();
  await expect(ed.node('kafka')).toHaveCount(0);

  await ed.button('Templates').click();
  await gallery.getByRole('button', { name: /^User activity through Kafka/ }).click();
  await confirm.getByRole('button', { name: 'Replace with template' }).click();
  await expect(ed.node('kafka')).toBeVisible();
  await expect(ed.node('python-service')).toHaveCount(0);
  await ed.button('Undo').click();
  await expect(ed.node('python-service')).toBeVisible();
  await expect(ed.node('kafka')).toHaveCount(0);
});

test('every template card shows a picture of its design, opens fast, and follows the dark theme', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });

  // Time from the click to every thumbnail drawn, measured in the page (first opening: nothing cached).
  const openMs = await page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Templates')!;
    const t0 = performance.now();
    button.click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const thumbs = document.querySelectorAll('.pc-template__thumb');
      if (thumbs.length > 0 && thumbs.length === document.querySelectorAll('.pc-template').length)
        return performance.now() - t0;
    }
  });
  console.log(`gallery with thumbnails drawn in ${openMs.toFixed(0)} ms`);
  expect(openMs).toBeLessThan(1000);
  await expect(gallery).toBeVisible();

  const cards = gallery.locator('.pc-template');
  const titles = await cards.locator('strong').allTextContents();
  expect(titles.length).toBeGreaterThanOrEqual(6);
  const shapes: Record<string, number> = {};
  for (const [i, title] of titles.entries()) {
    const thumb = cards.nth(i).locator('svg.pc-template__thumb');
    await expect(thumb, title).toBeVisible();
    const box = (await thumb.boundingBox())!;
    expect(box.width, title).toBeGreaterThan(120);
    expect(box.height, title).toBeGreaterThan(60);
    // Cards that are really drawn: each one's box is inside the thumbnail and of a visible size.
    const drawn = await thumb.evaluate((svg) => {
      const outer = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('.pc-thumb__card')].filter((g) => {
        const r = g.getBoundingClientRect();
        return (
          r.width >= 8 &&
          r.height >= 2 &&
          r.left >= outer.left - 1 &&
          r.right <= outer.right + 1 &&
          r.top >= outer.top - 1
        );
      }).length;
    });
    expect(drawn, title).toBeGreaterThan(0);
    shapes[title] = drawn;
    expect(await thumb.locator('.pc-thumb__link').count(), title).toBeGreaterThan(0);
  }

  // Dark mode: the thumbnails' background and cards follow the theme.
  const fillLightness = (selector: string, property: string) =>
    gallery
      .locator(selector)
      .first()
      .evaluate((e, p) => {
        const [r = 0, g = 0, b = 0] = (
          getComputedStyle(e)
            .getPropertyValue(p)
            .match(/[\d.]+/g) ?? []
        ).map(Number);
        return 0.299 * r + 0.587 * g + 0.114 * b;
      }, property);
  expect(await fillLightness('.pc-template__thumb', 'background-color')).toBeGreaterThan(200);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => fillLightness('.pc-template__thumb', 'background-color')).toBeLessThan(60);
  expect(await fillLightness('.pc-thumb__body', 'fill')).toBeLessThan(60);
  await page.emulateMedia({ colorScheme: 'light' });

  // Each thumbnail has as many cards as the template puts in the design.
  for (const [i, title] of titles.entries()) {
    if (i > 0) await ed.button('Templates').click();
    await gallery.getByRole('button', { name: new RegExp(`^${title}`) }).click();
    const confirm = page.getByRole('dialog', { name: /Replace your design/ });
    if (i > 0) await confirm.getByRole('button', { name: 'Replace with template' }).click();
    await expect(gallery).toHaveCount(0);
    // (the canvas draws only the cards in view, and a large template opens at a readable zoom)
    await expect.poll(async () => (await ed.getDesign()).nodes.length, title).toBe(shapes[title]);
    await expect(page.locator('.pc-node').first()).toBeVisible();
  }
});
