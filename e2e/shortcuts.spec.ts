import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

/** The README's shortcut tables as rows of "keys | action", in order. */
async function readmeShortcuts(): Promise<string[]> {
  const readme = await readFile('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('<!-- shortcuts:start'), readme.indexOf('<!-- shortcuts:end'));
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.endsWith(' | |'))
    .map((l) => l.slice(2, -2).trim());
}

test('? lists every shortcut the README lists, and Escape closes the list', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.pane.click({ position: { x: 300, y: 300 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  const shown = await dialog
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.map(
        (r) =>
          `${r.querySelector('th')?.textContent?.trim() ?? ''} | ${r.querySelector('td')?.textContent?.trim() ?? ''}`,
      ),
    );
  const listed = await readmeShortcuts();
  expect(listed.length).toBeGreaterThan(10);
  expect(shown).toEqual(listed);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The keyboard button in the canvas controls opens the same list.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Typing ? in a text field types it.
  await page.getByLabel('Search the palette').fill('');
  await page.getByLabel('Search the palette').press('?');
  await expect(page.getByLabel('Search the palette')).toHaveValue('?');
  await expect(dialog).toBeHidden();
});

test('Ctrl/Cmd+S saves the design file, as File → Save does', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Go · net/http', { x: 300, y: 240 });
  await expect(ed.node('go-service')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press(`${ed.mod}+s`);
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('my-system.json');
  const saved = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as { nodes: { name: string }[] };
  expect(saved.nodes.map((n) => n.name)).toEqual(['go-service']);
});
