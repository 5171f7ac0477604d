import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { installFakeFolder, readFakeFolder } from './pages/fakeFolder';

/** The text files of a zip, by path. */
async function unzip(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out: Record<string, string> = {};
  for (const [path, entry] of Object.entries(zip.files)) if (!entry.dir) out[path] = await entry.async('string');
  return out;
}

/** Two services, Python calling Go over REST: drawn as a person would. */
async function twoServices(ed: EditorPage) {
  await ed.goto();
  await ed.dragFromPalette('Python · FastAPI', { x: 220, y: 220 });
  await ed.dragFromPalette('Go · net/http', { x: 560, y: 220 });
  await ed.connect('python-service', 'go-service');
  await ed.page.keyboard.press('Escape');
  await expect(ed.edgeLabel('REST')).toBeVisible();
}

test('an exported zip opens again with its design, and a zip without one is refused', async ({ page }) => {
  const ed = new EditorPage(page);
  await twoServices(ed);
  await ed.dragNode('go-service', { x: 40, y: 90 });
  const exported = await ed.getDesign();
  const { fileName, bytes } = await ed.exportProject();
  const files = await unzip(bytes);
  expect(Object.keys(files)).toEqual(expect.arrayContaining(['polyglot.design.json', '.polyglot/manifest.json']));
  // the design in the zip is the one on the canvas at the click, moved card included
  expect(JSON.parse(files['polyglot.design.json'] ?? '')).toEqual(exported);

  // another design, then File → Open… the zip
  await ed.fileAction('New');
  await page.getByRole('button', { name: 'Discard and start new' }).click();
  await expect(ed.node('go-service')).toHaveCount(0);
  await ed.chooseFile('Open…', { name: fileName, mimeType: 'application/zip', buffer: bytes });
  await expect(ed.node('go-service')).toBeVisible();
  expect(await ed.getDesign()).toEqual(exported);

  // a zip of something else: a clear message, and the design stays as it is
  const other = new JSZip();
  other.file('README.md', 'not a project');
  const otherBytes = await other.generateAsync({ type: 'nodebuffer' });
  await ed.chooseFile('Open…', { name: 'holiday.zip', mimeType: 'application/zip', buffer: otherBytes });
  await ed.replaceDialog.getByRole('button', { name: 'Open and replace' }).click();
  await expect(page.getByText('Could not open holiday.zip')).toBeVisible();
  await expect(page.getByText(/There is no polyglot\.design\.json in it/)).toBeVisible();
  expect(await ed.getDesign()).toEqual(exported);

  // dropped on the window, the zip opens the same way
  await ed.fileAction('New');
  await page.getByRole('button', { name: 'Discard and start new' }).click();
  await expect(ed.node('go-service')).toHaveCount(0);
  const dataTransfer = await page.evaluateHandle(
    ([name, data]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type: 'application/zip' }));
      return dt;
    },
    [fileName, [...bytes]] as const,
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await ed.canvas.dispatchEvent(type, { dataTransfer });
  await expect(ed.node('go-service')).toBeVisible();
  expect(await ed.getDesign()).toEqual(exported);

  // the same project unpacked in a folder: File → Open project folder…
  await ed.fileAction('New');
  await page.getByRole('button', { name: 'Discard and start new' }).click();
  await expect(ed.node('go-service')).toHaveCount(0);
  await installFakeFolder(page, 'my-system', files);
  await ed.fileAction('Open project folder…');
  await expect(ed.node('go-service')).toBeVisible();
  expect(await ed.getDesign()).toEqual(exported);
});

test('Export → Update a project folder… merges the design into the folder and keeps the code', async ({ page }) => {
  const ed = new EditorPage(page);
  await twoServices(ed);
  const files = await unzip((await ed.exportProject()).bytes);

  // the user's week: they implement the Go handler and add notes of their own
  const handlers = 'services/go-service/handlers/handlers.go';
  const generated = files[handlers] ?? '';
  const implemented = generated.replace(
    /(return api\.Sample\[[^\]\n]+\]\()[^\n]*(\), nil)/,
    '$1`{"status":"checked by hand"}`$2',
  );
  expect(implemented).not.toBe(generated);
  await installFakeFolder(page, 'my-system', { ...files, [handlers]: implemented, 'NOTES.md': 'call Ana\n' });

  // then the design grows: a TypeScript service that Python calls
  await ed.dragFromPalette('Node.js · TypeScript (Express)', { x: 560, y: 460 });
  await ed.connect('python-service', 'typescript-service');
  await page.keyboard.press('Escape');

  await ed.button('More ways to export').click();
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'Update a project folder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Update “my-system”?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('update-summary')).toContainText('0 conflicts');
  const list = dialog.getByRole('list', { name: 'Files that change' });
  await expect(
    list.locator('li[data-outcome="added"]', { hasText: 'services/typescript-service/package.json' }),
  ).toBeVisible();
  await expect(list.locator('li[data-outcome="updated"]', { hasText: 'compose.yaml' })).toBeVisible();
  await expect(list.getByText('NOTES.md')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Update folder' }).click();
  await expect(page.getByText('Updated my-system')).toBeVisible();

  const after = await readFakeFolder(page);
  expect(after[handlers]).toBe(implemented);
  expect(after['NOTES.md']).toBe('call Ana\n');
  expect(after['services/typescript-service/package.json']).toContain('"name"');
  expect(after['compose.yaml']).toContain('TYPESCRIPT_SERVICE_URL');
  expect(JSON.parse(after['polyglot.design.json'] ?? '')).toEqual(await ed.getDesign());
  const manifest = JSON.parse(after['.polyglot/manifest.json'] ?? '') as { files: Record<string, string> };
  expect(Object.keys(manifest.files)).toContain('services/typescript-service/package.json');
});

test('without folder access, Update a project folder… offers the zip and the command that merges it', async ({
  page,
}) => {
  await page.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showDirectoryPicker;
  });
  const ed = new EditorPage(page);
  await twoServices(ed);
  await ed.button('More ways to export').click();
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'Update a project folder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Update a project folder' });
  await expect(dialog).toContainText('npx polyglot-canvas export my-project.zip -o my-project/ --update');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download zip' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('my-system.zip');
});
