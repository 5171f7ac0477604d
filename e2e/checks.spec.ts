import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

test('a REST cycle is flagged live, clicking it selects the culprits, undo clears it', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 200 });
  await ed.dragFromPalette('Go · net/http', { x: 560, y: 200 });
  await ed.connect('python-service', 'go-service');
  await page.keyboard.press('Escape');
  const count = ed.topBar.getByRole('button', { name: /warning|error|note|No issues/ });
  await expect(count).not.toContainText('warning');

  await ed.dragNode('go-service', { x: 0, y: 160 });
  await ed.connect('go-service', 'python-service');
  await page.keyboard.press('Escape');
  await expect(ed.edges).toHaveCount(2);
  await expect(count).toHaveText('1 warning');
  // Both nodes of the cycle carry a warning badge.
  for (const name of ['python-service', 'go-service'])
    await expect(page.locator(`.pc-check-badge--warning[data-node-id="${await ed.nodeId(name)}"]`)).toBeVisible();

  await count.click();
  const panel = page.getByRole('region', { name: 'Checks' });
  const finding = panel.locator('.pc-finding--warning');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('Synchronous calls go round in a circle');
  await finding.locator('summary').click();
  await expect(finding.locator('details p')).toBeVisible();

  // A click on the canvas clears the selection and closes the panel; the count opens it again.
  await ed.pane.click({ position: { x: 40, y: 600 } });
  expect(await page.evaluate(() => window.__polyglotCanvas!.getSelection())).toEqual([]);
  await expect(panel).toHaveCount(0);
  await count.click();
  await finding.getByRole('button').click();
  const design = await ed.getDesign();
  // The finding names both services and both calls of the circle.
  await expect
    .poll(async () => new Set(await page.evaluate(() => window.__polyglotCanvas!.getSelection())))
    .toEqual(new Set([...design.nodes.map((n) => n.id), ...design.links.map((l) => l.id)]));
  await expect(ed.node('go-service')).toHaveClass(/selected/);

  await ed.button('Undo').click();
  await expect(ed.edges).toHaveCount(1);
  await expect(count).not.toContainText('warning');
  await expect(finding).toHaveCount(0);
  await expect(page.locator('.pc-check-badge--warning')).toHaveCount(0);
});

test('a topic without a consumer is flagged until a consumer subscribes', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Python · FastAPI', { x: 160, y: 200 });
  await ed.dragFromPalette('Kafka', { x: 460, y: 200 });
  await ed.connect('python-service', 'kafka');
  await page.keyboard.press('Escape');
  const count = ed.topBar.getByRole('button', { name: /warning|error|note|No issues/ });
  await expect(count).toContainText('1 warning');
  await count.click();
  const panel = page.getByRole('region', { name: 'Checks' });
  await expect(panel.locator('.pc-finding--warning')).toHaveCount(1);
  // Escape closes the panel, which sits over the canvas, to go on editing there.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  await ed.dragFromPalette('Go · net/http', { x: 760, y: 200 });
  await ed.connect('kafka', 'go-service');
  await page.keyboard.press('Escape');
  await expect(ed.edges).toHaveCount(2);
  await expect(count).not.toContainText('warning');
  await count.click();
  await expect(panel).toBeVisible();
  await expect(panel.locator('.pc-finding--warning')).toHaveCount(0);
});
