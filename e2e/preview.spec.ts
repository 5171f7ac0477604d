import { expect, test } from '@playwright/test';
import { benchDesign } from '../bench/designs';
import { EditorPage } from './pages/EditorPage';

test('the preview of a large project draws only the rows in view and is walked with the keyboard', async ({ page }) => {
  const design = benchDesign(500);
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.openDesign(design);
  await ed.button('Preview').click();
  const preview = page.getByRole('region', { name: 'Export preview' });
  await expect(preview.getByTestId('preview-count')).toContainText(/^1[0-4]\d{3} files/, { timeout: 60_000 });
  const tree = preview.getByRole('tree', { name: 'Generated files' });
  const items = tree.getByRole('treeitem');

  // compose.yaml, the file shown, is scrolled into view; a few dozen of the ~12,000 rows are drawn.
  const compose = tree.getByRole('treeitem', { name: 'compose.yaml', exact: true });
  await expect(compose).toBeInViewport();
  await expect(compose).toHaveAttribute('aria-selected', 'true');
  expect(await items.count()).toBeLessThan(100);
  await expect(page.getByTestId('code-view')).toHaveAttribute('data-path', 'compose.yaml');

  // One Tab stop: the file shown. Home goes to the first row, End to the last.
  await compose.focus();
  await page.keyboard.press('Home');
  const focused = page.locator('.file-tree__row:focus');
  const first = tree.getByRole('treeitem', { name: 'helm', exact: true });
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await expect(tree.locator('[tabindex="0"]')).toHaveCount(1);

  // Left folds a folder, Right unfolds it; Down moves into it, Enter opens a file.
  const before = await tree.evaluate((el) => el.scrollHeight);
  await page.keyboard.press('ArrowLeft');
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  expect(await tree.evaluate((el) => el.scrollHeight)).toBeLessThan(before);
  await page.keyboard.press('ArrowRight');
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('title', 'helm/templates');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveText('NOTES.txt');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('code-view')).toHaveAttribute('data-path', 'helm/templates/NOTES.txt');

  // End reaches the last row, tens of thousands of pixels down, drawn and focused.
  await page.keyboard.press('End');
  await expect(focused).toHaveText('compose.yaml');
  await expect(focused).toBeInViewport();
  expect(await tree.evaluate((el) => el.scrollTop)).toBeGreaterThan(100_000);
  expect(await items.count()).toBeLessThan(100);

  // Scrolling draws the rows that come into view.
  await tree.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect(tree.getByRole('treeitem', { name: 'compose.yaml', exact: true })).toHaveCount(0);
  await expect
    .poll(() =>
      tree.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return document.elementFromPoint(box.left + 40, box.top + box.height / 2)?.getAttribute('role');
      }),
    )
    .toBe('treeitem');
});
