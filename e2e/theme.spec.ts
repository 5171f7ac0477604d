import { expect, test, type Locator } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

/** The perceived lightness (0 black … 255 white) of an element's computed background colour. */
async function lightness(el: Locator, property = 'background-color'): Promise<number> {
  const colour = await el.evaluate((e, p) => getComputedStyle(e).getPropertyValue(p), property);
  if (!colour) throw new Error(`no computed ${property}`);
  const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
  // a see-through background shows what is behind it: no colour of its own to judge
  if (a === 0) throw new Error(`the element's ${property} is transparent`);
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

test('a dark system gives dark panels, canvas, cards and dialogs; the choice is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Go · net/http', { x: 300, y: 240 });
  await expect(ed.node('go-service')).toBeVisible();

  for (const panel of [
    ed.canvas,
    ed.palette,
    ed.inspector,
    ed.node('go-service').locator('.pc-node'),
    page.locator('.pc-minimap'),
  ])
    expect(await lightness(panel)).toBeLessThan(60);
  expect(await lightness(ed.inspector, 'color')).toBeGreaterThan(180);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  expect(await lightness(dialog)).toBeLessThan(60);
  await page.keyboard.press('Escape');

  // The toggle overrides the system, and the page remembers it after a reload.
  await page.getByRole('button', { name: /^Theme/ }).click();
  await page.getByRole('menuitemradio', { name: 'Light' }).click();
  await expect(page.getByRole('menuitemradio', { name: 'Light' })).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => lightness(ed.canvas)).toBeGreaterThan(200);
  await page.reload();
  await expect(ed.node('go-service')).toBeVisible();
  expect(await lightness(ed.canvas)).toBeGreaterThan(200);
  expect(await lightness(ed.inspector)).toBeGreaterThan(200);

  // Back to following the system, which is dark.
  await page.getByRole('button', { name: /^Theme/ }).click();
  await page.getByRole('menuitemradio', { name: 'Follow the system' }).click();
  await expect.poll(() => lightness(ed.canvas)).toBeLessThan(60);
});

test('a light system with the dark choice: dark canvas, dark code preview, pictures dark or light by choice', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const ed = new EditorPage(page);
  await ed.goto();
  expect(await lightness(ed.canvas)).toBeGreaterThan(200);
  await page.getByRole('button', { name: /^Theme/ }).click();
  await page.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect.poll(() => lightness(ed.canvas)).toBeLessThan(60);
  await ed.dragFromPalette('Go · net/http', { x: 300, y: 240 });
  await expect(ed.node('go-service')).toBeVisible();

  // The preview's editor (monaco) is dark too.
  await ed.button('Preview').click();
  const code = page.locator('.monaco-editor').first();
  await expect(code).toBeVisible({ timeout: 20_000 });
  await expect(code).toHaveClass(/vs-dark/);
  expect(await lightness(page.locator('.monaco-editor-background').first())).toBeLessThan(60);

  // A picture follows the page unless "Light colours" is ticked.
  const svgOf = async () => {
    const downloading = page.waitForEvent('download');
    await ed.button('Picture').click();
    await page.getByRole('menuitem', { name: /Download SVG/ }).click();
    const d = await downloading;
    const { readFile } = await import('node:fs/promises');
    return readFile((await d.path()) ?? '', 'utf8');
  };
  const darkSvg = await svgOf();
  expect(darkSvg).toContain('fill="#0b1120"');
  await ed.button('Picture').click();
  await page.getByRole('menuitemcheckbox', { name: 'Light colours' }).click();
  await page.keyboard.press('Escape');
  const lightSvg = await svgOf();
  expect(lightSvg).toContain('fill="#ffffff"');
  expect(lightSvg).not.toContain('#0b1120');
});
