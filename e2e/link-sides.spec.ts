import { expect, test, type Page } from '@playwright/test';
import { addNode, connect, emptyDesign, type Design } from '../src/core';
import { EditorPage } from './pages/EditorPage';

/**
 * The two cards' screen boxes and the screen points where the link's path starts and ends, read
 * at once (a drag near the pane's border pans the view between two reads).
 */
function drawn(page: Page) {
  return page.evaluate(() => {
    const box = (id: string) => {
      const r = document.querySelector(`.react-flow__node[data-id="${id}"]`)!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const path = document.querySelector<SVGPathElement>('.react-flow__edge-path')!;
    const m = path.getScreenCTM()!;
    const at = (p: DOMPoint) => {
      const q = new DOMPoint(p.x, p.y).matrixTransform(m);
      return { x: q.x, y: q.y };
    };
    return {
      a: box('a'),
      b: box('b'),
      from: at(path.getPointAtLength(0)),
      to: at(path.getPointAtLength(path.getTotalLength())),
    };
  });
}

function twoLinked(): Design {
  let d = emptyDesign('sides');
  for (const [id, x] of [
    ['a', 200],
    ['b', 600],
  ] as const) {
    const r = addNode(d, { kind: 'go-nethttp', id, name: `svc-${id}`, position: { x, y: 200 } });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
  }
  const r = connect(d, { source: 'a', target: 'b', kind: 'rest', id: 'l0' });
  if (!r.ok) throw new Error(r.reason);
  return r.design;
}

// A card dragged past the other flips the sides its links leave and enter. The canvas keeps React
// Flow's edges through the drag and draws the link from its new sides; the ends must sit on them.
test('a link follows a card dragged past the other: it leaves and enters on the facing sides', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.openDesign(twoLinked());
  const b = ed.node('svc-b');
  await expect(b).toBeVisible();
  const near = (x: number, y: number, to: { x: number; y: number }) =>
    expect(Math.hypot(x - to.x, y - to.y)).toBeLessThan(12);

  // Before: from a's right side to b's left side.
  let d = await drawn(page);
  near(d.a.x + d.a.width, d.a.y + d.a.height / 2, d.from);
  near(d.b.x, d.b.y + d.b.height / 2, d.to);

  // b dragged to the left of a: from a's left side to b's right side, during the drag and after.
  const start = { x: d.b.x + d.b.width / 2, y: d.b.y + d.b.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 2, start.y, { steps: 2 });
  await page.mouse.move(start.x - 650, start.y, { steps: 12 });
  d = await drawn(page);
  expect(d.b.x + d.b.width).toBeLessThan(d.a.x);
  near(d.a.x, d.a.y + d.a.height / 2, d.from);
  near(d.b.x + d.b.width, d.b.y + d.b.height / 2, d.to);
  await page.mouse.up();
  d = await drawn(page);
  near(d.a.x, d.a.y + d.a.height / 2, d.from);
  near(d.b.x + d.b.width, d.b.y + d.b.height / 2, d.to);

  // Below a: down from a's bottom to b's top. After a reload (a new model), the same.
  await ed.dragNode('svc-b', { x: d.a.x - d.b.x, y: 250 });
  const below = async () => {
    const e = await drawn(page);
    near(e.a.x + e.a.width / 2, e.a.y + e.a.height, e.from);
    near(e.b.x + e.b.width / 2, e.b.y, e.to);
  };
  await below();
  await ed.waitForAutosave();
  await page.reload();
  await expect(b).toBeVisible();
  await below();
});

test("a link ends in an arrowhead in its kind's colour, on the dark theme too", async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.openDesign(twoLinked());
  await expect(ed.node('svc-b')).toBeVisible();
  const head = () =>
    page.evaluate(() => {
      const path = document.querySelector<SVGPathElement>('.react-flow__edge-path')!;
      const id = /url\(['"]?#([^'")]+)/.exec(path.getAttribute('marker-end') ?? '')?.[1] ?? '';
      const marker = document.getElementById(id);
      const shape = marker?.querySelector('polyline');
      return {
        id,
        tag: marker?.tagName,
        stroke: getComputedStyle(path).stroke,
        fill: shape ? getComputedStyle(shape).fill : null,
        markers: document.querySelectorAll(`[id="${id}"]`).length,
      };
    });
  const light = await head();
  expect(light.id).toBe('pc-arrow-rest');
  expect(light.tag).toBe('marker');
  expect(light.markers).toBe(1);
  expect(light.fill).toBe(light.stroke);
  // the REST colour follows the theme (a CSS variable): so does its arrowhead
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  const dark = await head();
  expect(dark.stroke).not.toBe(light.stroke);
  expect(dark.fill).toBe(dark.stroke);
});
