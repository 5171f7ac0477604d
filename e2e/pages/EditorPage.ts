import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Design } from '../../src/core';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The editor as a person sees it: palette, canvas, inspector and top bar. */
export class EditorPage {
  readonly palette: Locator;
  readonly canvas: Locator;
  readonly pane: Locator;
  readonly inspector: Locator;
  readonly topBar: Locator;
  readonly edges: Locator;

  constructor(readonly page: Page) {
    this.palette = page.getByRole('complementary', { name: 'Palette' });
    this.canvas = page.locator('.pc-canvas');
    this.pane = page.locator('.react-flow__pane');
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.topBar = page.getByRole('banner');
    this.edges = page.locator('.react-flow__edge');
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.pane).toBeVisible();
    await this.page.waitForFunction(() => window.__polyglotCanvas !== undefined);
  }

  paletteItem(label: string): Locator {
    return this.palette.getByRole('button', { name: label });
  }

  /** Drags a palette entry onto the canvas with real HTML5 drag and drop. */
  async dragFromPalette(label: string, to: { x: number; y: number }) {
    await this.paletteItem(label).dragTo(this.pane, { targetPosition: to });
  }

  /** A node card by its exact name. */
  node(name: string): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^${escape(name)}, `) });
  }

  sourceHandle(name: string): Locator {
    return this.node(name).locator('.react-flow__handle[data-handleid="out"]');
  }

  targetHandle(name: string): Locator {
    return this.node(name).locator('.react-flow__handle[data-handleid="in"]');
  }

  /** Drags from one node's source handle to another's target handle, as a person would. */
  async connect(from: string, to: string) {
    const a = await this.sourceHandle(from).boundingBox();
    const b = await this.targetHandle(to).boundingBox();
    if (!a || !b) throw new Error('handle not visible');
    const mouse = this.page.mouse;
    await mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await mouse.down();
    // A first short move toward the target starts the connection; heading for the target (never
    // past the pane's edge) keeps React Flow from panning the canvas under the pointer.
    const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    await mouse.move(a.x + a.width / 2 + ((b.x - a.x) * 30) / d, a.y + a.height / 2 + ((b.y - a.y) * 30) / d, {
      steps: 4,
    });
    await mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    // React Flow marks the handle under the pointer `connectingto` once it has taken the move in;
    // a person releases when the handle lights up, and aims again if the canvas moved under them.
    const target = this.targetHandle(to);
    await expect(async () => {
      const box = await target.boundingBox();
      if (!box) throw new Error(`the target handle of ${to} is not visible`);
      await mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
      await expect(target).toHaveClass(/\bconnectingto\b/, { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    await mouse.up();
  }

  edgeLabel(text: string | RegExp): Locator {
    return this.page.locator('.react-flow__edge-text', { hasText: text });
  }

  /** Selects a link by clicking its label (the label's background takes the click). */
  async clickEdge(label: string) {
    const edge = this.edges.filter({ has: this.edgeLabel(label) });
    await edge.locator('.react-flow__edge-textbg').click();
  }

  /** Moves a node by dragging its card. */
  async dragNode(name: string, by: { x: number; y: number }) {
    const box = await this.node(name).boundingBox();
    if (!box) throw new Error(`node ${name} not visible`);
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    // React Flow starts a drag once the pointer has moved a little; that first step is not applied.
    await this.page.mouse.move(start.x + 2, start.y, { steps: 2 });
    await this.page.mouse.move(start.x + by.x / 2, start.y + by.y / 2, { steps: 5 });
    await this.page.mouse.move(start.x + by.x, start.y + by.y, { steps: 5 });
    await this.page.mouse.up();
  }

  button(name: string): Locator {
    return this.topBar.getByRole('button', { name, exact: true });
  }

  /** Clicks Export and answers the downloaded zip: the file name the browser offers and its bytes. */
  async exportProject(timeout?: number): Promise<{ fileName: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', timeout ? { timeout } : {}),
      this.button('Export').click(),
    ]);
    return { fileName: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  field(label: string): Locator {
    return this.inspector.getByLabel(label, { exact: true });
  }

  /** The File menu, once its button has opened it. */
  get fileMenu(): Locator {
    return this.page.getByRole('menu', { name: 'File' });
  }

  /** Opens the File menu and clicks one of its items (New, Open…, Import compose or Kubernetes…, Save). */
  async fileAction(name: string) {
    await this.button('File').click();
    await this.fileMenu.getByRole('menuitem', { name, exact: true }).click();
    await expect(this.fileMenu).toBeHidden();
  }

  /** Picks a file (or several) in the chooser that a File menu item (Open…, Import compose or Kubernetes…, Import Kubernetes folder…, Import…) opens. */
  async chooseFile(item: string, file: string | string[] | { name: string; mimeType: string; buffer: Buffer }) {
    const choosing = this.page.waitForEvent('filechooser');
    await this.fileAction(item);
    await (await choosing).setFiles(file);
  }

  /**
   * Opens a design file (File → Open…), agreeing to replace the design on the canvas when it
   * asks, and waits until the file's first card is drawn.
   */
  async openDesign(design: Design) {
    const current = await this.getDesign();
    await this.chooseFile('Open…', {
      name: `${design.name}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(design)),
    });
    if (current.nodes.length > 0 || current.links.length > 0)
      await this.replaceDialog.getByRole('button', { name: 'Open and replace' }).click();
    const first = design.nodes[0];
    if (first) await expect(this.node(first.name)).toBeVisible({ timeout: 60_000 });
  }

  /** The question File → Open asks before a file replaces a design with something in it. */
  get replaceDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Open “/ });
  }

  /** Drops a file from the desktop onto the canvas. */
  async dropFile(name: string, text: string, type = '') {
    const dataTransfer = await this.page.evaluateHandle(
      ([n, t, ty]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], n, { type: ty }));
        return dt;
      },
      [name, text, type] as const,
    );
    await this.canvas.dispatchEvent('dragenter', { dataTransfer });
    await this.canvas.dispatchEvent('dragover', { dataTransfer });
    await this.canvas.dispatchEvent('drop', { dataTransfer });
  }

  async getDesign(): Promise<Design> {
    return this.page.evaluate(() => window.__polyglotCanvas!.getDesign());
  }

  async nodeId(name: string): Promise<string> {
    const d = await this.getDesign();
    const n = d.nodes.find((x) => x.name === name);
    if (!n) throw new Error(`no node named ${name}`);
    return n.id;
  }

  /** Waits for autosave's debounce to have written the current design. */
  async waitForAutosave() {
    await this.page.waitForFunction(() => {
      const saved = localStorage.getItem('polyglot-canvas/design');
      return saved !== null && saved === JSON.stringify(window.__polyglotCanvas!.getDesign());
    });
  }

  /** Every node's position by name, from the design. */
  async positions(): Promise<Record<string, { x: number; y: number }>> {
    const d = await this.getDesign();
    return Object.fromEntries(d.nodes.map((n) => [n.name, n.position]));
  }

  /** The cards' boxes on screen, by name, once the camera has stopped moving. */
  async cardBoxes(): Promise<Record<string, { x: number; y: number; width: number; height: number }>> {
    const viewport = this.page.locator('.react-flow__viewport');
    let last = '';
    await expect
      .poll(async () => {
        const now = await viewport.getAttribute('style');
        const still = now === last;
        last = now ?? '';
        return still;
      })
      .toBe(true);
    return this.page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => {
          const r = el.getBoundingClientRect();
          const name = (el.getAttribute('aria-label') ?? el.dataset.id ?? '').split(',')[0]!;
          return [name, { x: r.x, y: r.y, width: r.width, height: r.height }];
        }),
      ),
    );
  }

  get mod(): string {
    return process.platform === 'darwin' ? 'Meta' : 'Control';
  }

  /** The presenter's floating control bar. */
  get presenterBar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Presenter' });
  }

  /** Names of the nodes the canvas shows, in design order, and ids of the links it shows. */
  async shown(): Promise<{ nodes: string[]; links: string[] }> {
    const design = await this.getDesign();
    const ids = await this.page.evaluate(() => ({
      nodes: [...document.querySelectorAll('.react-flow__node')].map((e) => e.getAttribute('data-id')),
      links: [...document.querySelectorAll('.react-flow__edge')].map((e) => e.getAttribute('data-id')),
    }));
    return {
      nodes: design.nodes.filter((n) => ids.nodes.includes(n.id)).map((n) => n.name),
      links: design.links.filter((l) => ids.links.includes(l.id)).map((l) => l.id),
    };
  }

  /** The overview in the corner of the canvas. */
  get minimap(): Locator {
    return this.page.getByRole('img', { name: 'Overview of the design' });
  }

  /**
   * Where the minimap has drawn a colour (`#rrggbb`), over all its canvas layers: how many device
   * pixels, their centre and the box around them in page coordinates (all 0 when there are none).
   */
  async minimapPixels(
    color: string,
  ): Promise<{ count: number; x: number; y: number; left: number; top: number; right: number; bottom: number }> {
    return this.minimap.locator('canvas').evaluateAll((canvases: HTMLCanvasElement[], hex: string) => {
      const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let count = 0;
      let sx = 0;
      let sy = 0;
      let left = Infinity;
      let top = Infinity;
      let right = -Infinity;
      let bottom = -Infinity;
      for (const c of canvases) {
        const ctx = c.getContext('2d');
        if (!ctx || c.width === 0 || c.height === 0 || getComputedStyle(c).display === 'none') continue;
        const r = c.getBoundingClientRect();
        const { data } = ctx.getImageData(0, 0, c.width, c.height);
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] !== 255) continue;
          if (want.some((v, k) => Math.abs(data[i + k]! - v) > 2)) continue;
          count++;
          const px = r.left + ((((i / 4) % c.width) + 0.5) * r.width) / c.width;
          const py = r.top + ((Math.floor(i / 4 / c.width) + 0.5) * r.height) / c.height;
          sx += px;
          sy += py;
          left = Math.min(left, px);
          top = Math.min(top, py);
          right = Math.max(right, px);
          bottom = Math.max(bottom, py);
        }
      }
      return count === 0
        ? { count, x: 0, y: 0, left: 0, top: 0, right: 0, bottom: 0 }
        : { count, x: sx / count, y: sy / count, left, top, right, bottom };
    }, color);
  }

  /** Drags on the minimap from its middle by `by` pixels, as a person moves the view there. */
  async dragMinimap(by: { x: number; y: number }) {
    const box = await this.minimap.boundingBox();
    if (!box) throw new Error('the minimap is not visible');
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + by.x / 2, start.y + by.y / 2, { steps: 5 });
    await this.page.mouse.move(start.x + by.x, start.y + by.y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** The camera the canvas shows, read from React Flow's viewport element. */
  async shownViewport(): Promise<{ x: number; y: number; zoom: number }> {
    const style = await this.page.locator('.react-flow__viewport').evaluate((el: HTMLElement) => el.style.transform);
    const m = /translate\((-?[\d.e+-]+)px, (-?[\d.e+-]+)px\) scale\(([\d.e+-]+)\)/.exec(style);
    if (!m) throw new Error(`unexpected viewport transform: ${style}`);
    return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
  }
}
