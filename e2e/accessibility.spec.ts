import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';

/** The serious and critical axe violations on the page, as "rule: target" lines a person can act on. */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in the editor, the inspector and the dialogs (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const ed = new EditorPage(page);
    await ed.goto();
    expect(await seriousViolations(page), 'empty editor').toEqual([]);

    await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 200 });
    await ed.dragFromPalette('Go · net/http', { x: 560, y: 200 });
    await ed.connect('python-service', 'go-service');
    await page.keyboard.press('Escape');
    await ed.node('go-service').click();
    await expect(ed.inspector.getByRole('heading', { name: 'go-service' })).toBeVisible();
    expect(await seriousViolations(page), 'editor with a node in the inspector').toEqual([]);
    await ed.clickEdge('REST');
    expect(await seriousViolations(page), 'a link in the inspector').toEqual([]);

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await seriousViolations(page), 'the shortcuts dialog').toEqual([]);
    await page.keyboard.press('Escape');

    await ed.button('Templates').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page), 'the templates gallery').toEqual([]);
    await page.keyboard.press('Escape');

    await ed.node('go-service').click({ button: 'right' });
    await expect(page.getByRole('menu')).toBeVisible();
    expect(await seriousViolations(page), 'the context menu').toEqual([]);
    await page.keyboard.press('Escape');
  });
}

test('axe finds no serious or critical violation in Present mode', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 200 });
  await ed.dragFromPalette('Go · net/http', { x: 560, y: 200 });
  await ed.connect('python-service', 'go-service');
  await page.keyboard.press('Escape');
  await ed.button('Present').click();
  await expect(ed.presenterBar).toBeVisible();
  // the bar fades in: judge its colours once it has
  await page.waitForTimeout(800);
  expect(await seriousViolations(page), 'present, step 0').toEqual([]);
  await page.keyboard.press('End');
  expect(await seriousViolations(page), 'present, every step').toEqual([]);
});
