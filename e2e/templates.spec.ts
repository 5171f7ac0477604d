import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

test('the empty canvas offers templates; a template loads as one undo step and exports', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  // No modal on first load: the empty canvas shows, with a way into the gallery.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start from a template' }).click();

  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await expect(gallery).toBeVisible();
  await expect(gallery.getByRole('button', { name: /^User activity through Kafka/ })).toBeFocused();
  // Escape closes it and gives the focus back.
  await page.keyboard.press('Escape');
  await expect(gallery).toHaveCount(0);

  await ed.button('Templates').click();
  await gallery.getByRole('button', { name: /^User activity through Kafka/ }).click();
  await expect(gallery).toHaveCount(0);
  // An empty design is replaced without a question.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  for (const name of ['activity', 'kafka', 'analytics']) await expect(ed.node(name)).toBeInViewport();
  expect((await ed.getDesign()).name).toBe('user-activity');

  // One undo step brings the empty design back; redo returns the template.
  await ed.button('Undo').click();
  await expect(ed.node('activity')).toHaveCount(0);
  await ed.button('Redo').click();
  await expect(ed.node('activity')).toBeVisible();

  const { fileName, bytes } = await ed.exportProject();
  expect(fileName).toBe('user-activity.zip');
  const zip = await JSZip.loadAsync(bytes);
  expect(Object.keys(zip.files)).toEqual(
    expect.arrayContaining(['compose.yaml', 'services/activity/Dockerfile', 'services/analytics/README.md']),
  );
});

test('choosing a template over a design asks first, and Cancel keeps the design', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 200 });
  await expect(ed.node('python-service')).toBeVisible();

  await ed.button('Templates').click();
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await gallery.getByRole('button', { name: /^User activity through Kafka/ }).click();
  const confirm = page.getByRole('dialog', { name: /Replace your design/ });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(ed.node('python-service')).toBeVisible();
  await expect(ed.node('kafka')).toHaveCount(0);

  await ed.button('Templates').click();
  await gallery.getByRole('button', { name: /^User activity through Kafka/ }).click();
  await confirm.getByRole('button', { name: 'Replace with template' }).click();
  await expect(ed.node('kafka')).toBeVisible();
  await expect(ed.node('python-service')).toHaveCount(0);
  await ed.button('Undo').click();
  await expect(ed.node('python-service')).toBeVisible();
  await expect(ed.node('kafka')).toHaveCount(0);
});
