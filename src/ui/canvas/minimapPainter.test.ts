import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BOUNDARY_LINE,
  BOUNDARY_TINT,
  DEFAULT_LOOK,
  NOTE_LINE,
  cornerRadius,
  createPainter,
  paintAreas,
  planLayers,
  sameAreas,
  type AreaContext,
  type MinimapArea,
  type MinimapNode,
} from './minimapPainter';

const node = (id: string, x = 0): MinimapNode => ({ id, position: { x, y: 0 }, data: { kind: 'postgres' } });
const byId = (nodes: MinimapNode[]) => new Map(nodes.map((n) => [n.id, n]));
const none = new Set<string>();

describe('planLayers', () => {
  const a = node('a');
  const b = node('b', 300);
  const c = node('c', 600);

  it('paints everything still the first time', () => {
    expect(planLayers(null, none, [a, b, c])).toEqual({ moving: none, changed: [], repaintStill: true });
  });

  it('leaves both layers alone when no node object changed', () => {
    const plan = planLayers(byId([a, b, c]), none, [a, b, c]);
    expect(plan.repaintStill).toBe(false);
    expect(plan.changed).toEqual([]);
  });

  it('moves a dragged node to the moving layer once, then repaints only that layer', () => {
    const b1 = node('b', 310);
    const first = planLayers(byId([a, b, c]), none, [a, b1, c]);
    expect([...first.moving]).toEqual(['b']);
    expect(first.changed).toEqual([b1]);
    expect(first.repaintStill).toBe(true);

    const b2 = node('b', 320);
    const second = planLayers(byId([a, b1, c]), first.moving, [a, b2, c]);
    expect(second.moving).toBe(first.moving);
    expect(second.changed).toEqual([b2]);
    expect(second.repaintStill).toBe(false);
  });

  it('looks up by id only the nodes that are not the same object at the same place as before', () => {
    const lookups: string[] = [];
    class Counted extends Map<string, MinimapNode> {
      override get(id: string) {
        lookups.push(id);
        return super.get(id);
      }
    }
    const b1 = node('b', 310);
    const plan = planLayers(new Counted(byId([a, b, c])), none, [a, b1, c], undefined, [a, b, c]);
    expect(plan).toEqual(planLayers(byId([a, b, c]), none, [a, b1, c]));
    expect(lookups).toEqual(['b']);
    // reordered: every node whose place changed is looked up, and nothing else changes
    lookups.length = 0;
    const same = planLayers(new Counted(byId([a, b, c])), none, [c, b, a], undefined, [a, b, c]);
    expect(same).toEqual({ moving: none, changed: [], repaintStill: false });
    expect(lookups.sort()).toEqual(['a', 'c']);
  });

  it('repaints the still layer when another node starts to move', () => {
    const c1 = node('c', 610);
    const plan = planLayers(byId([a, b, c]), new Set(['b']), [a, b, c1]);
    expect([...plan.moving]).toEqual(['c']);
    expect(plan.repaintStill).toBe(true);
  });

  it('repaints everything still when nodes are added, removed or replaced', () => {
    const d = node('d');
    expect(planLayers(byId([a, b]), none, [a, b, d]).repaintStill).toBe(true);
    expect(planLayers(byId([a, b, c]), none, [a, b]).repaintStill).toBe(true);
    const swapped = planLayers(byId([a, b, c]), new Set(['c']), [a, b, d]);
    expect(swapped).toEqual({ moving: none, changed: [], repaintStill: true });
  });

  it('repaints everything still when many nodes change at once (a layout)', () => {
    const before = Array.from({ length: 10 }, (_, i) => node(`n${i}`, i));
    const after = before.map((n) => node(n.id, n.position.x + 1));
    const plan = planLayers(byId(before), none, after, 4);
    expect(plan).toEqual({ moving: none, changed: [], repaintStill: true });
    expect(planLayers(byId(before), none, after, 10).moving.size).toBe(10);
  });
});

/** A 2D context that records what is drawn, with the style in force at each call. */
function recorder() {
  const calls: {
    op: 'fill' | 'stroke';
    x: number;
    y: number;
    w: number;
    h: number;
    color: string;
    alpha: number;
    line: number;
  }[] = [];
  const ctx: AreaContext = {
    fillStyle: '#000000',
    strokeStyle: '#000000',
    lineWidth: 1,
    globalAlpha: 1,
    fillRect(x, y, w, h) {
      calls.push({ op: 'fill', x, y, w, h, color: String(ctx.fillStyle), alpha: ctx.globalAlpha, line: ctx.lineWidth });
    },
    strokeRect(x, y, w, h) {
      calls.push({
        op: 'stroke',
        x,
        y,
        w,
        h,
        color: String(ctx.strokeStyle),
        alpha: ctx.globalAlpha,
        line: ctx.lineWidth,
      });
    },
  };
  return { ctx, calls };
}

const boundary = (id: string, color: unknown, x = 0): MinimapArea => ({
  id,
  type: 'boundary',
  position: { x, y: 10 },
  width: 400,
  height: 300,
  measured: { width: 400, height: 300 },
  data: { name: 'Ordering', kind: 'context', color },
});
const note = (id: string, x = 500): MinimapArea => ({
  id,
  type: 'note',
  position: { x, y: 600 },
  measured: { width: 200, height: 120 },
  data: { text: 'ask the payments team' },
});

describe('cornerRadius', () => {
  const card = { x: 0, y: 0, width: 220, height: 80 };
  it('rounds a card whose corner spans half a device pixel or more', () => {
    expect(cornerRadius(card, 1)).toBe(6);
    expect(cornerRadius(card, 0.5 / 6)).toBe(6);
    expect(cornerRadius({ x: 0, y: 0, width: 8, height: 4 }, 1)).toBe(2);
  });
  it('draws a plain rectangle where the rounding would be under half a device pixel', () => {
    expect(cornerRadius(card, 0.49 / 6)).toBe(0);
    // 5,000 cards on a minimap of ~200 px: a few thousandths of a pixel per flow unit
    expect(cornerRadius(card, 0.004)).toBe(0);
  });
});

describe('paintAreas', () => {
  it('tints a boundary in its colour and outlines it at a fixed width in minimap pixels', () => {
    const { ctx, calls } = recorder();
    paintAreas(ctx, [boundary('b', '#10b981', -40)], DEFAULT_LOOK, 0.1);
    expect(calls).toEqual([
      { op: 'fill', x: -40, y: 10, w: 400, h: 300, color: '#10b981', alpha: BOUNDARY_TINT, line: 1 },
      { op: 'stroke', x: -40, y: 10, w: 400, h: 300, color: '#10b981', alpha: 1, line: BOUNDARY_LINE / 0.1 },
    ]);
  });

  it('paints notes in the theme colours, after every boundary so that a note on a boundary shows', () => {
    const { ctx, calls } = recorder();
    const dark = { noteFill: '#3d3413', noteLine: '#a16207' };
    paintAreas(
      ctx,
      [note('n1'), boundary('b1', '#6366f1'), note('n2', 900), boundary('b2', '#ef4444', 1200)],
      dark,
      0.5,
    );
    expect(calls.map((c) => `${c.op} ${c.color}`)).toEqual([
      'fill #6366f1',
      'stroke #6366f1',
      'fill #ef4444',
      'stroke #ef4444',
      'fill #3d3413',
      'fill #3d3413',
      'stroke #a16207',
      'stroke #a16207',
    ]);
    const notes = calls.filter((c) => c.color === '#3d3413');
    expect(notes.map((c) => [c.x, c.y, c.w, c.h, c.alpha])).toEqual([
      [500, 600, 200, 120, 1],
      [900, 600, 200, 120, 1],
    ]);
    expect(calls.at(-1)!.line).toBe(NOTE_LINE / 0.5);
  });

  it('skips hidden areas and bad positions, and paints a boundary with an unreadable colour in the first colour', () => {
    const { ctx, calls } = recorder();
    paintAreas(
      ctx,
      [
        { ...note('hidden'), hidden: true },
        { ...note('nan'), position: { x: NaN, y: 0 } },
        boundary('odd', 'red'),
        boundary('none', undefined),
        { ...note('other'), type: 'service' },
      ],
      DEFAULT_LOOK,
      0.2,
    );
    expect(calls.map((c) => `${c.op} ${c.color}`)).toEqual([
      'fill #6366f1',
      'stroke #6366f1',
      'fill #6366f1',
      'stroke #6366f1',
    ]);
  });

  it('keeps outlines finite at a scale that is zero or not a number', () => {
    const { ctx, calls } = recorder();
    paintAreas(ctx, [boundary('b', '#0ea5e9')], DEFAULT_LOOK, 0);
    paintAreas(ctx, [boundary('b', '#0ea5e9')], DEFAULT_LOOK, NaN);
    for (const c of calls) expect(Number.isFinite(c.line)).toBe(true);
  });
});

describe('sameAreas', () => {
  const b = boundary('b', '#6366f1');
  const n = note('n');

  it('is true for the same objects in a new list (the list is rebuilt when a card moves)', () => {
    expect(sameAreas([b, n], [b, n])).toBe(true);
  });

  it('is false when an area moved, was resized, added, removed or reordered, or nothing was painted', () => {
    expect(sameAreas([b, n], [{ ...b, position: { x: 5, y: 10 } }, n])).toBe(false);
    expect(sameAreas([b, n], [b, { ...n, measured: { width: 300, height: 120 } }])).toBe(false);
    expect(sameAreas([b], [b, n])).toBe(false);
    expect(sameAreas([b, n], [b])).toBe(false);
    expect(sameAreas([b, n], [n, b])).toBe(false);
    expect(sameAreas(null, [])).toBe(false);
  });
});

describe('createPainter', () => {
  // The painter in a page without a DOM: canvases that record their transform and a frame clock
  // that runs only when the test says so.
  function setup() {
    const frames: FrameRequestCallback[] = [];
    const idles: (() => void)[] = [];
    vi.stubGlobal('window', { devicePixelRatio: 1 });
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    vi.stubGlobal('requestIdleCallback', (f: () => void) => idles.push(f));
    vi.stubGlobal('cancelIdleCallback', () => {});
    vi.stubGlobal(
      'Path2D',
      class {
        rect() {}
        roundRect() {}
      },
    );
    const ctx = new Proxy({}, { get: () => () => {} });
    const canvas = () =>
      ({
        width: 0,
        height: 0,
        style: {} as Record<string, string>,
        getContext: () => ctx,
      }) as unknown as HTMLCanvasElement & {
        style: Record<string, string>;
      };
    const still = canvas();
    const painter = createPainter();
    painter.attach(still, canvas(), canvas());
    const runFrame = () => frames.splice(0).forEach((f) => f(0));
    const runIdle = () => idles.splice(0).forEach((f) => f());
    /** The first picture waits for two frames (the cards being drawn) and an idle moment. */
    const firstPicture = () => {
      runFrame();
      runFrame();
      runIdle();
    };
    return { painter, still, frames, idles, runFrame, runIdle, firstPicture };
  }
  const nodes = [node('a'), node('b', 400)];
  const frame = (x: number, scale = 0.1) => ({ x, y: 0, width: 2000, height: 1500, scale });

  afterEach(() => vi.unstubAllGlobals());

  it('paints first once two frames were drawn and the page is idle, then places a panned frame at once', () => {
    const { painter, still, frames, idles, runFrame, runIdle } = setup();
    painter.update(nodes, frame(0));
    expect(frames).toHaveLength(1);
    runFrame();
    expect(frames).toHaveLength(1);
    runFrame();
    expect(idles).toHaveLength(1);
    // a second update while waiting asks for nothing more
    painter.update(nodes, frame(0));
    expect(frames).toHaveLength(0);
    expect(idles).toHaveLength(1);
    expect(still.style.transform).toBeUndefined();
    runIdle();
    const first = still.style.transform;
    expect(first).toMatch(/^translate\(/);

    painter.update(nodes, frame(-50));
    expect(frames).toHaveLength(0);
    // the view moved 50 flow units left: the layer, 5 minimap pixels right
    const x = (t: string | undefined) => Number(/^translate\((-?[\d.]+)px/.exec(t ?? '')?.[1]);
    expect(x(still.style.transform) - x(first)).toBeCloseTo(5);
  });

  it('waits for a frame when the cards changed or the scale is beyond what the painted layer serves', () => {
    const { painter, frames, runFrame, firstPicture } = setup();
    painter.update(nodes, frame(0));
    firstPicture();
    painter.update([node('a'), node('b', 500)], frame(0));
    expect(frames).toHaveLength(1);
    runFrame();
    // ten times closer: painted again at the new scale, in a frame
    painter.update(nodes.slice(), frame(0, 1));
    expect(frames).toHaveLength(1);
  });
});
