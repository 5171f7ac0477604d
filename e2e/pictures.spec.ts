import { expect, test, type Page } from '@playwright/test';
import { DesignBuilder } from '../src/core/templates';
import { EditorPage } from './pages/EditorPage';
import { PictureMenu, bytesOf } from './pages/PictureMenu';

const HOSTILE = '<b>"x"</b> & ]]> ünï 🚀';

async function smallDesign(ed: EditorPage) {
  await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 200 });
  await ed.dragFromPalette('Go · net/http', { x: 560, y: 200 });
  await ed.connect('python-service', 'go-service');
  // The new link asks for its kind; REST is the default.
  await ed.page.keyboard.press('Escape');
  await expect(ed.edgeLabel('REST')).toBeVisible();
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngHeader(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes the PNG in the page and counts what it shows. */
async function pngPixels(page: Page, bytes: Buffer) {
  return page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const colours = new Set<number>();
    let white = 0;
    let transparent = 0;
    const near = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (Math.abs(data[i]! - r!) < 12 && Math.abs(data[i + 1]! - g!) < 12 && Math.abs(data[i + 2]! - b!) < 12) n++;
      return n;
    };
    for (let i = 0; i < data.length; i += 4) {
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      if (data[i + 3] === 0) transparent++;
      else if (data[i]! > 250 && data[i + 1]! > 250 && data[i + 2]! > 250) white++;
    }
    return {
      pixels: data.length / 4,
      colours: colours.size,
      white,
      transparent,
      python: near('#3572a5'),
      go: near('#00add8'),
      rest: near('#475569'),
    };
  }, bytes.toString('base64'));
}

/** Parses SVG text with the browser's XML parser; returns what a test needs to see. */
async function parseSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    return {
      error,
      root: doc.documentElement.localName,
      names: [...doc.querySelectorAll('g.pc-node > title')].map((t) => t.textContent),
      links: doc.querySelectorAll('path.pc-link').length,
      labels: [...doc.querySelectorAll('g.pc-link-label')].map((t) => t.textContent),
      viewBox: doc.documentElement.getAttribute('viewBox'),
    };
  }, svg);
}

test('the PNG download is a real PNG of the canvas', async ({ page }) => {
  const ed = new EditorPage(page);
  const pictures = new PictureMenu(page);
  await ed.goto();
  await smallDesign(ed);
  const design = await ed.getDesign();

  const png = await pictures.download('Download PNG');
  expect(png.name).toBe('my-system.png');
  const { width, height } = pngHeader(png.bytes);
  // two 224 px cards side by side plus 32 px of padding around, at 2×
  const xs = design.nodes.map((n) => n.position.x);
  const span = Math.max(...xs) + 224 - Math.min(...xs) + 64;
  expect(Math.abs(width - 2 * span)).toBeLessThanOrEqual(6);
  expect(height).toBeGreaterThanOrEqual(2 * (56 + 64));
  expect(height).toBeLessThanOrEqual(2 * (90 + 64));

  const px = await pngPixels(page, png.bytes);
  expect(px.pixels).toBe(width * height);
  // not a blank image: a white page with cards, badges in the languages' colours and a link
  expect(px.colours).toBeGreaterThan(50);
  expect(px.white / px.pixels).toBeGreaterThan(0.4);
  expect(px.white / px.pixels).toBeLessThan(0.97);
  expect(px.transparent).toBe(0);
  expect(px.python).toBeGreaterThan(2 * 34 * 34);
  expect(px.go).toBeGreaterThan(2 * 34 * 34);
  expect(px.rest).toBeGreaterThan(20);

  // the design is as it was
  expect(await ed.getDesign()).toEqual(design);
});

test('a transparent PNG, an SVG with hostile names, from the keyboard', async ({ page }) => {
  const ed = new EditorPage(page);
  const pictures = new PictureMenu(page);
  await ed.goto();
  await smallDesign(ed);
  await ed.node('python-service').click();
  await ed.field('Name').fill(HOSTILE);
  await expect(ed.node(HOSTILE)).toBeVisible();

  // The menu works from the keyboard: open with ArrowDown, move, toggle, activate with Enter.
  await pictures.button.focus();
  await page.keyboard.press('ArrowDown');
  await expect(pictures.item('Download PNG')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const check = pictures.menu.getByRole('menuitemcheckbox', { name: 'Transparent background' });
  await expect(check).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(check).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(pictures.menu).toHaveCount(0);
  await expect(pictures.button).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const bytes = await bytesOf(download);
  pngHeader(bytes);
  const px = await pngPixels(page, bytes);
  expect(px.transparent / px.pixels).toBeGreaterThan(0.3);
  expect(px.python).toBeGreaterThan(2 * 34 * 34);

  const svg = await pictures.download('Download SVG');
  expect(svg.name).toBe('my-system.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).not.toContain('<b>');
  const parsed = await parseSvg(page, text);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.names).toEqual([HOSTILE, 'go-service']);
  expect(parsed.links).toBe(1);
  expect(parsed.labels).toEqual(['REST']);
});

test('the Mermaid text shows the design, copies and downloads', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const ed = new EditorPage(page);
  const pictures = new PictureMenu(page);
  await ed.goto();
  await smallDesign(ed);
  await ed.node('python-service').click();
  await ed.field('Name').fill('orders "api"');
  await expect(ed.node('orders "api"')).toBeVisible();

  await pictures.open();
  await pictures.item(/Mermaid text/).click();
  const dialog = pictures.mermaidDialog;
  const area = dialog.getByRole('textbox', { name: 'Mermaid text' });
  await expect(area).toHaveValue(/^flowchart LR\n/);
  const chart = await area.inputValue();
  expect(chart).toContain('n_orders_api["orders #quot;api#quot;<br/>Python · FastAPI"]');
  expect(chart).toContain('n_go_service["go-service<br/>Go · net/http"]');
  expect(chart).toContain('n_orders_api -->|"REST"| n_go_service');
  await expect(area).toHaveJSProperty('readOnly', true);

  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('status')).toContainText('Copied to the clipboard');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(chart);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download .mmd' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('my-system.mmd');
  expect((await bytesOf(download)).toString('utf8')).toBe(`${chart}\n`);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(pictures.button).toBeFocused();
});

test('without clipboard access the Mermaid text is selected for Ctrl+C', async ({ page }) => {
  const ed = new EditorPage(page);
  const pictures = new PictureMenu(page);
  await ed.goto();
  await smallDesign(ed);
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  await pictures.open();
  await pictures.item(/Mermaid text/).click();
  const dialog = pictures.mermaidDialog;
  const area = dialog.getByRole('textbox', { name: 'Mermaid text' });
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('status')).toContainText('press Ctrl+C');
  await expect(area).toBeFocused();
  const selected = await area.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toBe(await area.inputValue());
});

test('an empty canvas offers no picture, and a failed PNG changes nothing', async ({ page }) => {
  const ed = new EditorPage(page);
  const pictures = new PictureMenu(page);
  await ed.goto();
  await pictures.open();
  await expect(pictures.item('Download PNG')).toBeDisabled();
  await expect(pictures.item('Download SVG')).toBeDisabled();
  await expect(pictures.menu).toContainText('Add a node to the canvas to make a picture.');
  await page.keyboard.press('Escape');
  await expect(pictures.menu).toHaveCount(0);

  await smallDesign(ed);
  const before = await ed.getDesign();
  // a browser that cannot encode the bitmap (out of memory, a locked-down canvas)
  await page.evaluate(() => {
    HTMLCanvasElement.prototype.toBlob = function (callback: BlobCallback) {
      callback(null);
    };
  });
  let downloads = 0;
  page.on('download', () => downloads++);
  await pictures.open();
  await pictures.item('Download PNG').click();
  await expect(page.getByRole('alert')).toContainText('Could not make the PNG');
  await expect(page.getByRole('alert')).toContainText('Your design was not changed.');
  expect(downloads).toBe(0);
  expect(await ed.getDesign()).toEqual(before);
  await expect(ed.node('go-service')).toBeVisible();
});

test('a design too wide for a sharp PNG is scaled down, and says so', async ({ page }) => {
  const ed = new EditorPage(page);
  const pictures = new PictureMenu(page);
  await ed.goto();
  const wide = new DesignBuilder('Wide Shop')
    .node('west', 'python-fastapi', 0, 0)
    .node('east', 'go-nethttp', 12_000, 0)
    .link('west', 'east')
    .build();
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'wide.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(wide)),
  });
  await expect(ed.node('west')).toBeAttached();

  const png = await pictures.download('Download PNG');
  expect(png.name).toBe('wide-shop.png');
  const { width, height } = pngHeader(png.bytes);
  // 12,288 px of content at 2× would be 24,640 px wide: it is fitted to the 8,192 px limit
  expect(width).toBeLessThanOrEqual(8192);
  expect(width).toBeGreaterThan(8100);
  expect(height).toBeGreaterThan(50);
  const notice = page.getByRole('status').filter({ hasText: 'The PNG was scaled down' });
  await expect(notice).toContainText(`${width}×${height} pixels`);
  await expect(notice).toContainText('The SVG keeps every detail.');
  const px = await pngPixels(page, png.bytes);
  expect(px.python).toBeGreaterThan(100);
  expect(px.go).toBeGreaterThan(100);
});
