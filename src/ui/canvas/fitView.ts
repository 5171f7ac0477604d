/**
 * Framing the design in the pane so that the minimap in the bottom-right corner covers no card.
 * Pure: the canvas passes the cards, the pane and the corner the minimap takes.
 */
import type { Viewport } from '../../core';
import type { Rect } from './minimapGeometry';

export interface Size {
  width: number;
  height: number;
}

export interface FitOptions {
  /** Room around the cards, as a share of the area they are fitted into (0.1 = 10 % each side). */
  padding: number;
  minZoom: number;
  maxZoom: number;
  /** The corner (bottom right) that must stay clear of cards, or null. */
  corner: Size | null;
}

/** The camera that shows `box` inside the area `area` of the pane, centred; the start shown first when it does not fit. */
function fitInto(box: Rect, area: Rect, o: FitOptions): Viewport {
  const w = Math.max(1, box.width);
  const h = Math.max(1, box.height);
  const k = Math.min(area.width / (w * (1 + 2 * o.padding)), area.height / (h * (1 + 2 * o.padding)));
  const zoom = Math.min(o.maxZoom, Math.max(o.minZoom, k));
  const place = (start: number, size: number, at: number, extent: number) => {
    const room = size - extent * zoom;
    // A design larger than the area at the smallest zoom: show its start, not a slice of its middle.
    return room >= 0 ? start + room / 2 - at * zoom : start + Math.min(size * 0.05, 24) - at * zoom;
  };
  return {
    x: place(area.x, area.width, box.x, w),
    y: place(area.y, area.height, box.y, h),
    zoom,
  };
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether any card, seen through `vp`, lies under the corner of the pane. */
export function coversCard(cards: readonly Rect[], vp: Viewport, pane: Size, corner: Size): boolean {
  const c = { x: pane.width - corner.width, y: pane.height - corner.height, ...corner };
  return cards.some((r) =>
    overlaps(
      { x: r.x * vp.zoom + vp.x, y: r.y * vp.zoom + vp.y, width: r.width * vp.zoom, height: r.height * vp.zoom },
      c,
    ),
  );
}

function boundsOf(cards: readonly Rect[]): Rect | null {
  if (cards.length === 0) return null;
  const x = Math.min(...cards.map((r) => r.x));
  const y = Math.min(...cards.map((r) => r.y));
  const x1 = Math.max(...cards.map((r) => r.x + r.width));
  const y1 = Math.max(...cards.map((r) => r.y + r.height));
  return { x, y, width: x1 - x, height: y1 - y };
}

/**
 * The camera that frames the cards in the pane. When the corner is given and a card would lie
 * under it, the cards are fitted beside it or above it instead, whichever shows them larger.
 * Null when there is no card or the pane has no size yet.
 */
export function fitCards(cards: readonly Rect[], pane: Size, o: FitOptions): Viewport | null {
  const box = boundsOf(cards);
  if (!box || pane.width <= 0 || pane.height <= 0) return null;
  const full = fitInto(box, { x: 0, y: 0, ...pane }, o);
  if (!o.corner || !coversCard(cards, full, pane, o.corner)) return full;
  const beside = fitInto(box, { x: 0, y: 0, width: Math.max(1, pane.width - o.corner.width), height: pane.height }, o);
  const above = fitInto(box, { x: 0, y: 0, width: pane.width, height: Math.max(1, pane.height - o.corner.height) }, o);
  const options = [beside, above].filter((v) => !coversCard(cards, v, pane, o.corner!));
  if (options.length === 0) return beside.zoom >= above.zoom ? beside : above;
  return options.reduce((a, b) => (b.zoom > a.zoom ? b : a));
}
