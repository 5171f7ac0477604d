import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

test.describe('inspector drafts', () => {
  test('a duplicate name stays in the field with its error; the card keeps the previous name', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.dragFromPalette('Python · FastAPI', { x: 250, y: 200 });
    await ed.dragFromPalette('Go · net/http', { x: 600, y: 380 });
    await ed.node('go-service').click();
    const name = ed.field('Name');
    await name.fill('result');
    await expect(ed.node('result')).toBeVisible();

    await ed.node('python-service').click();
    await name.click();
    await name.press(`${ed.mod}+a`);
    await name.pressSequentially('result', { delay: 30 });
    // the field shows what was typed and why it cannot be used ...
    await expect(name).toHaveValue('result');
    await expect(ed.inspector.getByRole('alert')).toContainText('result');
    // ... and the card keeps its last valid name, not the half-typed "resul"
    await expect(ed.node('python-service')).toBeVisible();
    await expect(ed.node('resul')).toHaveCount(0);

    // a valid name commits as soon as it is typed, and again on Enter and blur
    await name.pressSequentially('s', { delay: 30 });
    await expect(ed.inspector.getByRole('alert')).toHaveCount(0);
    await expect(ed.node('results')).toBeVisible();
    await name.press('Enter');
    await expect(ed.node('results')).toBeVisible();
    // one undo brings back the name from before the whole edit
    await ed.pane.click({ position: { x: 40, y: 40 } });
    await page.keyboard.press(`${ed.mod}+z`);
    await expect(ed.node('python-service')).toBeVisible();
  });

  test('port 99999 is shown with its error; the card keeps the old port; blur keeps the draft', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.goto();
    await ed.dragFromPalette('Python · FastAPI', { x: 300, y: 250 });
    await ed.node('python-service').click();
    const port = ed.field('Port');
    await port.click();
    await port.press(`${ed.mod}+a`);
    await port.pressSequentially('99999', { delay: 30 });
    await expect(port).toHaveValue('99999');
    await expect(ed.inspector.getByRole('alert')).toHaveText('Enter a number from 1 to 65535.');
    await expect(ed.node('python-service')).toContainText(':8000');
    await expect(ed.node('python-service')).not.toContainText(':9999');

    // leaving the field does not throw the typed text away, nor apply it
    await ed.field('Replicas').click();
    await expect(port).toHaveValue('99999');
    await expect(ed.inspector.getByRole('alert')).toHaveText('Enter a number from 1 to 65535.');
    await expect(ed.node('python-service')).toContainText(':8000');

    // fixing it applies it
    await port.click();
    await port.press('Backspace');
    await expect(ed.inspector.getByRole('alert')).toHaveCount(0);
    await expect(ed.node('python-service')).toContainText(':9999');
    await port.press('Enter');
    // after Enter the committed value is the one to return to
    await port.pressSequentially('9', { delay: 30 });
    await expect(ed.inspector.getByRole('alert')).toBeVisible();
    await expect(ed.node('python-service')).toContainText(':9999');
    // Escape gives the draft up and shows the applied value again
    await port.press('Escape');
    await expect(port).toHaveValue('9999');
    await expect(ed.inspector.getByRole('alert')).toHaveCount(0);
  });
});
