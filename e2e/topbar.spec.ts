import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

type Box = { x: number; y: number; width: number; height: number };

const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;

/** Every control in the top bar: its name and where it is on the screen. */
async function controls(ed: EditorPage) {
  const all = await ed.topBar.locator('button, input:not([type="file"])').all();
  const found: { name: string; box: Box }[] = [];
  for (const control of all) {
    const name =
      (await control.getAttribute('aria-label')) ?? (await control.getAttribute('id')) ?? (await control.innerText());
    const box = await control.boundingBox();
    if (!box) throw new Error(`the top-bar control “${name}” is not on the screen`);
    found.push({ name: name.trim(), box });
  }
  return found;
}

async function shot(page: Page, width: number) {
  await page.screenshot({
    path: test.info().outputPath(`topbar-${width}.png`),
    clip: { x: 0, y: 0, width, height: 120 },
  });
}

const EXPECTED = [
  'pc-project-name',
  'File',
  'Undo',
  'Redo',
  'Auto-layout',
  'Templates',
  'Present',
  'Theme: Follow the system',
  'Share',
  'Picture',
  'Preview',
  'Export',
  'More ways to export',
];

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
  [1024, 768],
] as const) {
  test(`at ${width}×${height} every top-bar control is on screen, on one line, and none overlaps another`, async ({
    page,
  }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await page.getByLabel('Project name').fill('warehouse-and-shipping-platform');
    // A design with findings has a longer count label than "No issues": two services calling each other.
    await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 200 });
    await ed.dragFromPalette('Go · net/http', { x: 560, y: 200 });
    await ed.connect('python-service', 'go-service');
    await page.keyboard.press('Escape');
    await ed.dragNode('go-service', { x: 0, y: 160 });
    await ed.connect('go-service', 'python-service');
    await page.keyboard.press('Escape');
    await expect(ed.topBar.getByRole('button', { name: '1 warning' })).toBeVisible();
    await page.setViewportSize({ width, height });

    const found = await controls(ed);
    const names = found.map((c) => c.name);
    for (const name of EXPECTED) expect(names).toContain(name);
    expect(names).toContain('1 warning');

    const bar = (await ed.topBar.boundingBox())!;
    for (const { name, box } of found) {
      expect.soft(box.x, `${name} starts inside the window`).toBeGreaterThanOrEqual(0);
      expect.soft(box.x + box.width, `${name} ends inside the window`).toBeLessThanOrEqual(width);
      expect.soft(box.y, `${name} is inside the bar`).toBeGreaterThanOrEqual(bar.y);
      expect.soft(box.y + box.height, `${name} is inside the bar`).toBeLessThanOrEqual(bar.y + bar.height);
      // One line of text: a wrapped label makes the button about twice as tall.
      expect.soft(box.height, `${name} is on one line`).toBeLessThan(36);
    }
    for (const [i, a] of found.entries())
      for (const b of found.slice(i + 1))
        expect.soft(overlap(a.box, b.box), `${a.name} overlaps ${b.name}`).toBe(false);

    // Export, the primary action, is the last one, at the right edge, with its menu joined to it.
    const rightmost = found.reduce((r, c) => (c.box.x > r.box.x ? c : r));
    expect(rightmost.name).toBe('More ways to export');
    expect(width - (rightmost.box.x + rightmost.box.width)).toBeLessThan(24);
    const exportBox = found.find((c) => c.name === 'Export')?.box;
    expect(exportBox && Math.abs(exportBox.x + exportBox.width - rightmost.box.x)).toBeLessThan(1);
    await shot(page, width);
  });
}

test('the File menu works from the keyboard and gives the focus back', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const ed = new EditorPage(page);
  await ed.goto();
  const file = ed.button('File');
  const item = (name: string) => ed.fileMenu.getByRole('menuitem', { name, exact: true });

  await file.focus();
  await page.keyboard.press('ArrowDown');
  await expect(ed.fileMenu).toBeVisible();
  await expect(file).toHaveAttribute('aria-expanded', 'true');
  await expect(ed.fileMenu.getByRole('menuitem')).toHaveText([
    'New',
    'Open…',
    // Chromium opens folders (the File System Access API)
    'Open project folder…',
    'Import compose or Kubernetes…',
    'Import Kubernetes folder…',
    'Import…',
    'Save',
  ]);
  await expect(item('New')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item('Open…')).toBeFocused();
  await page.keyboard.press('End');
  await expect(item('Save')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item('New')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(item('Save')).toBeFocused();
  await shot(page, 1024);

  await page.keyboard.press('Escape');
  await expect(ed.fileMenu).toBeHidden();
  await expect(file).toBeFocused();
  await expect(file).toHaveAttribute('aria-expanded', 'false');

  // Enter opens it too; Enter on an item runs it and the focus comes back to File.
  await page.getByLabel('Project name').fill('keyboard-only');
  await file.focus();
  await page.keyboard.press('Enter');
  await expect(item('New')).toBeFocused();
  await page.keyboard.press('End');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('keyboard-only.json');
  await expect(ed.fileMenu).toBeHidden();
  await expect(file).toBeFocused();

  // A click elsewhere closes it without running anything.
  await file.click();
  await expect(ed.fileMenu).toBeVisible();
  await ed.pane.click({ position: { x: 60, y: 400 } });
  await expect(ed.fileMenu).toBeHidden();
});
