import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { EditorPage } from './pages/EditorPage';
import { benchDesign } from '../bench/designs';

/** Searches the file open in the preview with the editor's own find box; answers its match count text. */
async function findInPreview(page: Page, text: string): Promise<string> {
  const view = page.getByTestId('code-view');
  await view.locator('.view-lines').click();
  await page.keyboard.press('Control+f');
  const input = view.getByRole('textbox', { name: 'Find' });
  await input.fill(text);
  const count = view.locator('.find-widget .matchesCount');
  await expect(count).not.toHaveText('');
  const answer = (await count.textContent()) ?? '';
  await page.keyboard.press('Escape');
  return answer;
}

test('the preview follows the design and Export downloads a project that parses', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 200 });
  await ed.dragFromPalette('Go · net/http', { x: 520, y: 100 });
  await ed.dragFromPalette('Node.js · TypeScript (Express)', { x: 520, y: 360 });

  // Nothing selected: the preview shows the whole project.
  await ed.pane.click({ position: { x: 40, y: 500 } });
  await ed.button('Preview').click();
  const preview = page.getByRole('region', { name: 'Export preview' });
  await expect(preview.getByRole('treeitem', { name: 'compose.yaml' })).toBeVisible();
  await preview.getByRole('treeitem', { name: 'compose.yaml' }).click();
  await expect(page.getByTestId('code-view')).toHaveAttribute('data-path', 'compose.yaml');
  await expect(page.getByTestId('code-view').locator('.view-lines')).toContainText('services');
  expect(await findInPreview(page, 'GO_SERVICE_URL')).toMatch(/No results/);

  // Adding a link changes compose.yaml: the caller now gets its target's address.
  await ed.connect('python-service', 'go-service');
  await page.keyboard.press('Escape');
  await expect(ed.edgeLabel('REST')).toBeVisible();
  await expect.poll(() => findInPreview(page, 'GO_SERVICE_URL')).toMatch(/1 of 1/);

  // Selecting a node narrows the tree to its files.
  await ed.node('go-service').click();
  await expect(preview.getByRole('treeitem', { name: 'main.go' })).toBeVisible();
  await expect(preview.getByRole('treeitem', { name: 'app.py' })).toHaveCount(0);

  const { fileName, bytes } = await ed.exportProject();
  expect(fileName).toBe('my-system.zip');
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  for (const expected of [
    'README.md',
    'Makefile',
    'compose.yaml',
    'asyncapi.yaml',
    'k8s/kustomization.yaml',
    'openapi/go-service.yaml',
    'services/python-service/Dockerfile',
    'services/go-service/go.mod',
    'services/typescript-service/package.json',
  ]) {
    expect(names).toContain(expected);
  }
  expect(names.every((n) => !n.startsWith('/') && !n.split('/').includes('..'))).toBe(true);
  const compose = parse((await zip.file('compose.yaml')?.async('string')) ?? '') as {
    services: Record<string, { environment?: Record<string, string> }>;
  };
  expect(Object.keys(compose.services)).toEqual(
    expect.arrayContaining(['python-service', 'go-service', 'typescript-service']),
  );
  expect(compose.services['python-service']?.environment?.GO_SERVICE_URL).toBe('http://go-service:8080');
});

test('a name changed right before Export is in the zip, not the one prepared before it', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Go · net/http', { x: 240, y: 200 });
  await ed.dragFromPalette('Python · FastAPI', { x: 520, y: 300 });
  const exportButton = ed.button('Export');
  // Left alone for a moment, the export of this design is made in the background.
  await expect(exportButton).toHaveAttribute('data-export', 'ready');

  await ed.node('go-service').click();
  await ed.field('Name').fill('billing');
  await ed.field('Name').press('Enter');
  const zip = await JSZip.loadAsync((await ed.exportProject()).bytes);
  const names = Object.keys(zip.files);
  expect(names).toContain('services/billing/go.mod');
  expect(names.some((n) => n.startsWith('services/go-service/'))).toBe(false);
  const compose = parse((await zip.file('compose.yaml')?.async('string')) ?? '') as { services: object };
  expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['billing', 'python-service']));
  expect(Object.keys(compose.services)).not.toContain('go-service');

  // Moving a node afterwards keeps the new export ready: positions are not in the project.
  await expect(exportButton).toHaveAttribute('data-export', 'ready');
  await ed.dragNode('billing', { x: 60, y: 40 });
  await expect(exportButton).toHaveAttribute('data-export', 'ready');
  type Saved = { nodes: { name: string; position: { x: number; y: number } }[] };
  const billingAt = async (z: JSZip) =>
    (JSON.parse((await z.file('polyglot.design.json')?.async('string')) ?? '{}') as Saved).nodes.find(
      (n) => n.name === 'billing',
    )?.position;
  const moved = await JSZip.loadAsync((await ed.exportProject()).bytes, { checkCRC32: true });
  expect((await billingAt(moved))?.x).toBeGreaterThan((await billingAt(zip))?.x ?? Infinity);
  // the same project files, byte for byte: only the design moved
  const projectFiles = (z: JSZip) => Object.keys(z.files).filter((n) => !n.endsWith('.design.json'));
  expect(projectFiles(moved)).toEqual(projectFiles(zip));
  for (const n of projectFiles(zip))
    expect(await moved.file(n)?.async('uint8array'), n).toEqual(await zip.file(n)?.async('uint8array'));

  // Renamed again: the export worker writes the changed files and takes the rest from its last zip.
  await ed.node('billing').click();
  await ed.field('Name').fill('ledger');
  await ed.field('Name').press('Enter');
  const again = await JSZip.loadAsync((await ed.exportProject()).bytes, { checkCRC32: true });
  const againNames = Object.keys(again.files);
  expect(againNames).toContain('services/ledger/go.mod');
  expect(againNames.some((n) => n.startsWith('services/billing/'))).toBe(false);
  for (const n of projectFiles(zip).filter((f) => f.startsWith('services/python-service/')))
    expect(await again.file(n)?.async('uint8array'), n).toEqual(await zip.file(n)?.async('uint8array'));
});

test('an image typed in the inspector right before Export is in the zip', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Container', { x: 240, y: 200 });
  const exportButton = ed.button('Export');
  await expect(exportButton).toHaveAttribute('data-export', 'ready');

  await ed.node('container').click();
  await ed.field('Image').fill('ghcr.io/acme/billing:2.1');
  await ed.field('Image').press('Enter');
  // The export prepared before was for the old image: an image is part of the project, not the layout.
  const zip = await JSZip.loadAsync((await ed.exportProject()).bytes);
  const compose = parse((await zip.file('compose.yaml')?.async('string')) ?? '') as {
    services: Record<string, { image?: string }>;
  };
  expect(compose.services['container']?.image).toBe('ghcr.io/acme/billing:2.1');
});

test('a large design exports the same zip split over workers as in one piece', async ({ browser }) => {
  test.setTimeout(240_000);
  const services = 420; // parts start at 400 services
  const design = benchDesign(services);
  const zips: Buffer[] = [];
  for (const cores of [8, 2]) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // the page tells the export worker how many cores it has: eight allow three more workers
    await context.addInitScript((n) => {
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
    }, cores);
    const page = await context.newPage();
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.openDesign(design);
    const exportButton = ed.button('Export');
    const { bytes } = await ed.exportProject(120_000);
    await expect(exportButton).toHaveAttribute('data-export-parts', cores === 8 ? '4' : '1');
    zips.push(bytes);
    await context.close();
  }
  const [split, whole] = zips as [Buffer, Buffer];
  expect(split.equals(whole)).toBe(true);
  const zip = await JSZip.loadAsync(split);
  const compose = parse(await zip.file('compose.yaml')!.async('string')) as { services: Record<string, unknown> };
  expect(Object.keys(compose.services).length).toBeGreaterThanOrEqual(services);
});
