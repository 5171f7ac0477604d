import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

async function threeNodes(ed: EditorPage) {
  await ed.dragFromPalette('Python · FastAPI', { x: 220, y: 220 });
  await ed.dragFromPalette('Go · net/http', { x: 620, y: 120 });
  await ed.dragFromPalette('Kafka', { x: 620, y: 400 });
  await expect(ed.node('kafka')).toBeVisible();
}

test.describe('editing on the canvas', () => {
  test('a refused link says why', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.dragFromPalette('PostgreSQL', { x: 220, y: 220 });
    await ed.dragFromPalette('Python · FastAPI', { x: 620, y: 220 });
    await ed.connect('postgres', 'python-service');
    await expect(page.getByRole('alert').filter({ hasText: 'Link refused' })).toContainText(
      'PostgreSQL is a database: it does not call anything. Draw the link from the service that uses it.',
    );
    expect((await ed.getDesign()).links).toHaveLength(0);
    await expect(ed.edges).toHaveCount(0);
    // The other way round is a database link.
    await ed.connect('python-service', 'postgres');
    await expect(ed.edgeLabel('database')).toBeVisible();
  });

  test('the chooser makes a gRPC link, and one undo removes it', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await threeNodes(ed);
    await ed.connect('python-service', 'go-service');
    await page.getByRole('dialog', { name: 'Choose the kind of link' }).getByRole('button', { name: /gRPC/ }).click();
    await expect(ed.edgeLabel('gRPC')).toBeVisible();
    const d = await ed.getDesign();
    expect(d.links[0]!.kind).toBe('grpc');
    // the target, which served nothing yet, got a starter RPC
    const go = d.nodes.find((n) => n.name === 'go-service');
    expect(go?.api?.grpc[0]?.rpcs.map((r) => r.name)).toEqual(['GetItem']);
    await ed.pane.click({ position: { x: 40, y: 500 } });
    await page.keyboard.press(`${ed.mod}+z`);
    await expect(ed.edges).toHaveCount(0);
    expect((await ed.getDesign()).nodes).toHaveLength(3);
  });

  test('Delete removes a node and its links; undo brings them back', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await threeNodes(ed);
    await ed.connect('python-service', 'go-service');
    await page.keyboard.press('Escape');
    await ed.connect('python-service', 'kafka');
    await expect(ed.edges).toHaveCount(2);
    await ed.node('python-service').click();
    await page.keyboard.press('Delete');
    await expect(ed.node('python-service')).toHaveCount(0);
    await expect(ed.edges).toHaveCount(0);
    const d = await ed.getDesign();
    expect(d.nodes.map((n) => n.name)).toEqual(['go-service', 'kafka']);
    expect(d.links).toEqual([]);
    await page.keyboard.press(`${ed.mod}+z`);
    await expect(ed.edges).toHaveCount(2);
    await expect(ed.node('python-service')).toBeVisible();
  });

  test('copy and paste duplicate nodes with the links between them', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await threeNodes(ed);
    await ed.connect('python-service', 'kafka');
    await ed.node('go-service').click();
    await page.keyboard.press(`${ed.mod}+c`);
    await page.keyboard.press(`${ed.mod}+v`);
    await expect(ed.node('go-service-2')).toBeVisible();

    await ed.node('python-service').click();
    await ed.node('kafka').click({ modifiers: ['Shift'] });
    expect(await page.evaluate(() => window.__polyglotCanvas!.getSelection().length)).toBe(2);
    await expect(ed.inspector).toContainText('2 items selected');
    await page.keyboard.press(`${ed.mod}+c`);
    await page.keyboard.press(`${ed.mod}+v`);
    await expect(ed.node('python-service-2')).toBeVisible();
    await expect(ed.node('kafka-2')).toBeVisible();
    await expect(ed.edges).toHaveCount(2);
    const d = await ed.getDesign();
    const copy = d.nodes.find((n) => n.name === 'python-service-2')!;
    const original = d.nodes.find((n) => n.name === 'python-service')!;
    // the copy sits clearly apart: below the original, a little to the right
    const k = (copy.position.x - original.position.x) / 48;
    expect(k).toBeGreaterThanOrEqual(1);
    expect(copy.position.y - original.position.y).toBe(88 * k);
    expect(d.links[1]).toMatchObject({ kind: 'queue', source: copy.id, topic: 'python-events' });
  });

  test('dragging a node is one undo step', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await threeNodes(ed);
    const before = (await ed.getDesign()).nodes.find((n) => n.name === 'kafka')!.position;
    await ed.dragNode('kafka', { x: -150, y: 60 });
    const moved = (await ed.getDesign()).nodes.find((n) => n.name === 'kafka')!.position;
    expect(Math.abs(moved.x - (before.x - 150))).toBeLessThan(4);
    expect(Math.abs(moved.y - (before.y + 60))).toBeLessThan(4);
    await page.keyboard.press(`${ed.mod}+z`);
    const back = await ed.getDesign();
    expect(back.nodes.find((n) => n.name === 'kafka')!.position).toEqual(before);
    expect(back.nodes).toHaveLength(3);
    await page.keyboard.press(`${ed.mod}+Shift+z`);
    expect((await ed.getDesign()).nodes.find((n) => n.name === 'kafka')!.position).toEqual(moved);
  });

  test('a selection box picks several nodes', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await threeNodes(ed);
    const box = (await ed.pane.boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + 450, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + 600, box.y + 200, { steps: 5 });
    await page.mouse.move(box.x + 800, box.y + 480, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const selection = await page.evaluate(() => window.__polyglotCanvas!.getSelection());
    const d = await ed.getDesign();
    const names = d.nodes.filter((n) => selection.includes(n.id)).map((n) => n.name);
    expect(names.sort()).toEqual(['go-service', 'kafka']);
  });
});

test.describe('the palette', () => {
  test('adds with Enter at the middle of the view; a repeated add lands on free space beside it', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.paletteItem('Kafka').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(ed.node('kafka')).toBeVisible();
    await expect(ed.node('kafka-2')).toBeVisible();
    await expect(ed.paletteItem('Kafka')).toBeFocused();
    const pane = (await ed.pane.boundingBox())!;
    const a = (await ed.node('kafka').boundingBox())!;
    const b = (await ed.node('kafka-2').boundingBox())!;
    expect(Math.abs(a.x + a.width / 2 - (pane.x + pane.width / 2))).toBeLessThan(4);
    const apart = b.x >= a.x + a.width || a.x >= b.x + b.width || b.y >= a.y + a.height || a.y >= b.y + b.height;
    expect(apart, 'the second card lies on the first').toBe(true);
  });

  test('is grouped, searchable and marks diagram-only runtimes', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    for (const group of ['Services', 'Messaging', 'Data', 'Edge'])
      await expect(ed.palette.getByRole('heading', { name: group })).toBeVisible();
    await expect(ed.paletteItem('Ruby · Rails')).toContainText('diagram only for now');
    await expect(ed.paletteItem('Go · net/http')).not.toContainText('diagram only');
    await expect(ed.paletteItem('Python · Django REST')).not.toContainText('diagram only');
    const search = page.getByLabel('Search the palette');
    await search.fill('golang');
    await expect(ed.palette.getByRole('button')).toHaveCount(1);
    await expect(ed.paletteItem('Go · net/http')).toBeVisible();
    await search.fill('sql');
    await expect(ed.paletteItem('PostgreSQL')).toBeVisible();
    await expect(ed.palette.getByRole('heading', { name: 'Services' })).toHaveCount(0);
    await search.fill('cobol');
    await expect(ed.palette).toContainText('Nothing matches “cobol”');
  });
});
