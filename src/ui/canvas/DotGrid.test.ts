import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dotGridPlacement, dotGridTile } from './DotGrid';

describe('dot grid placement', () => {
  it('covers the canvas from less than one tile out, with dots on the flow grid, for any camera', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: 0.1, max: 4, noNaN: true }),
        (x, y, zoom) => {
          const { step, x: ox, y: oy } = dotGridPlacement([x, y, zoom], 20);
          expect(step).toBeCloseTo(20 * zoom, 9);
          for (const [o, t] of [
            [ox, x],
            [oy, y],
          ] as const) {
            expect(o).toBeGreaterThanOrEqual(-step - 1e-9);
            expect(o).toBeLessThan(1e-9);
            // a dot (a tile's centre) on screen at o + step / 2 is a flow coordinate that is a multiple of 20
            const flow = (o + step / 2 - t) / zoom;
            const k = flow / 20;
            expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-6);
          }
        },
      ),
    );
  });

  it('paints tiles of whole pixels, shown scaled up to the step (never down, so the layer still covers)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 80, noNaN: true }), (step) => {
        const { tile, scale } = dotGridTile(step);
        expect(Number.isInteger(tile)).toBe(true);
        expect(tile * scale).toBeCloseTo(step, 9);
        expect(scale).toBeGreaterThanOrEqual(1);
        expect(scale).toBeLessThan(2);
      }),
    );
    expect(dotGridTile(20)).toEqual({ tile: 20, scale: 1 });
    expect(dotGridTile(21.5).tile).toBe(21);
  });
});
