import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

test('the editor works from the keyboard', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await expect(page).toHaveTitle('my-system · Polyglot Canvas');

  // Search, then add with Enter: the new node is selected and shown in the inspector.
  await page.getByLabel('Search the palette').focus();
  await page.keyboard.type('kafka');
  await page.keyboard.press('Tab');
  await expect(ed.paletteItem('Kafka')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ed.node('kafka')).toBeVisible();
  await page.getByLabel('Search the palette').fill('fastapi');
  await ed.paletteItem('Python · FastAPI').press('Space');
  await expect(ed.inspector.getByRole('heading', { name: 'python-service' })).toBeVisible();

  // Link without a pointer, from the inspector.
  const addLink = ed.inspector.getByLabel('Add a link from python-service to');
  await addLink.focus();
  await addLink.selectOption({ label: 'kafka' });
  await expect(ed.edgeLabel('publish python-events')).toBeVisible();
  await expect(ed.inspector.getByRole('button', { name: 'Queue to kafka' })).toBeVisible();
  await ed.inspector.getByRole('button', { name: 'Queue to kafka' }).press('Enter');
  await expect(ed.inspector.getByRole('heading', { name: 'Queue link' })).toBeVisible();

  // Focus a node on the canvas, select it and delete it.
  await ed.node('kafka').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__polyglotCanvas!.getSelection().length)).toBe(1);
  await page.keyboard.press('Delete');
  await expect(ed.node('kafka')).toHaveCount(0);
  await expect(ed.edges).toHaveCount(0);
  await page.keyboard.press(`${ed.mod}+z`);
  await expect(ed.node('kafka')).toBeVisible();
  await expect(ed.edges).toHaveCount(1);

  // The undo and redo buttons say when there is nothing to do.
  await expect(ed.button('Redo')).toBeEnabled();
  await ed.button('Redo').press('Enter');
  await expect(ed.button('Redo')).toBeDisabled();
});
