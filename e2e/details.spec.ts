import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

test.describe('details', () => {
  test('Find ranks Java services first for "java", before JavaScript ones', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.paletteItem('Node.js · TypeScript (Express)').click();
    await ed.paletteItem('Java · Spring Boot').click();
    await expect(ed.node('java-service')).toBeVisible();
    await ed.pane.click({ position: { x: 30, y: 30 } });
    await page.keyboard.press(`${ed.mod}+k`);
    const box = page.getByRole('combobox', { name: 'Find a service by name, language or product' });
    await expect(box).toBeFocused();
    await box.fill('java');
    const options = page.getByRole('option');
    await expect(options).toHaveCount(2);
    await expect(options.first()).toContainText('java-service');
    await expect(options.nth(1)).toContainText('typescript-service');
  });

  test('the checks panel sits over the canvas, and Escape or a click on the canvas closes it', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 300 });
    await ed.node('python-service').click();
    const count = ed.topBar.getByRole('button', { name: /warning|error|note|No issues/ });
    await count.click();
    const panel = page.getByRole('region', { name: 'Checks' });
    await expect(panel).toBeVisible();
    // The inspector's fields stay uncovered and usable while the panel is open.
    const p = (await panel.boundingBox())!;
    const inspector = (await ed.inspector.boundingBox())!;
    expect(p.x + p.width).toBeLessThanOrEqual(inspector.x + 1);
    await ed.field('Port').fill('8100');
    await expect(ed.node('python-service')).toContainText(':8100');

    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(count).toBeFocused();

    await count.click();
    await expect(panel).toBeVisible();
    await ed.pane.click({ position: { x: 60, y: 60 } });
    await expect(panel).toHaveCount(0);
  });

  test('File → Open asks before it replaces a design; Cancel keeps it', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.paletteItem('Go · net/http').click();
    await expect(ed.node('go-service')).toBeVisible();
    const file = {
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'polyglot-canvas/design',
          version: 3,
          name: 'other',
          nodes: [{ id: 'a', kind: 'rust-axum', name: 'ledger', position: { x: 0, y: 0 }, port: 8080 }],
          links: [],
        }),
      ),
    };
    await ed.chooseFile('Open…', file);
    await expect(ed.replaceDialog).toContainText('the current design (1 node and 0 links)');
    await ed.replaceDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(ed.replaceDialog).toHaveCount(0);
    await expect(ed.node('go-service')).toBeVisible();
    await ed.chooseFile('Open…', file);
    await ed.replaceDialog.getByRole('button', { name: 'Open and replace' }).click();
    await expect(ed.node('ledger')).toBeVisible();
    await expect(ed.node('go-service')).toHaveCount(0);
  });

  test('clicked-in nodes land beside each other, not on top; a paste sits clearly apart', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.paletteItem('Go · net/http').click();
    await ed.paletteItem('Python · FastAPI').click();
    await ed.paletteItem('Rust · axum').click();
    await ed.node('go-service').click();
    await page.keyboard.press(`${ed.mod}+c`);
    await page.keyboard.press(`${ed.mod}+v`);
    await expect(ed.node('go-service-2')).toBeVisible();
    const boxes = await ed.cardBoxes();
    const names = Object.keys(boxes);
    expect(names).toHaveLength(4);
    for (const a of names)
      for (const b of names)
        if (a < b) {
          const p = boxes[a]!;
          const q = boxes[b]!;
          const apart = p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;
          expect(apart, `${a} and ${b} overlap`).toBe(true);
        }
    // Each new card keeps its own port.
    const ports = (await ed.getDesign()).nodes.map((n) => n.port);
    expect(new Set(ports).size).toBe(ports.length);
  });

  test('"+ Add field" puts the cursor in the new field, ready to type its name', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.dragFromPalette('Go · net/http', { x: 400, y: 220 });
    await ed.node('go-service').click();
    await ed.inspector.getByRole('button', { name: '+ Add RPC method' }).click();
    await ed.field('Name of RPC 1').fill('PlaceOrder');
    const request = ed.inspector.getByRole('group', { name: /Request fields/ });
    await request.getByRole('button', { name: '+ Add field' }).click();
    const field = ed.field('Request fields: name of field 2');
    await expect(field).toBeFocused();
    await page.keyboard.press(`${ed.mod}+a`);
    await page.keyboard.type('quantity');
    await expect(field).toHaveValue('quantity');
  });
});
