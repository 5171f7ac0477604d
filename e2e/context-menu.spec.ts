import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

test('right-click a card: rename, duplicate and delete from its menu', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Go · net/http', { x: 300, y: 240 });
  await expect(ed.node('go-service')).toBeVisible();

  await ed.node('go-service').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Node go-service' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await menu.getByRole('menuitem', { name: 'Rename' }).click();
  await expect(menu).toBeHidden();
  const field = page.getByLabel('New name for go-service');
  await expect(field).toBeFocused();
  await page.keyboard.type('inventory');
  await page.keyboard.press('Enter');
  await expect(ed.node('inventory')).toBeVisible();
  await expect(ed.inspector.getByRole('heading', { name: 'inventory' })).toBeVisible();

  // Duplicate adds a second card next to it, and leaves the clipboard alone.
  await ed.node('inventory').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Duplicate' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect
    .poll(async () => (await ed.getDesign()).nodes.map((n) => n.name).sort())
    .toEqual(['inventory', 'inventory-2']);

  // Delete from the menu; Escape closes a menu without doing anything.
  await ed.node('inventory-2').click({ button: 'right' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(ed.node('inventory-2')).toBeVisible();
  await ed.node('inventory-2').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(ed.node('inventory-2')).toHaveCount(0);
  await expect(ed.node('inventory')).toBeVisible();
});

test('right-click a link to delete it; right-click the pane to add a service there, and fit the view', async ({
  page,
}) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 200 });
  await ed.dragFromPalette('Go · net/http', { x: 560, y: 200 });
  await ed.connect('python-service', 'go-service');
  await page.keyboard.press('Escape');
  await expect(ed.edges).toHaveCount(1);

  const label = ed.edges.filter({ has: ed.edgeLabel('REST') }).locator('.react-flow__edge-textbg');
  await label.click({ button: 'right' });
  const linkMenu = page.getByRole('menu', { name: 'Link' });
  await linkMenu.getByRole('menuitem', { name: 'Edit in the inspector' }).click();
  await expect(ed.inspector.getByRole('heading', { name: /REST link/ })).toBeVisible();
  await label.click({ button: 'right' });
  await page.getByRole('menu', { name: 'Link' }).getByRole('menuitem', { name: 'Delete' }).click();
  await expect(ed.edges).toHaveCount(0);

  // Add here: the new card is centred where the menu was opened.
  const pane = (await ed.pane.boundingBox())!;
  const at = { x: pane.x + 420, y: pane.y + 460 };
  await page.mouse.click(at.x, at.y, { button: 'right' });
  const paneMenu = page.getByRole('menu', { name: 'Canvas' });
  await expect(paneMenu.getByRole('menuitem', { name: 'Paste' })).toBeDisabled();
  await paneMenu.getByRole('menuitem', { name: 'Kafka' }).click();
  const card = (await ed.node('kafka').boundingBox())!;
  expect(Math.abs(card.x + card.width / 2 - at.x)).toBeLessThan(4);
  expect(Math.abs(card.y + card.height / 2 - at.y)).toBeLessThan(4);

  // The zoom in percent; Fit view changes it, a click on it goes back to 100 %.
  const zoom = page.getByRole('button', { name: /^Zoom \d+ %/ });
  await expect(zoom).toHaveText('100%');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(zoom).not.toHaveText('100%');
  await zoom.click();
  await expect(zoom).toHaveText('100%');
  await expect.poll(async () => (await ed.shownViewport()).zoom).toBeCloseTo(1, 2);
  await page.mouse.click(pane.x + 60, pane.y + 60, { button: 'right' });
  await page.getByRole('menuitem', { name: 'Fit view' }).click();
  await expect(zoom).not.toHaveText('100%');
});

test('double-click a name to rename it in place: Enter keeps, Escape cancels, a taken name is refused', async ({
  page,
}) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 200 });
  await ed.dragFromPalette('Go · net/http', { x: 560, y: 200 });
  const zoomBefore = (await ed.shownViewport()).zoom;

  await ed.node('go-service').locator('.pc-node__name').dblclick();
  const field = page.getByLabel('New name for go-service');
  await expect(field).toBeFocused();
  expect((await ed.shownViewport()).zoom).toBe(zoomBefore);
  await field.fill('pricing');
  await page.keyboard.press('Escape');
  await expect(ed.node('go-service')).toBeVisible();
  await expect(ed.node('pricing')).toHaveCount(0);

  // A taken name: the card keeps its name and a message says why.
  await ed.node('go-service').locator('.pc-node__name').dblclick();
  await page.getByLabel('New name for go-service').fill('python-service');
  await page.keyboard.press('Enter');
  await expect(page.getByText('“go-service” keeps its name')).toBeVisible();
  await expect(ed.node('go-service')).toBeVisible();

  // Typing Backspace in the field edits the name, not the design; F2 renames from the keyboard.
  await ed.node('go-service').click();
  await page.keyboard.press('F2');
  await page.getByLabel('New name for go-service').press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('pricing');
  await page.keyboard.press('Enter');
  await expect(ed.node('go-servipricing')).toBeVisible();
  await expect(ed.node('go-servipricing')).toBeFocused();

  // One undo step brings the old name back.
  await page.keyboard.press(`${ed.mod}+z`);
  await expect(ed.node('go-service')).toBeVisible();

  // Shift+F10 opens the menu of the selected card.
  await ed.node('go-service').click();
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menu', { name: 'Node go-service' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
});
