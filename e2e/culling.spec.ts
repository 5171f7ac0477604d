import { expect, test, type Page } from '@playwright/test';
import { benchDesign } from '../bench/designs';
import { emptyPanePoint } from '../bench/page';
import { CARD_HANDLES, NODE_SIZE } from '../src/ui/canvas/flowModel';
import { EditorPage } from './pages/EditorPage';

/** The screen box of each drawn card and its handles, in flow units relative to the card. */
function drawnCards(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : NaN;
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
      const card = el.getBoundingClientRect();
      return {
        id: el.dataset.id ?? '',
        width: card.width / zoom,
        height: card.height / zoom,
        handles: [...el.querySelectorAll<HTMLElement>('.react-flow__handle')].map((h) => {
          const b = h.getBoundingClientRect();
          return {
            id: h.dataset.handleid ?? '',
            type: h.classList.contains('source') ? 'source' : 'target',
            x: (b.left - card.left) / zoom,
            y: (b.top - card.top) / zoom,
            width: b.width / zoom,
            height: b.height / zoom,
          };
        }),
      };
    });
  });
}

test('a drawn card has the size and handles that links to undrawn cards are placed by', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Python · FastAPI', { x: 260, y: 160 });
  await ed.dragFromPalette('Scala · http4s', { x: 560, y: 320 });
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  // A long name is cut, not wrapped: every card keeps the same size.
  await ed.node('python-service').click();
  await ed.field('Name').fill('a-service-with-a-name-far-too-long-for-any-card-on-the-canvas');
  await expect(ed.node('a-service-with-a-name-far-too-long-for-any-card-on-the-canvas')).toBeVisible();
  const cards = await drawnCards(page);
  expect(cards).toHaveLength(2);
  for (const card of cards) {
    expect(card.width).toBeCloseTo(NODE_SIZE.width, 0);
    expect(card.height).toBeCloseTo(NODE_SIZE.height, 0);
    expect(card.handles.map((h) => h.id).sort()).toEqual(CARD_HANDLES.map((h) => h.id).sort());
    for (const h of card.handles) {
      const want = CARD_HANDLES.find((x) => x.id === h.id)!;
      expect(h.type, h.id).toBe(want.type);
      for (const k of ['x', 'y', 'width', 'height'] as const) expect(h[k], `${h.id}.${k}`).toBeCloseTo(want[k] ?? 1, 0);
    }
  }
});

test('a large design draws only the cards in view, links to the rest end on their handles, and panning brings them in', async ({
  page,
}) => {
  const services = 420;
  const design = benchDesign(services);
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.openDesign(design);
  const drawn = new Set((await drawnCards(page)).map((c) => c.id));
  expect(drawn.size).toBeGreaterThan(5);
  expect(drawn.size).toBeLessThan(services / 4);

  // A link from a drawn card to one out of view is drawn, and ends where the undrawn card's handle is.
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const edgeIds = await ed.edges.evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  const across = design.links.filter((l) => edgeIds.includes(l.id) && drawn.has(l.source) !== drawn.has(l.target));
  expect(across.length).toBeGreaterThan(0);
  for (const link of across.slice(0, 5)) {
    const path = await page
      .locator(`.react-flow__edge[data-id="${link.id}"] path.react-flow__edge-path`)
      .getAttribute('d');
    const numbers = (path ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    const [endX, endY] = numbers.slice(-2);
    const target = byId.get(link.target)!;
    // The path ends on one of the target card's incoming handles.
    const ends = CARD_HANDLES.filter((h) => h.type === 'target').map((h) => {
      const w = h.width ?? 1;
      const ht = h.height ?? 1;
      const cx = h.position === 'left' ? h.x : h.position === 'right' ? h.x + w : h.x + w / 2;
      const cy = h.position === 'top' ? h.y : h.position === 'bottom' ? h.y + ht : h.y + ht / 2;
      return { x: target.position.x + cx, y: target.position.y + cy };
    });
    expect(
      ends.some((p) => Math.abs(p.x - (endX ?? NaN)) < 0.6 && Math.abs(p.y - (endY ?? NaN)) < 0.6),
      `${link.id} ends at ${endX},${endY}; ${link.target}'s handles are at ${JSON.stringify(ends)}`,
    ).toBe(true);
  }

  // Panning left brings cards from the right into view, drawn and measured.
  const from = await emptyPanePoint(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x - 300, from.y, { steps: 10 });
  await page.mouse.move(from.x - 600, from.y, { steps: 10 });
  await page.mouse.up();
  await expect
    .poll(async () => (await drawnCards(page)).filter((c) => !drawn.has(c.id) && c.width > 0).length)
    .toBeGreaterThan(0);
  // Every card is still in the design, drawn or not.
  expect((await ed.getDesign()).nodes).toHaveLength(services);
});

test('zoomed far out, cards and links are drawn without text; zooming in brings it back', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.openDesign(benchDesign(420));
  const name = ed.node('svc-0').getByText('svc-0', { exact: true });
  await expect(name).toBeVisible();
  await expect(ed.edgeLabel('REST').first()).toBeVisible();
  const near = (await drawnCards(page)).length;
  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  const far = page.locator('.pc-canvas--far');
  for (let i = 0; i < 20 && (await far.count()) === 0; i++) await zoomOut.click();
  await expect(far).toHaveCount(1);
  await expect(ed.node('svc-0')).toBeVisible();
  await expect(name).toBeHidden();
  await expect(ed.edgeLabel('REST').first()).toBeHidden();
  await expect(ed.node('svc-0').locator('.react-flow__handle').first()).toBeHidden();
  expect((await drawnCards(page)).length).toBeGreaterThan(near);
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await expect(far).toHaveCount(0);
  await expect(name).toBeVisible();
});

/** Per drawn card: its name's and kind line's text boxes against the card's, and whether each is cut. */
function cardTexts(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node .pc-node')].flatMap((card) => {
      const box = card.getBoundingClientRect();
      return [...card.querySelectorAll<HTMLElement>('.pc-node__name, .pc-node__kind')].map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        const own = el.getBoundingClientRect();
        return {
          text: el.textContent ?? '',
          cut: getComputedStyle(el).overflow === 'hidden' && getComputedStyle(el).textOverflow === 'ellipsis',
          // What is drawn: the text's own box, or the element's when it clips the text.
          right: getComputedStyle(el).overflow === 'hidden' ? Math.min(own.right, text.right) : text.right,
          cardRight: box.right,
        };
      });
    }),
  );
}

test("a card's name and kind stay inside it, cut with an ellipsis only when too long, also in Present mode", async ({
  page,
}) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.dragFromPalette('Python · FastAPI', { x: 260, y: 160 });
  await ed.dragFromPalette('Node.js · TypeScript (Express)', { x: 560, y: 320 });
  await ed.dragFromPalette('Go · net/http', { x: 300, y: 420 });
  await ed.node('python-service').click();
  const long = 'a-service-with-a-name-far-too-long-for-any-card-on-the-canvas';
  await ed.field('Name').fill(long);
  await expect(ed.node(long)).toBeVisible();
  const check = async () => {
    const texts = await cardTexts(page);
    expect(texts).toHaveLength(6);
    for (const t of texts) expect(t.right, t.text).toBeLessThanOrEqual(t.cardRight);
    const byText = new Map(texts.map((t) => [t.text, t.cut]));
    expect(byText.get(long)).toBe(true);
    expect(byText.get('go-service')).toBe(false);
    expect(byText.get('Python · FastAPI')).toBe(false);
    // The longest kind label does not fit beside its port: cut.
    expect(byText.get('Node.js · TypeScript (Express)')).toBe(true);
  };
  await check();
  await ed.button('Present').click();
  await page.keyboard.press('End');
  await expect(page.locator('.pc-canvas--presenting .react-flow__node')).toHaveCount(3);
  await check();
});
