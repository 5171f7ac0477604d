import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

async function smallDesign(ed: EditorPage) {
  await ed.dragFromPalette('Python · FastAPI', { x: 220, y: 200 });
  await ed.dragFromPalette('PostgreSQL', { x: 620, y: 200 });
  await ed.connect('python-service', 'postgres');
  await expect(ed.edgeLabel('database')).toBeVisible();
}

test.describe('files', () => {
  test('a corrupt or foreign file shows why and leaves the design untouched', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await smallDesign(ed);
    const before = await ed.getDesign();
    const input = page.getByTestId('open-file-input');

    await input.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"nodes": ['),
    });
    // Open asks before it replaces a design with something in it.
    await ed.replaceDialog.getByRole('button', { name: 'Open and replace' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not open broken.json' });
    await expect(alert).toContainText('not valid JSON');
    await expect(alert).toContainText('Your current design was not changed.');
    expect(await ed.getDesign()).toEqual(before);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toBeHidden();

    const foreign = JSON.stringify({ name: 'package', version: '1.0.0', dependencies: {} });
    await input.setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from(foreign) });
    await ed.replaceDialog.getByRole('button', { name: 'Open and replace' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not open package.json' })).toContainText(
      'This is not a Polyglot Canvas design',
    );
    expect(await ed.getDesign()).toEqual(before);
    await expect(ed.node('python-service')).toBeVisible();
  });

  test('Save downloads <project>.json; after New it opens back to the same design', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    const project = page.getByLabel('Project name');
    await project.fill('Shop Floor');
    await smallDesign(ed);
    await ed.dragNode('postgres', { x: 40, y: 120 });
    const saved = await ed.getDesign();

    const downloading = page.waitForEvent('download');
    await ed.fileAction('Save');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('shop-floor.json');
    const file = await download.path();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('\n  "format": "polyglot-canvas/design"');
    expect(JSON.parse(text)).toEqual(saved);

    // New asks first, because there is work to lose; Cancel keeps it.
    await ed.fileAction('New');
    const dialog = page.getByRole('dialog', { name: 'Start a new design?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('2 nodes and 1 link');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect((await ed.getDesign()).nodes).toHaveLength(2);

    await ed.fileAction('New');
    await dialog.getByRole('button', { name: 'Discard and start new' }).click();
    await expect(page.getByText('Drag a service from the palette, or click one to add it')).toBeVisible();
    expect((await ed.getDesign()).nodes).toHaveLength(0);
    // An empty design is replaced without a question.
    await ed.fileAction('New');
    await expect(dialog).toBeHidden();

    await page.getByTestId('open-file-input').setInputFiles(file);
    await expect(ed.node('postgres')).toBeVisible();
    await expect(project).toHaveValue('Shop Floor');
    expect(await ed.getDesign()).toEqual(saved);
  });

  test('a design file dropped on the window opens; a palette drag still adds a node', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await smallDesign(ed);
    const design = await ed.getDesign();
    await ed.fileAction('New');
    await page.getByRole('dialog').getByRole('button', { name: 'Discard and start new' }).click();

    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      return dt;
    }, JSON.stringify(design));
    await ed.canvas.dispatchEvent('dragenter', { dataTransfer });
    await expect(page.getByText('Drop a design file (.json) to open it')).toBeVisible();
    await ed.canvas.dispatchEvent('dragover', { dataTransfer });
    await ed.canvas.dispatchEvent('drop', { dataTransfer });
    await expect(page.getByText('Drop a design file (.json) to open it')).toBeHidden();
    await expect(ed.node('python-service')).toBeVisible();
    expect(await ed.getDesign()).toEqual(design);

    await ed.dragFromPalette('Redis', { x: 400, y: 420 });
    await expect(ed.node('redis')).toBeVisible();
    expect((await ed.getDesign()).nodes).toHaveLength(3);
  });

  test('a saved design that cannot be read is kept under a backup key and explained', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await page.evaluate(() => localStorage.setItem('polyglot-canvas/design', '{"format":"polyglot-canvas/design",'));
    await page.reload();
    const banner = page.getByRole('alert').filter({ hasText: 'Your saved design could not be read' });
    await expect(banner).toContainText('The broken copy was kept under key "polyglot-canvas/design-unreadable"');
    expect(await page.evaluate(() => localStorage.getItem('polyglot-canvas/design-unreadable'))).toBe(
      '{"format":"polyglot-canvas/design",',
    );
    // The editor works; autosave now writes a good design over the broken one.
    await ed.paletteItem('NATS').click();
    await expect(ed.node('nats')).toBeVisible();
    await ed.waitForAutosave();
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toBeHidden();
    expect(await page.evaluate(() => localStorage.getItem('polyglot-canvas/design-unreadable'))).toBe(
      '{"format":"polyglot-canvas/design",',
    );
  });
});
