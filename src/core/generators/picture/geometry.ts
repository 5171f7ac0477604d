import type { DesignNode } from '../../model/types';

/**
 * Where cards sit and how links curve, computed the way the canvas does (React Flow's bezier
 * edges between the handles on the sides of the cards), so the picture matches the screen.
 */

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Side = 'left' | 'right' | 'top' | 'bottom';

/** A card's size before the canvas has measured it (the CSS card is 224 px wide). */
export const CARD_SIZE: Size = { width: 224, height: 60 };

/** A handle is 11 px wide and centred on the card's border: links start at its outer edge. */
const HANDLE_REACH = 5.5;

const finite = (n: number, fallback = 0) => (Number.isFinite(n) ? n : fallback);

/** A node's card: its position and its measured size (or the default), with sane numbers. */
export function cardRect(node: DesignNode, size: Size | undefined): Rect {
  const width = size && finite(size.width) > 0 ? size.width : CARD_SIZE.width;
  const height = size && finite(size.height) > 0 ? size.height : CARD_SIZE.height;
  return { x: finite(node.position.x), y: finite(node.position.y), width, height };
}

/**
 * Which sides a link leaves and enters so that it never cuts through a card when the target
 * sits left of or below its source. Sideways wins unless the cards are stacked.
 */
export function linkSides(s: Rect, t: Rect): [Side, Side] {
  const dx = t.x + t.width / 2 - (s.x + s.width / 2);
  const dy = t.y + t.height / 2 - (s.y + s.height / 2);
  const gapX = Math.abs(dx) - (s.width + t.width) / 2;
  const gapY = Math.abs(dy) - (s.height + t.height) / 2;
  if (gapX > 24 || gapX >= gapY) return dx >= 0 ? ['right', 'left'] : ['left', 'right'];
  return dy >= 0 ? ['bottom', 'top'] : ['top', 'bottom'];
}

function anchor(r: Rect, side: Side): [number, number] {
  switch (side) {
    case 'left':
      return [r.x - HANDLE_REACH, r.y + r.height / 2];
    case 'right':
      return [r.x + r.width + HANDLE_REACH, r.y + r.height / 2];
    case 'top':
      return [r.x + r.width / 2, r.y - HANDLE_REACH];
    case 'bottom':
      return [r.x + r.width / 2, r.y + r.height + HANDLE_REACH];
  }
}

function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

function control(side: Side, x1: number, y1: number, x2: number, y2: number): [number, number] {
  switch (side) {
    case 'left':
      return [x1 - controlOffset(x1 - x2), y1];
    case 'right':
      return [x1 + controlOffset(x2 - x1), y1];
    case 'top':
      return [x1, y1 - controlOffset(y1 - y2)];
    case 'bottom':
      return [x1, y1 + controlOffset(y2 - y1)];
  }
}

export interface Curve {
  /** Start, first control, second control, end. */
  points: [[number, number], [number, number], [number, number], [number, number]];
  /** The curve's middle, where its label sits. */
  mid: [number, number];
}

/** The cubic bezier of a link between two cards. */
export function linkCurve(s: Rect, t: Rect): Curve {
  const [from, to] = linkSides(s, t);
  const [sx, sy] = anchor(s, from);
  const [tx, ty] = anchor(t, to);
  const c1 = control(from, sx, sy, tx, ty);
  const c2 = control(to, tx, ty, sx, sy);
  const mid: [number, number] = [
    sx * 0.125 + c1[0] * 0.375 + c2[0] * 0.375 + tx * 0.125,
    sy * 0.125 + c1[1] * 0.375 + c2[1] * 0.375 + ty * 0.125,
  ];
  return { points: [[sx, sy], c1, c2, [tx, ty]], mid };
}

/** The smallest rectangle holding all the rectangles and points; null when there are none. */
export function bounds(rects: readonly Rect[], points: readonly (readonly [number, number])[]): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (minX > maxX) return null;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** A number for an SVG attribute: at most two decimals, no "-0", never NaN. */
export function num(n: number): string {
  const r = Math.round(finite(n) * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}
