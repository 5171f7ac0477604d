import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import { parse, parseAllDocuments } from 'yaml';
import { EditorPage } from './pages/EditorPage';
import { PictureMenu } from './pages/PictureMenu';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Drags an element by `by` with the mouse, in small steps as a hand would. */
async function drag(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
  by: { x: number; y: number },
) {
  const start = { x: box.x + Math.min(40, box.width / 2), y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 2, start.y, { steps: 2 });
  await page.mouse.move(start.x + by.x / 2, start.y + by.y / 2, { steps: 5 });
  await page.mouse.move(start.x + by.x, start.y + by.y, { steps: 5 });
  await page.mouse.up();
}

/** A boundary with two cards in it and a sticky note, made as a person makes them. */
async function buildBoundary(ed: EditorPage) {
  const page = ed.page;
  await ed.dragFromPalette('Boundary', { x: 300, y: 150 });
  const boundary = page.locator('.pc-boundary');
  await expect(boundary).toHaveCount(1);
  await expect(boundary.locator('.pc-boundary__name')).toHaveText('Bounded context');

  // Two cards outside it, then dragged in.
  await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 600 });
  await ed.dragFromPalette('Go · net/http', { x: 620, y: 600 });
  await ed.dragNode('python-service', { x: 150, y: -300 });
  await ed.dragNode('go-service', { x: 100, y: -300 });

  // Name it in the inspector.
  await boundary.locator('.pc-boundary__title').click();
  const name = ed.inspector.getByLabel('Name');
  await expect(name).toHaveValue('Bounded context');
  await name.fill('Ordering');
  await ed.inspector.getByLabel('Kind').selectOption({ label: 'Kubernetes namespace' });
  await expect(boundary.locator('.pc-boundary__name')).toHaveText('Ordering');
  await expect(ed.inspector.getByText('Cards inside (2)')).toBeVisible();
  await expect(ed.inspector.getByRole('listitem')).toHaveText(['python-service', 'go-service']);
  return boundary;
}

test('a boundary groups cards, moves them, undoes in one step; a note keeps its text across a reload', async ({
  page,
}) => {
  const ed = new EditorPage(page);
  await ed.goto();
  const boundary = await buildBoundary(ed);

  // Moving the boundary by its title bar moves its cards by the same distance.
  const before = await ed.cardBoxes();
  const title = await boundary.locator('.pc-boundary__title').boundingBox();
  if (!title) throw new Error('no boundary title');
  await drag(page, title, { x: 120, y: 90 });
  const after = await ed.cardBoxes();
  const moved = (await boundary.locator('.pc-boundary__title').boundingBox())!;
  const by = { x: moved.x - title.x, y: moved.y - title.y };
  // React Flow holds back the first pixels of a drag: the boundary moved by about what the hand did.
  expect(Math.abs(by.x - 120)).toBeLessThan(5);
  expect(Math.abs(by.y - 90)).toBeLessThan(5);
  for (const card of ['python-service', 'go-service']) {
    expect(after[card]!.x - before[card]!.x).toBeCloseTo(by.x, 0);
    expect(after[card]!.y - before[card]!.y).toBeCloseTo(by.y, 0);
  }

  // One undo puts the boundary and both cards back.
  await ed.pane.click({ position: { x: 30, y: 30 } });
  await page.keyboard.press(`${ed.mod}+z`);
  await expect
    .poll(async () => (await ed.cardBoxes())['python-service']!.x)
    .toBeCloseTo(before['python-service']!.x, 0);
  expect((await ed.cardBoxes())['go-service']!.y).toBeCloseTo(before['go-service']!.y, 0);

  // A card dragged out leaves the boundary.
  await ed.dragNode('go-service', { x: 0, y: 400 });
  await boundary.locator('.pc-boundary__title').click();
  await expect(ed.inspector.getByText('Cards inside (1)')).toBeVisible();
  await page.keyboard.press(`${ed.mod}+z`);
  await expect(ed.inspector.getByText('Cards inside (2)')).toBeVisible();

  // A sticky note: dragged from the palette, written in place.
  await ed.dragFromPalette('Sticky note', { x: 760, y: 560 });
  const note = page.locator('.pc-sticky');
  await expect(note).toHaveCount(1);
  await note.dblclick();
  await page.keyboard.type('Orders are placed here, then priced.');
  await ed.pane.click({ position: { x: 30, y: 30 } });
  await expect(note).toHaveText('Orders are placed here, then priced.');

  // Both come back after a reload.
  await ed.waitForAutosave();
  await page.reload();
  await expect(ed.pane).toBeVisible();
  await expect(page.locator('.pc-boundary__name')).toHaveText('Ordering');
  await expect(page.locator('.pc-sticky')).toHaveText('Orders are placed here, then priced.');
  const design = await ed.getDesign();
  expect(design.boundaries?.[0]).toMatchObject({ name: 'Ordering', kind: 'namespace' });
  expect(design.boundaries?.[0]?.members).toHaveLength(2);

  // Renamed in place with a double-click, like a card.
  await page.locator('.pc-boundary__name').dblclick();
  await page.keyboard.press(`${ed.mod}+a`);
  await page.keyboard.type('Checkout');
  await page.keyboard.press('Enter');
  await expect(page.locator('.pc-boundary__name')).toHaveText('Checkout');

  // Deleted with Delete; the cards stay.
  await page.locator('.pc-boundary__title').click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.pc-boundary')).toHaveCount(0);
  await expect(ed.node('python-service')).toBeVisible();
});

test('Present mode shows the boundary as a step before its cards', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await buildBoundary(ed);
  await ed.button('Present').click();
  const step = ed.presenterBar.getByTestId('presenter-step');
  await expect(step).toHaveText('Step 0 / 3');
  await expect(page.locator('.pc-boundary')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveText(/^Step 1 \/ 3/);
  await expect(ed.presenterBar).toContainText('Ordering (Kubernetes namespace)');
  await expect(page.locator('.pc-boundary')).toBeVisible();
  await expect(page.locator('.pc-boundary__name')).toHaveText('Ordering');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveText(/^Step 3 \/ 3/);
  // The boundary is drawn around its cards at the presenter's size.
  const box = (await page.locator('.pc-boundary').boundingBox())!;
  for (const card of ['python-service', 'go-service']) {
    const c = (await ed.node(card).boundingBox())!;
    expect(c.x).toBeGreaterThanOrEqual(box.x);
    expect(c.y).toBeGreaterThanOrEqual(box.y);
    expect(c.x + c.width).toBeLessThanOrEqual(box.x + box.width);
    expect(c.y + c.height).toBeLessThanOrEqual(box.y + box.height);
  }
});

test('the SVG picture and the Mermaid text show the boundary by name', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await buildBoundary(ed);
  const pictures = new PictureMenu(page);
  const svg = (await pictures.download('Download SVG')).bytes.toString('utf8');
  expect(svg).toContain('class="pc-boundary"');
  expect(svg).toMatch(/<text[^>]*>Ordering<\/text>/);
  await pictures.open();
  await pictures.item(/Mermaid/).click();
  await expect(pictures.mermaidDialog.getByRole('textbox', { name: 'Mermaid text' })).toHaveValue(
    /subgraph b_1\["Ordering"\]/,
  );
});

test('copy and paste a boundary with its cards and a note: the copies land clear of them, undone in one step', async ({
  page,
}) => {
  const ed = new EditorPage(page);
  await ed.goto();
  const boundary = await buildBoundary(ed);
  await ed.dragFromPalette('Sticky note', { x: 760, y: 560 });
  const notes = page.locator('.pc-sticky');
  await notes.dblclick();
  await page.keyboard.type('Orders start here.');
  await ed.pane.click({ position: { x: 30, y: 30 } });
  await expect(notes).toHaveText('Orders start here.');
  // Zoomed out, so the copies are on screen too.
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await page.getByRole('button', { name: 'Zoom Out' }).click();

  // The boundary selected by its title bar: Ctrl/Cmd+C, Ctrl/Cmd+V.
  await page.locator('.pc-boundary__title').click();
  await page.keyboard.press(`${ed.mod}+c`);
  await page.keyboard.press(`${ed.mod}+v`);
  const boundaries = page.locator('.pc-boundary');
  await expect(boundaries).toHaveCount(2);
  await expect(page.locator('.pc-boundary__name')).toHaveText(['Ordering', 'Ordering 2']);
  await expect(ed.node('python-service-2')).toBeVisible();
  await expect(ed.node('go-service-2')).toBeVisible();
  const original = (await boundary.first().boundingBox())!;
  const copy = (await boundaries.nth(1).boundingBox())!;
  // below the original, not over it
  expect(copy.y).toBeGreaterThanOrEqual(original.y + original.height - 1);
  // the copied cards sit in the copy as the originals sit in the original, and the copy holds them
  for (const name of ['python-service', 'go-service']) {
    const was = (await ed.node(name).boundingBox())!;
    const card = (await ed.node(`${name}-2`).boundingBox())!;
    expect(card.x - copy.x).toBeCloseTo(was.x - original.x, 0);
    expect(card.y - copy.y).toBeCloseTo(was.y - original.y, 0);
    const centre = { x: card.x + card.width / 2, y: card.y + card.height / 2 };
    expect(centre.x).toBeGreaterThan(copy.x);
    expect(centre.x).toBeLessThan(copy.x + copy.width);
    expect(centre.y).toBeGreaterThan(copy.y);
    expect(centre.y).toBeLessThan(copy.y + copy.height);
  }
  // the pasted copies are selected together; a click on the empty canvas, then on the copy's title
  await expect(ed.inspector.getByText('3 items selected')).toBeVisible();
  await ed.pane.click({ position: { x: 30, y: 30 } });
  await page.locator('.pc-boundary__title').nth(1).click();
  await expect(ed.inspector.getByLabel('Name')).toHaveValue('Ordering 2');
  await expect(ed.inspector.getByText('Cards inside (2)')).toBeVisible();
  await expect(ed.inspector.getByRole('listitem')).toHaveText(['python-service-2', 'go-service-2']);

  // One undo takes the boundary and both cards away again.
  await page.keyboard.press(`${ed.mod}+z`);
  await expect(boundaries).toHaveCount(1);
  await expect(ed.node('python-service-2')).toHaveCount(0);
  await expect(ed.node('go-service-2')).toHaveCount(0);
  await expect(ed.node('python-service')).toBeVisible();

  // A note: copied and pasted the same way, then duplicated from its right-click menu.
  await notes.first().click();
  await page.keyboard.press(`${ed.mod}+c`);
  await page.keyboard.press(`${ed.mod}+v`);
  await expect(notes).toHaveCount(2);
  await expect(notes).toHaveText(['Orders start here.', 'Orders start here.']);
  const [a, b] = [(await notes.nth(0).boundingBox())!, (await notes.nth(1).boundingBox())!];
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height - 1);
  await notes.first().click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Duplicate' }).click();
  await expect(notes).toHaveCount(3);
  await page.keyboard.press(`${ed.mod}+z`);
  await expect(notes).toHaveCount(2);
  await page.keyboard.press(`${ed.mod}+z`);
  await expect(notes).toHaveCount(1);
});

test('a namespace boundary puts its cards into that namespace in the exported manifests', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await buildBoundary(ed);
  // a database outside the boundary, which the service inside uses
  await ed.dragFromPalette('PostgreSQL', { x: 300, y: 650 });
  await ed.connect('python-service', 'postgres');
  await page.keyboard.press('Escape');
  await page.locator('.pc-boundary__title').click();
  await expect(ed.inspector.getByTestId('namespace-hint')).toContainText('into the namespace ordering');
  await expect(ed.inspector.getByTestId('namespace-hint')).toContainText('stay in my-system');

  const zip = await JSZip.loadAsync((await ed.exportProject()).bytes);
  const read = async (path: string) => {
    const text = await zip.file(path)?.async('string');
    if (text === undefined) throw new Error(`${path} is not in the zip`);
    return parseAllDocuments(text).map((d) => d.toJS() as Doc);
  };
  const namespaces = (await read('k8s/namespace.yaml')).map((d) => d.metadata.name);
  expect(namespaces).toEqual(['my-system', 'ordering']);
  for (const card of ['python-service', 'go-service'])
    for (const d of await read(`k8s/${card}.yaml`))
      expect(d.metadata.namespace, `${d.kind} ${d.metadata.name}`).toBe('ordering');
  const db = await read('k8s/postgres.yaml');
  expect(db.find((d) => d.kind === 'StatefulSet')?.metadata.namespace).toBe('my-system');
  const deployment = (await read('k8s/python-service.yaml')).find((d) => d.kind === 'Deployment')!;
  const url = deployment.spec.template.spec.containers[0].env.find((e: Doc) => e.name === 'POSTGRES_URL');
  expect(url.value).toContain('@postgres.my-system.svc.cluster.local:5432/');
  const kustomization = parse((await zip.file('k8s/kustomization.yaml')?.async('string')) ?? '') as Doc;
  expect(kustomization.namespace).toBeUndefined();
  // its credentials are generated (from the same git-ignored env file) where the service reads them
  expect(db.filter((d) => d.kind === 'Secret')).toEqual([]);
  expect(
    (kustomization.secretGenerator as Doc[])
      .filter((g) => g.name === 'postgres-credentials')
      .map((g) => [g.namespace, g.envs]),
  ).toEqual([
    ['my-system', ['secrets/postgres-credentials.env']],
    ['ordering', ['secrets/postgres-credentials.env']],
  ]);
  // compose knows nothing of namespaces
  expect(await zip.file('compose.yaml')?.async('string')).not.toContain('ordering');
});
