import { expect, test } from '@playwright/test';
import { benchDesign } from '../bench/designs';
import { EditorPage } from './pages/EditorPage';

test('a service out of view is found by name from the keyboard: centred, selected and focused', async ({ page }) => {
  const design = benchDesign(420);
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.openDesign(design);
  const far = design.nodes.at(-1)!;
  // Only the cards in view are drawn, so Tab cannot reach this one.
  await expect(ed.node(far.name)).toHaveCount(0);

  await page.keyboard.press(`${ed.mod}+k`);
  const box = page.getByRole('combobox', { name: 'Find a service by name, language or product' });
  await expect(box).toBeFocused();
  await box.fill(far.name);
  await expect(page.getByRole('option').first()).toHaveText(new RegExp(`^..${far.name}`));
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');

  await expect(box).toHaveCount(0);
  await expect(ed.node(far.name)).toBeInViewport({ ratio: 1 });
  await expect(ed.node(far.name)).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.__polyglotCanvas!.getSelection())).toEqual([far.id]);
  await expect(ed.inspector.getByRole('heading', { name: far.name })).toBeVisible();
  // The found card answers the keyboard like any other: Delete removes it, undo brings it back.
  await page.keyboard.press('Delete');
  await expect(ed.node(far.name)).toHaveCount(0);
  await page.keyboard.press(`${ed.mod}+z`);
  await expect(ed.node(far.name)).toBeVisible();
});

test('the find box narrows by every word, moves with the arrow keys and gives the focus back on Escape', async ({
  page,
}) => {
  const design = benchDesign(100);
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.openDesign(design);
  const button = page.getByRole('button', { name: 'Find a service' });
  await button.click();
  const box = page.getByRole('combobox', { name: 'Find a service by name, language or product' });
  await expect(box).toBeFocused();
  // An empty query lists services by name, and says how many there are.
  await expect(page.getByText(`${design.nodes.length} matches; the first 50 shown`)).toBeVisible();

  // The wheel over the list scrolls the list, not the canvas.
  const list = page.getByRole('listbox', { name: 'Matching services' });
  const viewport = () => page.evaluate(() => window.__polyglotCanvas!.getDesign().viewport);
  const camera = await viewport();
  await list.hover();
  await page.mouse.wheel(0, 300);
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  expect(await viewport()).toEqual(camera);
  await expect(box).toBeFocused();

  // "svc-1" starts svc-1, svc-10 … svc-19 and svc-100…: the exact name comes first.
  await box.fill('svc-1');
  const options = page.getByRole('option');
  await expect(options.first()).toContainText('svc-1');
  await box.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  const second = (await options.nth(1).locator('.pc-find__name').textContent()) ?? '';
  expect(second).toMatch(/^svc-1\d/);
  await box.press('ArrowUp');
  await box.press('ArrowUp'); // from the first, up wraps to the last
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');

  // Every word must match, the kind's words too.
  await box.fill('svc-1 rust');
  await expect(options.first()).toBeVisible();
  for (const kind of await options.locator('.pc-find__kind').allTextContents()) expect(kind).toBe('Rust · axum');
  for (const name of await options.locator('.pc-find__name').allTextContents()) expect(name).toContain('svc-1');

  // Nothing matching says so.
  await box.fill('zz-no-such-service');
  await expect(options).toHaveCount(0);
  await expect(page.getByText('Nothing matches.')).toBeVisible();
  await box.press('Escape');
  await expect(box).toHaveCount(0);
  await expect(button).toBeFocused();

  // Picking with the pointer works too.
  await button.click();
  await box.fill(second);
  await page
    .getByRole('option', { name: new RegExp(second) })
    .first()
    .click();
  await expect(ed.node(second)).toBeFocused();
  await expect(ed.inspector.getByRole('heading', { name: second })).toBeVisible();
});
