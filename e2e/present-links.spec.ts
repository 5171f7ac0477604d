import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { TEMPLATES } from '../src/core/templates';

type Box = { x: number; y: number; width: number; height: number };

const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** What a person sees: the cards drawn, and each link label's box (its tag and its text). */
async function scene(page: Page) {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((el) => el.offsetParent !== null && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => ({
        name: (el.getAttribute('aria-label') ?? '').split(',')[0]!,
        box: box(el.getBoundingClientRect()),
      }));
    const labels = [...document.querySelectorAll<SVGGElement>('.react-flow__edge')].flatMap((g) => {
      const text = g.querySelector('.react-flow__edge-text');
      const bg = g.querySelector('.react-flow__edge-textbg');
      if (!text || !bg) return [];
      const a = text.getBoundingClientRect();
      const b = bg.getBoundingClientRect();
      const x = Math.min(a.x, b.x);
      const y = Math.min(a.y, b.y);
      const b2 = { x, y, width: Math.max(a.right, b.right) - x, height: Math.max(a.bottom, b.bottom) - y };
      return [{ text: text.textContent ?? '', box: b2 }];
    });
    return { cards, labels, vw: innerWidth, vh: innerHeight };
  });
}

async function openTemplate(ed: EditorPage, title: string) {
  const page = ed.page;
  await ed.button('Templates').click();
  await page
    .getByRole('dialog', { name: 'Start from a template' })
    .getByRole('button', { name: new RegExp(`^${title}`) })
    .click();
  const confirm = page.getByRole('dialog', { name: /Replace your design/ });
  if (await confirm.isVisible().catch(() => false))
    await confirm.getByRole('button', { name: 'Replace with template' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`at ${size.width}×${size.height}, every template's cards stand apart and Present mode shows every link label whole`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(size);
    const ed = new EditorPage(page);
    await ed.goto();
    const problems: string[] = [];
    for (const t of TEMPLATES) {
      await openTemplate(ed, t.title);
      // In the editor: no card on another.
      const boxes = Object.entries(await ed.cardBoxes());
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          if (intersects(boxes[i]![1], boxes[j]![1])) problems.push(`${t.id}: ${boxes[i]![0]} on ${boxes[j]![0]}`);

      await ed.button('Present').click();
      const step = ed.presenterBar.getByTestId('presenter-step');
      const total = Number(/\/ (\d+)/.exec((await step.textContent()) ?? '')?.[1]);
      expect(total).toBeGreaterThan(2);
      for (let i = 1; i <= total; i++) {
        await page.keyboard.press('ArrowRight');
        await expect(step).toContainText(`Step ${i} / ${total}`);
        // A revealed element lights up for a moment; a person reads the picture once it has settled.
        await page.waitForTimeout(300);
        const s = await ed.cardBoxes().then(() => scene(page));
        for (const l of s.labels) {
          for (const c of s.cards)
            if (intersects(l.box, c.box)) problems.push(`${t.id} step ${i}: "${l.text}" over ${c.name}`);
          const b = l.box;
          if (b.x < 0 || b.y < 0 || b.x + b.width > s.vw || b.y + b.height > s.vh)
            problems.push(`${t.id} step ${i}: "${l.text}" outside the window`);
        }
      }
      await page.keyboard.press('Escape');
      await expect(ed.presenterBar).toBeHidden();
    }
    expect(problems).toEqual([]);
  });
}

test('links both ways between two services are drawn apart, their labels not touching, also in Present mode', async ({
  page,
}) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Python · FastAPI', { x: 200, y: 250 });
  await ed.dragFromPalette('Go · net/http', { x: 640, y: 250 });
  const chooser = page.getByRole('dialog', { name: 'Choose the kind of link' });
  await ed.connect('python-service', 'go-service');
  await chooser.getByRole('button', { name: /REST/ }).click();
  // Back from go to python: from go's left side to python's right side, as a person draws it.
  await ed.dragNode('go-service', { x: 0, y: 0 });
  await ed.connect('go-service', 'python-service');
  await chooser.getByRole('button', { name: /gRPC/ }).click();
  await expect(ed.edges).toHaveCount(2);

  const apart = async () => {
    const { labels } = await scene(page);
    expect(labels).toHaveLength(2);
    expect(intersects(labels[0]!.box, labels[1]!.box), JSON.stringify(labels)).toBe(false);
    const paths = await page.locator('.react-flow__edge-path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
    expect(paths[0]).not.toBe(paths[1]);
  };
  await apart();
  await ed.button('Present').click();
  await page.keyboard.press('End');
  await expect(ed.presenterBar.getByTestId('presenter-step')).toContainText('Step 4 / 4');
  await apart();
});
