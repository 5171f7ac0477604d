import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { DesignBuilder } from '../src/core/templates';
import { EditorPage } from './pages/EditorPage';

async function twoServices(ed: EditorPage) {
  await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 200 });
  await ed.dragFromPalette('Go · net/http', { x: 520, y: 200 });
  await ed.connect('python-service', 'go-service');
  // The new link asks for its kind; REST is the default.
  await ed.page.keyboard.press('Escape');
  await expect(ed.edgeLabel('REST')).toBeVisible();
  await expect(ed.page.getByRole('dialog')).toHaveCount(0);
}

async function takeShareLink(page: Page): Promise<string> {
  await new EditorPage(page).button('Share').click();
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  const input = dialog.getByRole('textbox', { name: 'Share link' });
  await expect(input).toHaveValue(/#d=[A-Za-z0-9_-]+$/);
  const url = await input.inputValue();
  await expect(dialog).toContainText(`${url.length.toLocaleString('en')} characters`);
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('status')).toContainText(/Copied|selected/);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  return url;
}

const fragmentOf = (text: string) => '#d=' + deflateRawSync(Buffer.from(text)).toString('base64url');

test('a share link opens the same design in a fresh browser without asking, as one undo step', async ({
  page,
  browser,
}) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await twoServices(ed);
  const design = await ed.getDesign();
  const url = await takeShareLink(page);
  expect(url.startsWith(new URL('/#d=', page.url()).href)).toBe(true);

  const other = await browser.newContext();
  try {
    const page2 = await other.newPage();
    const ed2 = new EditorPage(page2);
    await page2.goto(url);
    // The fresh browser's design is empty: nothing to replace, so nothing to ask.
    await expect(ed2.node('go-service')).toBeVisible();
    await expect(page2.getByRole('dialog')).toHaveCount(0);
    const opened = await ed2.getDesign();
    expect({ ...opened, viewport: null }).toEqual({ ...design, viewport: null });
    // The fragment is gone, so a reload does not ask again.
    expect(new URL(page2.url()).hash).toBe('');
    await ed2.button('Undo').click();
    await expect(ed2.node('go-service')).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test('declining a shared design keeps the current one', async ({ page, context }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await twoServices(ed);
  const url = await takeShareLink(page);
  await ed.node('go-service').click();
  await page.keyboard.press('Delete');
  await expect(ed.node('go-service')).toHaveCount(0);
  await ed.waitForAutosave();
  const before = await ed.getDesign();

  const page2 = await context.newPage();
  await page2.goto(url);
  const ask = page2.getByRole('dialog', { name: /Open the shared design/ });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  expect(await new EditorPage(page2).getDesign()).toEqual(before);
  expect(new URL(page2.url()).hash).toBe('');
});

test('hostile and broken links show an error and change nothing', async ({ page, context }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await twoServices(ed);
  await ed.waitForAutosave();
  const before = await ed.getDesign();
  let dialogs = 0;
  page.on('dialog', () => dialogs++);

  const hostile = [
    '#d=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E',
    '#d=AAAA',
    fragmentOf('{"hello":"world","nodes":"<img src=x onerror=alert(1)>"}'),
    fragmentOf('not json at all'),
  ];
  const alerts = page.getByRole('alert');
  for (const [i, hash] of hostile.entries()) {
    // Same document, new fragment: the hashchange path.
    await page.goto('/' + hash);
    await expect(alerts).toHaveCount(i + 1);
    await expect(alerts.nth(i)).toContainText('Could not open the shared design');
    await expect(alerts.nth(i)).toContainText('Your current design was not changed.');
    expect(await ed.getDesign()).toEqual(before);
    expect(new URL(page.url()).hash).toBe('');
  }
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  expect(dialogs).toBe(0);

  // On page load too: the saved design stays.
  const page2 = await context.newPage();
  await page2.goto('/' + hostile[2]);
  await expect(page2.getByRole('alert')).toContainText('Could not open the shared design');
  await expect(page2.getByRole('dialog')).toHaveCount(0);
  expect(await new EditorPage(page2).getDesign()).toEqual(before);
});

test('a design too big for a link offers a file instead', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  const b = new DesignBuilder('big-system');
  for (let i = 0; i < 120; i++) {
    const h = (s: string) => createHash('sha256').update(s).digest('hex');
    b.node(`svc-${h(String(i)).slice(0, 24)}`, 'go-nethttp', (i % 12) * 300, Math.floor(i / 12) * 200, {
      description: h(`d${i}`),
    });
  }
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'big.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(b.build())),
  });
  await expect(page.getByRole('group', { name: /^svc-/ }).first()).toBeVisible();

  await ed.button('Share').click();
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  await expect(dialog).toContainText('longer than 8,000 characters');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save as file' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('big-system.json');
});
