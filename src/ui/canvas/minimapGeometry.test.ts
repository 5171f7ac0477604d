import { describe, expect, it } from 'vitest';
import {
  centreOn,
  contentBounds,
  minimapFrame,
  nodeRect,
  nodesBounds,
  panBy,
  toFlow,
  toMinimap,
  unionRect,
  viewOnMinimap,
  viewRect,
  zoomBy,
} from './minimapGeometry';

const FALLBACK = { width: 224, height: 60 };
const SIZE = { width: 200, height: 150 };

describe('node boxes and bounds', () => {
  it('uses the measured size, then the given size, then the fallback', () => {
    expect(nodeRect({ position: { x: 1, y: 2 }, measured: { width: 100, height: 40 } }, FALLBACK)).toEqual({
      x: 1,
      y: 2,
      width: 100,
      height: 40,
    });
    expect(nodeRect({ position: { x: 1, y: 2 }, width: 50, height: 30 }, FALLBACK)).toMatchObject({
      width: 50,
      height: 30,
    });
    expect(nodeRect({ position: { x: 1, y: 2 } }, FALLBACK)).toMatchObject(FALLBACK);
  });

  it('skips a node at a position that is not a number and zeroes a bad size', () => {
    expect(nodeRect({ position: { x: NaN, y: 0 } }, FALLBACK)).toBeNull();
    expect(nodeRect({ position: { x: 0, y: 0 }, measured: { width: -5, height: Infinity } }, FALLBACK)).toEqual({
      x: 0,
      y: 0,
      width: 0,
      height: 0,
    });
  });

  it('covers every shown node and ignores hidden ones', () => {
    const nodes = [
      { position: { x: -100, y: 50 }, measured: { width: 100, height: 40 } },
      { position: { x: 300, y: -20 } },
      { position: { x: 5000, y: 5000 }, hidden: true },
    ];
    expect(nodesBounds(nodes, FALLBACK)).toEqual({ x: -100, y: -20, width: 300 + 224 + 100, height: 110 });
  });

  it('is null for no shown node', () => {
    expect(nodesBounds([], FALLBACK)).toBeNull();
    expect(nodesBounds([{ position: { x: 0, y: 0 }, hidden: true }], FALLBACK)).toBeNull();
  });
});

describe('the content the minimap pictures', () => {
  const card = { position: { x: 0, y: 0 } };
  const boundary = { position: { x: -40, y: -24 }, width: 480, height: 320, measured: { width: 480, height: 320 } };
  const farNote = { position: { x: 3000, y: 1800 }, measured: { width: 200, height: 120 } };

  it('covers the cards, the boundaries and the notes', () => {
    expect(contentBounds([card], [boundary, farNote], FALLBACK)).toEqual({
      x: -40,
      y: -24,
      width: 3200 + 40,
      height: 1920 + 24,
    });
  });

  it('is the cards alone without areas, and the areas alone without cards', () => {
    expect(contentBounds([card], [], FALLBACK)).toEqual({ x: 0, y: 0, ...FALLBACK });
    expect(contentBounds([], [farNote], FALLBACK)).toEqual({ x: 3000, y: 1800, width: 200, height: 120 });
    expect(contentBounds([], [], FALLBACK)).toBeNull();
  });

  it('ignores a hidden area and one at a position that is not a number', () => {
    const hidden = { ...farNote, hidden: true };
    const broken = { position: { x: NaN, y: 0 }, measured: { width: 200, height: 120 } };
    expect(contentBounds([card], [hidden, broken], FALLBACK)).toEqual({ x: 0, y: 0, ...FALLBACK });
  });

  it('puts a note far from every card inside the minimap', () => {
    const view = { x: 0, y: 0, width: 800, height: 600 };
    const f = minimapFrame(unionRect(view, contentBounds([card], [farNote], FALLBACK)), SIZE);
    const corner = toMinimap(f, { x: 3200, y: 1920 });
    expect(corner.x).toBeLessThanOrEqual(SIZE.width);
    expect(corner.y).toBeLessThanOrEqual(SIZE.height);
    const start = toMinimap(f, farNote.position);
    expect(start.x).toBeGreaterThan(0);
    expect(start.y).toBeGreaterThan(0);
  });
});

describe('the view rectangle and the frame', () => {
  it('turns the transform into the flow area the pane shows', () => {
    expect(viewRect([-200, 100, 2], 800, 600)).toEqual({ x: 100, y: -50, width: 400, height: 300 });
  });

  it('unites the view with the nodes, or is the view alone', () => {
    const view = { x: 0, y: 0, width: 100, height: 100 };
    expect(unionRect(view, null)).toBe(view);
    expect(unionRect(view, { x: 50, y: -50, width: 200, height: 20 })).toEqual({
      x: 0,
      y: -50,
      width: 250,
      height: 150,
    });
  });

  it('fits the content with a margin, centred, at the minimap aspect ratio', () => {
    const content = { x: 0, y: 0, width: 1900, height: 100 };
    const f = minimapFrame(content, SIZE, 5);
    // The width limits: 190 px for 1900 units.
    expect(f.scale).toBeCloseTo(0.1);
    expect(f.width).toBeCloseTo(2000);
    expect(f.height).toBeCloseTo(1500);
    expect(f.x).toBeCloseTo(-50);
    expect(f.y + f.height / 2).toBeCloseTo(50);
    // Every corner of the content lands inside the minimap.
    for (const p of [
      { x: 0, y: 0 },
      { x: 1900, y: 100 },
    ]) {
      const m = toMinimap(f, p);
      expect(m.x).toBeGreaterThanOrEqual(5 - 1e-9);
      expect(m.x).toBeLessThanOrEqual(195 + 1e-9);
      expect(m.y).toBeGreaterThanOrEqual(0);
      expect(m.y).toBeLessThanOrEqual(150);
    }
  });

  it('never yields NaN or an infinite scale for an empty flow or a pane without size', () => {
    const f = minimapFrame(viewRect([0, 0, 1], 0, 0), SIZE);
    for (const v of Object.values(f)) expect(Number.isFinite(v)).toBe(true);
    expect(f.scale).toBeGreaterThan(0);
    for (const v of Object.values(viewOnMinimap(f, viewRect([0, 0, 1], 0, 0)))) expect(Number.isFinite(v)).toBe(true);
  });

  it('stays finite for a huge design', () => {
    const f = minimapFrame({ x: -1e7, y: -1e7, width: 2e7, height: 2e7 }, SIZE);
    expect(f.scale).toBeGreaterThan(0);
    expect(toMinimap(f, { x: 0, y: 0 }).x).toBeCloseTo(100);
  });
});

describe('mapping and moving', () => {
  const f = minimapFrame({ x: 100, y: 200, width: 1000, height: 600 }, SIZE);

  it('maps minimap pixels to flow points and back', () => {
    for (const p of [
      { x: 0, y: 0 },
      { x: 37, y: 121 },
      { x: 200, y: 150 },
    ]) {
      const back = toMinimap(f, toFlow(f, p));
      expect(back.x).toBeCloseTo(p.x);
      expect(back.y).toBeCloseTo(p.y);
    }
    const mid = toFlow(f, { x: 100, y: 75 });
    expect(mid.x).toBeCloseTo(600);
    expect(mid.y).toBeCloseTo(500);
  });

  it('centres a pane on a flow point at the given zoom', () => {
    const vp = centreOn({ x: 600, y: 500 }, 2, { width: 800, height: 600 });
    expect(vp).toEqual({ x: 400 - 1200, y: 300 - 1000, zoom: 2 });
    const shown = viewRect([vp.x, vp.y, vp.zoom], 800, 600);
    expect(shown.x + shown.width / 2).toBeCloseTo(600);
    expect(shown.y + shown.height / 2).toBeCloseTo(500);
  });

  it('moves the view rectangle by the pointer travel on the minimap', () => {
    const vp = { x: -100, y: -50, zoom: 1.5 };
    const before = viewRect([vp.x, vp.y, vp.zoom], 800, 600);
    const next = panBy(vp, 10, -4, f);
    const after = viewRect([next.x, next.y, next.zoom], 800, 600);
    expect(next.zoom).toBe(1.5);
    expect((after.x - before.x) * f.scale).toBeCloseTo(10);
    expect((after.y - before.y) * f.scale).toBeCloseTo(-4);
  });

  it('zooms around the middle of the pane within the limits', () => {
    const pane = { width: 800, height: 600 };
    const vp = { x: -100, y: -50, zoom: 1 };
    const centre = (v: { x: number; y: number; zoom: number }) => {
      const r = viewRect([v.x, v.y, v.zoom], pane.width, pane.height);
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    };
    const zin = zoomBy(vp, -100, 0, pane, { min: 0.1, max: 4 });
    expect(zin.zoom).toBeCloseTo(Math.pow(2, 0.2));
    expect(centre(zin).x).toBeCloseTo(centre(vp).x);
    expect(centre(zin).y).toBeCloseTo(centre(vp).y);
    expect(zoomBy(vp, 100, 0, pane, { min: 0.1, max: 4 }).zoom).toBeLessThan(1);
    expect(zoomBy(vp, -1e6, 0, pane, { min: 0.1, max: 4 }).zoom).toBe(4);
    expect(zoomBy(vp, 1e6, 0, pane, { min: 0.1, max: 4 }).zoom).toBe(0.1);
    // Lines scroll in bigger steps than pixels.
    expect(zoomBy(vp, -3, 1, pane, { min: 0.1, max: 4 }).zoom).toBeGreaterThan(
      zoomBy(vp, -3, 0, pane, { min: 0.1, max: 4 }).zoom,
    );
  });

  it('places the view rectangle on the minimap', () => {
    const view = { x: 600 - 50, y: 500 - 20, width: 100, height: 40 };
    const r = viewOnMinimap(f, view);
    expect(r.x + r.width / 2).toBeCloseTo(100);
    expect(r.y + r.height / 2).toBeCloseTo(75);
    expect(r.width).toBeCloseTo(100 * f.scale);
    expect(r.height).toBeCloseTo(40 * f.scale);
  });
});
