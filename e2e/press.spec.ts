import { expect, test, type Page } from '@playwright/test';
import { benchDesign } from '../bench/designs';
import { EditorPage } from './pages/EditorPage';

// The form of a newly selected node is drawn after the press that selected it (so the press stays a
// short task on a large design). Until then the previous node's form is still on screen: it must
// take no input, so that a click or a key meant for the new node never edits the previous one.

/** Watches the page for a card shown selected while the inspector shows, and accepts input for, another node. */
async function watchStaleForms(page: Page, selectedName: string, otherName: string) {
  await page.evaluate(
    ([selectedName, otherName]) => {
      const w = window as unknown as { staleSeen: string[]; staleFrames: number };
      w.staleSeen = [];
      w.staleFrames = 0;
      const check = () => {
        const card = [...document.querySelectorAll('.react-flow__node.selected')].find((n) =>
          n.textContent?.includes(selectedName),
        );
        const panel = document.querySelector('.pc-inspector [role="tabpanel"]');
        const heading = panel?.querySelector('h2')?.textContent ?? '';
        if (!card || heading !== otherName || !panel) return;
        w.staleFrames++;
        // The previous node's form while the new node is selected: it must be inert.
        if (!panel.closest('[inert]'))
          w.staleSeen.push(`${heading} shown and not inert while ${selectedName} is selected`);
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true });
    },
    [selectedName, otherName] as const,
  );
}

/** A 300-service design open on a CPU slowed six times, so the new form takes a while to come. */
async function openSlowed(page: Page): Promise<{ ed: EditorPage; normalSpeed: () => Promise<void> }> {
  const ed = new EditorPage(page);
  await ed.goto();
  await ed.openDesign(benchDesign(300));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  return { ed, normalSpeed: async () => void (await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })) };
}

/** What `watchStaleForms` saw: none of its complaints may be left. */
async function expectNoStaleForm(page: Page): Promise<void> {
  const seen = await page.evaluate(() => {
    const w = window as unknown as { staleSeen: string[]; staleFrames: number };
    return { staleSeen: w.staleSeen, staleFrames: w.staleFrames };
  });
  console.log(`${test.info().title}: ${seen.staleFrames} changes of the page with the previous form shown`);
  expect(seen.staleSeen).toEqual([]);
}

test('a click shows the new node in the inspector, and typing right after it edits that node', async ({ page }) => {
  // A large design and a slow CPU: the new form takes a while to come, as on a loaded machine.
  const { ed, normalSpeed } = await openSlowed(page);

  await ed.node('svc-1').click({ position: { x: 24, y: 12 } });
  await expect(ed.inspector.getByRole('heading', { name: 'svc-1', exact: true })).toBeVisible();
  await expect(ed.field('Name')).toHaveValue('svc-1');

  // Click the other card and type into the Name field at once, as a quick hand would.
  await watchStaleForms(page, 'svc-2', 'svc-1');
  await ed.node('svc-2').click({ position: { x: 24, y: 12 } });
  await ed.field('Name').fill('svc-2-renamed');
  await expect(ed.inspector.getByRole('heading', { name: 'svc-2-renamed', exact: true })).toBeVisible();
  await normalSpeed();

  const names = (await ed.getDesign()).nodes.map((n) => n.name);
  expect(names).toContain('svc-1');
  expect(names).toContain('svc-2-renamed');
  expect(names).not.toContain('svc-2');
  await expectNoStaleForm(page);
  await expect(ed.node('svc-2-renamed')).toBeVisible();
});

test('keys typed into the form after a click on another card never reach the previous node', async ({ page }) => {
  const { ed, normalSpeed } = await openSlowed(page);

  await ed.node('svc-1').click({ position: { x: 24, y: 12 } });
  await expect(ed.field('Name')).toHaveValue('svc-1');
  const name = await ed.field('Name').boundingBox();
  if (!name) throw new Error('no Name field');
  const card = await ed.node('svc-2').boundingBox();
  if (!card) throw new Error('no card svc-2');

  // The pointer alone, without waiting for anything: press the card, then the Name field, and type.
  await watchStaleForms(page, 'svc-2', 'svc-1');
  await page.mouse.click(card.x + 24, card.y + 12);
  await page.mouse.click(name.x + name.width - 4, name.y + name.height / 2);
  await page.keyboard.type('-x');
  await normalSpeed();

  await expect(ed.inspector.getByRole('heading', { level: 2 })).toHaveText(/^svc-2/);
  const names = (await ed.getDesign()).nodes.map((n) => n.name);
  // The keys went to the new node's form, or nowhere if it was not there yet: never to svc-1.
  expect(names).toContain('svc-1');
  expect(names).not.toContain('svc-1-x');
  await expectNoStaleForm(page);
});
