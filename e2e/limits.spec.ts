import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

// What the inspector applies is what a reload brings back: a text longer than a design keeps is
// explained in the field and not applied, so loading never has to cut it (which it would report).
test('a description longer than a design keeps is refused in the field, and a reload repairs nothing', async ({
  page,
}) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Go · net/http', { x: 300, y: 220 });
  await ed.node('go-service').click();
  const description = ed.field('Description');
  await description.fill('d'.repeat(2000));
  await expect.poll(async () => (await ed.getDesign()).nodes[0]?.description.length).toBe(2000);
  // leaving the field commits it; a new edit starts from the 2,000 characters
  await description.press('Tab');
  await description.fill('d'.repeat(2001));
  await expect(ed.inspector.getByRole('alert')).toHaveText('At most 2,000 characters (this is 2,001).');
  expect((await ed.getDesign()).nodes[0]?.description.length).toBe(2000);

  await ed.waitForAutosave();
  await page.reload();
  await expect(ed.node('go-service')).toBeVisible();
  await expect(page.getByText('Your saved design was restored with repairs')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /repair/i })).toHaveCount(0);
  expect((await ed.getDesign()).nodes[0]?.description).toBe('d'.repeat(2000));
});
