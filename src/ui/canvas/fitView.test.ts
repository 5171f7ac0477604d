import { describe, expect, it } from 'vitest';
import { coversCard, fitCards } from './fitView';

const card = (x: number, y: number) => ({ x, y, width: 224, height: 58 });
const pane = { width: 800, height: 600 };
const corner = { width: 223, height: 173 };

describe('fitCards', () => {
  it('frames the cards centred when the corner is clear', () => {
    const cards = [card(0, 0), card(400, 0)];
    const vp = fitCards(cards, pane, { padding: 0.1, minZoom: 0.1, maxZoom: 1, corner })!;
    expect(vp.zoom).toBe(1);
    expect(coversCard(cards, vp, pane, corner)).toBe(false);
  });

  it('moves the cards out from under the minimap, beside or above it', () => {
    // a card at the bottom right of the box lands under the minimap when fitted to the whole pane
    const cards = [card(0, 0), card(1200, 900)];
    const plain = fitCards(cards, pane, { padding: 0.05, minZoom: 0.1, maxZoom: 1, corner: null })!;
    expect(coversCard(cards, plain, pane, corner)).toBe(true);
    const vp = fitCards(cards, pane, { padding: 0.05, minZoom: 0.1, maxZoom: 1, corner })!;
    expect(coversCard(cards, vp, pane, corner)).toBe(false);
    expect(vp.zoom).toBeGreaterThan(0.3);
  });

  it('never goes below the smallest zoom; a larger design shows its start', () => {
    const cards = [card(0, 0), card(5000, 0)];
    const vp = fitCards(cards, pane, { padding: 0.1, minZoom: 0.5, maxZoom: 1, corner: null })!;
    expect(vp.zoom).toBe(0.5);
    expect(vp.x).toBeGreaterThan(0);
    expect(vp.x).toBeLessThan(40);
  });

  it('has nothing to frame without cards or a pane', () => {
    expect(fitCards([], pane, { padding: 0.1, minZoom: 0.1, maxZoom: 1, corner })).toBeNull();
    expect(
      fitCards([card(0, 0)], { width: 0, height: 0 }, { padding: 0.1, minZoom: 0.1, maxZoom: 1, corner }),
    ).toBeNull();
  });
});
