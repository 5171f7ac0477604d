import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

test.describe('a newcomer builds a first design', () => {
  test('drags three nodes, wires them, renames, undoes and finds it all after a reload', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await expect(page.getByText('Drag a service from the palette, or click one to add it')).toBeVisible();

    await ed.dragFromPalette('Python · FastAPI', { x: 220, y: 220 });
    await ed.dragFromPalette('Go · net/http', { x: 620, y: 120 });
    await ed.dragFromPalette('Kafka', { x: 620, y: 400 });
    await expect(ed.node('python-service')).toBeVisible();
    await expect(ed.node('go-service')).toBeVisible();
    await expect(ed.node('kafka')).toBeVisible();
    await expect(page.getByText('Drag a service from the palette, or click one to add it')).toBeHidden();

    // The drop point is where the node lands: its centre is under the pointer.
    const paneBox = (await ed.pane.boundingBox())!;
    const pyBox = (await ed.node('python-service').boundingBox())!;
    expect(Math.abs(pyBox.x + pyBox.width / 2 - (paneBox.x + 220))).toBeLessThan(4);
    expect(Math.abs(pyBox.y + pyBox.height / 2 - (paneBox.y + 220))).toBeLessThan(12);

    // Service to service: REST or gRPC. The link exists at once; the chooser offers the other kind.
    await ed.connect('python-service', 'go-service');
    const chooser = page.getByRole('dialog', { name: 'Choose the kind of link' });
    await expect(chooser).toBeVisible();
    await expect(chooser.getByRole('button', { name: /REST/ })).toBeFocused();
    await expect(chooser.getByRole('button', { name: /REST/ })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Escape');
    await expect(chooser).toBeHidden();
    await expect(ed.edgeLabel('REST')).toBeVisible();

    // Service to broker: a queue, no question asked.
    await ed.connect('python-service', 'kafka');
    await expect(chooser).toBeHidden();
    await expect(ed.edgeLabel('publish python-events')).toBeVisible();
    await expect(ed.edges).toHaveCount(2);

    let d = await ed.getDesign();
    const py = d.nodes.find((n) => n.name === 'python-service')!;
    const go = d.nodes.find((n) => n.name === 'go-service')!;
    const kafka = d.nodes.find((n) => n.name === 'kafka')!;
    expect(d.links.map((l) => [l.kind, l.source, l.target])).toEqual([
      ['rest', py.id, go.id],
      ['queue', py.id, kafka.id],
    ]);

    // Rename in the inspector; the canvas follows as you type.
    await ed.node('python-service').click();
    const name = ed.field('Name');
    await expect(name).toHaveValue('python-service');
    await name.fill('orders');
    await expect(ed.node('orders')).toBeVisible();
    await expect(ed.inspector.getByText('ORDERS_URL')).toBeVisible();
    await expect(ed.inspector.getByText('my.system.orders.v1')).toHaveCount(0);
    await expect(ed.inspector.getByText('mysystem.orders.v1')).toBeVisible();

    // Undo and redo from the keyboard, focus still in the field.
    await page.keyboard.press(`${ed.mod}+z`);
    await expect(ed.node('python-service')).toBeVisible();
    await expect(name).toHaveValue('python-service');
    await page.keyboard.press(`${ed.mod}+Shift+z`);
    await expect(ed.node('orders')).toBeVisible();
    // …and with the focus on the canvas, Ctrl+Y redoes too.
    await ed.pane.click({ position: { x: 40, y: 500 } });
    await page.keyboard.press(`${ed.mod}+z`);
    await expect(ed.node('python-service')).toBeVisible();
    await page.keyboard.press(`${ed.mod}+y`);
    await expect(ed.node('orders')).toBeVisible();

    // A name that clashes with another node's host name is refused with its reason.
    await ed.node('orders').click();
    await ed.field('Name').fill('Go Service');
    await expect(ed.inspector.getByRole('alert')).toContainText('same host name (go-service) as "go-service"');
    await expect(ed.field('Name')).toHaveAttribute('aria-invalid', 'true');
    await ed.field('Name').fill('');
    await expect(ed.inspector.getByRole('alert')).toHaveText('A name is required.');
    d = await ed.getDesign();
    expect(d.nodes.find((n) => n.id === py.id)?.name).toBe('orders');
    await expect(ed.node('orders')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(ed.field('Name')).toHaveValue('orders');

    // Move the camera so the viewport is worth checking, then reload.
    await ed.pane.hover({ position: { x: 500, y: 300 } });
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await ed.getDesign()).viewport.zoom).not.toBe(1);
    await ed.waitForAutosave();
    const before = await ed.getDesign();
    const cardBefore = (await ed.node('orders').boundingBox())!;
    await page.reload();
    await expect(ed.node('orders')).toBeVisible();
    const after = await ed.getDesign();
    expect(after).toEqual(before);
    await expect(ed.edges).toHaveCount(2);
    await expect(ed.edgeLabel('publish python-events')).toBeVisible();
    // The camera came back too: the card sits where it was on screen, at the same size.
    const cardAfter = (await ed.node('orders').boundingBox())!;
    expect(cardAfter.x).toBeCloseTo(cardBefore.x, 0);
    expect(cardAfter.y).toBeCloseTo(cardBefore.y, 0);
    expect(cardAfter.width).toBeCloseTo(cardBefore.width, 0);
  });
});
