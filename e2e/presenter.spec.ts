import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import type { Design } from '../src/core';

const savedText = (page: Page) => page.evaluate(() => localStorage.getItem('polyglot-canvas/design'));
const withoutOrder = ({ presentation: _p, ...rest }: Design) => rest;

async function buildDesign(ed: EditorPage) {
  await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 200 });
  await ed.dragFromPalette('Go · net/http', { x: 560, y: 120 });
  await ed.dragFromPalette('Node.js · TypeScript (Express)', { x: 560, y: 420 });
  const chooser = ed.page.getByRole('dialog', { name: 'Choose the kind of link' });
  await ed.connect('python-service', 'go-service');
  await chooser.getByRole('button', { name: /REST/ }).click();
  await ed.connect('go-service', 'typescript-service');
  await chooser.getByRole('button', { name: /REST/ }).click();
  await expect(ed.edges).toHaveCount(2);
  await ed.pane.click({ position: { x: 40, y: 600 } });
}

test('presenter steps', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await buildDesign(ed);
  await ed.waitForAutosave();
  const before = await ed.getDesign();
  const [pyToGo, goToNode] = before.links.map((l) => l.id);
  const savedBefore = await savedText(page);
  const step = ed.presenterBar.getByTestId('presenter-step');
  const expectShown = async (nodes: string[], links: (string | undefined)[]) =>
    expect.poll(() => ed.shown()).toEqual({ nodes, links });

  // Entering hides every panel and the top bar's tools; step 0 shows only the title.
  await ed.button('Present').click();
  await expect(ed.presenterBar).toBeVisible();
  await expect(ed.palette).toBeHidden();
  await expect(ed.inspector).toBeHidden();
  await expect(ed.topBar).toBeHidden();
  await expect(step).toHaveText('Step 0 / 5');
  await expect(page.getByRole('heading', { name: before.name })).toBeVisible();
  await expectShown([], []);

  // Each step reveals one node or one link; a link comes after both of its ends.
  await page.keyboard.press('ArrowRight');
  await expect(step).toContainText('Step 1 / 5 · python-service');
  await expectShown(['python-service'], []);
  await expect(page.locator('.react-flow__node.pc-reveal')).toHaveCount(1);
  await page.keyboard.press('Space');
  await expectShown(['python-service', 'go-service'], []);
  await page.keyboard.press('PageDown');
  await expect(step).toContainText('Step 3 / 5 · python-service → go-service · REST');
  await expectShown(['python-service', 'go-service'], [pyToGo]);
  await page.keyboard.press('ArrowRight');
  await expectShown(['python-service', 'go-service', 'typescript-service'], [pyToGo]);
  await page.keyboard.press('ArrowRight');
  await expectShown(['python-service', 'go-service', 'typescript-service'], [pyToGo, goToNode]);
  await expect(step).toContainText('Step 5 / 5');
  await page.keyboard.press('ArrowRight');
  await expect(step).toContainText('Step 5 / 5');

  // Back hides again: ←, PageUp and Backspace all step back.
  await page.keyboard.press('ArrowLeft');
  await expectShown(['python-service', 'go-service', 'typescript-service'], [pyToGo]);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('Backspace');
  await expectShown(['python-service', 'go-service'], []);
  await expect(step).toContainText('Step 2 / 5');
  await page.keyboard.press('Home');
  await expectShown([], []);
  await page.keyboard.press('End');
  await expectShown(['python-service', 'go-service', 'typescript-service'], [pyToGo, goToNode]);

  // Nothing edits the design while presenting: no delete, no undo, no dragging.
  await page.keyboard.press('Delete');
  await page.keyboard.press(`${ed.mod}+z`);
  await ed.dragNode('go-service', { x: 120, y: 80 });
  await expect(page.locator('.react-flow__handle:visible')).toHaveCount(0);
  await expect(step).toContainText('Step 5 / 5');

  // Esc leaves: the panels come back and neither the design nor its autosave changed.
  await page.keyboard.press('Escape');
  await expect(ed.presenterBar).toBeHidden();
  await expect(ed.palette).toBeVisible();
  await expect(ed.inspector).toBeVisible();
  await expect(ed.button('Present')).toBeVisible();
  expect(await ed.getDesign()).toEqual(before);
  await page.waitForTimeout(600);
  expect(await savedText(page)).toBe(savedBefore);

  // A custom order: typescript-service first, moved up in the order list; P enters too.
  await page.keyboard.press('p');
  await expect(ed.presenterBar).toBeVisible();
  await ed.presenterBar.getByRole('button', { name: 'Order…' }).click();
  const order = page.getByRole('complementary', { name: 'Order of steps' });
  const up = order.getByRole('button', { name: /^Move typescript-service .* up$/ });
  // A link cannot rise above its own end.
  await expect(order.getByRole('button', { name: /^Move python-service → go-service .* up$/ })).toBeDisabled();
  for (let i = 0; i < 3; i++) await up.click();
  await expect(up).toBeDisabled();
  const ids = (d: Design, names: string[]) => names.map((n) => d.nodes.find((x) => x.name === n)!.id);
  const [py, go, node] = ids(before, ['python-service', 'go-service', 'typescript-service']);
  expect((await ed.getDesign()).presentation).toEqual({ order: [node, py, go, pyToGo, goToNode] });
  await order.getByRole('button', { name: 'Done' }).click();
  await expect(order).toBeHidden();

  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expectShown(['typescript-service'], []);
  await page.keyboard.press('ArrowRight');
  await expectShown(['python-service', 'typescript-service'], []);
  await page.keyboard.press('ArrowRight');
  await expectShown(['python-service', 'go-service', 'typescript-service'], []);
  await page.keyboard.press('ArrowRight');
  await expectShown(['python-service', 'go-service', 'typescript-service'], [pyToGo]);
  await page.keyboard.press('ArrowRight');
  await expectShown(['python-service', 'go-service', 'typescript-service'], [pyToGo, goToNode]);

  await page.keyboard.press('Escape');
  await expect(ed.palette).toBeVisible();
  await expect(ed.inspector).toBeVisible();
  const after = await ed.getDesign();
  expect(withoutOrder(after)).toEqual(before);
  expect(after.presentation?.order).toEqual([node, py, go, pyToGo, goToNode]);
  // The order is saved with the design, and each move is one undo step.
  await ed.waitForAutosave();
  await page.keyboard.press(`${ed.mod}+z`);
  expect((await ed.getDesign()).presentation?.order).toEqual([py, node, go, pyToGo, goToNode]);
  for (let i = 0; i < 2; i++) await page.keyboard.press(`${ed.mod}+z`);
  expect(await ed.getDesign()).toEqual(before);
});
