import AxeBuilder from '@axe-core/playwright';
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

/** The WCAG contrast ratio between an element's text colour and its background colour. */
async function contrast(el: Locator): Promise<number> {
  const [fg, bg] = await el.evaluate((e) => {
    const css = getComputedStyle(e);
    return [css.color, css.backgroundColor];
  });
  const lum = (colour: string) => {
    const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

test('sticky notes read well in dark mode: a dim note with light ink, and axe finds nothing serious', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Sticky note', { x: 300, y: 200 });
  await ed.dragFromPalette('Sticky note', { x: 600, y: 200 });
  const notes = page.locator('.pc-sticky');
  await expect(notes).toHaveCount(2);
  // One written, one left empty (its hint shows).
  await notes.first().dblclick();
  await page.keyboard.type('Orders are priced here.');
  await ed.pane.click({ position: { x: 30, y: 30 } });
  await expect(notes.first()).toHaveText('Orders are priced here.');
  await expect(notes.last()).toHaveText('Double-click to write a note');

  // A dark note on the dark canvas, not a bright patch; its text light and well above 4.5:1.
  expect(await lightness(notes.first())).toBeLessThan(80);
  expect(await lightness(notes.first(), 'color')).toBeGreaterThan(200);
  expect(await contrast(notes.first())).toBeGreaterThan(7);
  const hint = notes.last().locator('.pc-sticky__text');
  expect(await lightness(hint, 'color')).toBeGreaterThan(150);
  // the hint's colour over the note's background
  const hintFg = await hint.evaluate((e) => getComputedStyle(e).color);
  await notes.last().evaluate((e, c) => (e.style.color = c), hintFg);
  expect(await contrast(notes.last())).toBeGreaterThan(4.5);
  await notes.last().evaluate((e) => (e.style.color = ''));

  const { violations } = await new AxeBuilder({ page }).include('.react-flow__node-note').analyze();
  expect(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    'axe on the notes',
  ).toEqual([]);

  // Light mode keeps the classic yellow note with dark ink.
  await page.getByRole('button', { name: /^Theme/ }).click();
  await page.getByRole('menuitemradio', { name: 'Light' }).click();
  await expect.poll(() => lightness(notes.first())).toBeGreaterThan(200);
  expect(await contrast(notes.first())).toBeGreaterThan(7);
});
