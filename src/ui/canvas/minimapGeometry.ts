/**
 * The minimap's geometry, kept pure so that it can be tested without a browser: which part of the
 * flow the minimap shows, and how a point on the minimap maps to the flow and back.
 */
import type { Viewport, XY } from '../../core';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the minimap needs of a node: where it is, how big (if measured) and whether it is shown. */
export interface MinimapNodeLike {
  position: XY;
  measured?: { width?: number; height?: number };
  width?: number;
  height?: number;
  hidden?: boolean;
}

/** A node's box in flow coordinates; an unmeasured node gets `fallback`, a bad number gets 0. */
export function nodeRect(n: MinimapNodeLike, fallback: { width: number; height: number }): Rect | null {
  const { x, y } = n.position;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const width = n.measured?.width ?? n.width ?? fallback.width;
  const height = n.measured?.height ?? n.height ?? fallback.height;
  return {
    x,
    y,
    width: Number.isFinite(width) && width > 0 ? width : 0,
    height: Number.isFinite(height) && height > 0 ? height : 0,
  };
}

/** The box around every shown node, or null when no node is shown. One pass, no allocation per node. */
export function nodesBounds(
  nodes: readonly MinimapNodeLike[],
  fallback: { width: number; height: number },
): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    if (n.hidden) continue;
    const r = nodeRect(n, fallback);
    if (!r) continue;
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * What the minimap pictures besides the view: the cards and the boundaries and notes, so that a
 * note far from every card is in the picture too. Null when nothing is shown.
 */
export function contentBounds(
  cards: readonly MinimapNodeLike[],
  areas: readonly MinimapNodeLike[],
  fallback: { width: number; height: number },
): Rect | null {
  const c = nodesBounds(cards, fallback);
  const a = areas.length === 0 ? null : nodesBounds(areas, fallback);
  return a ? unionRect(a, c) : c;
}

/** The part of the flow the pane shows, from React Flow's transform `[x, y, zoom]` and the pane size. */
export function viewRect(transform: readonly [number, number, number], width: number, height: number): Rect {
  const [tx, ty, zoom] = transform;
  const k = zoom > 0 && Number.isFinite(zoom) ? zoom : 1;
  return { x: -tx / k, y: -ty / k, width: Math.max(0, width) / k, height: Math.max(0, height) / k };
}

export function unionRect(a: Rect, b: Rect | null): Rect {
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/**
 * The flow area the minimap shows: `content` centred in a box of the minimap's aspect ratio, with
 * `padding` minimap pixels around it. `scale` is minimap pixels per flow unit. Never NaN or zero,
 * even for an empty flow or a pane that has no size yet.
 */
export interface MinimapFrame extends Rect {
  scale: number;
}

export function minimapFrame(content: Rect, size: { width: number; height: number }, padding = 5): MinimapFrame {
  const mw = Math.max(1, size.width - 2 * padding);
  const mh = Math.max(1, size.height - 2 * padding);
  const cw = Math.max(1, content.width);
  const ch = Math.max(1, content.height);
  const scale = Math.min(mw / cw, mh / ch);
  const width = size.width / scale;
  const height = size.height / scale;
  return {
    x: content.x + content.width / 2 - width / 2,
    y: content.y + content.height / 2 - height / 2,
    width,
    height,
    scale,
  };
}

export function sameFrame(a: MinimapFrame, b: MinimapFrame): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.scale === b.scale;
}

/** A flow point to minimap pixels (from the minimap's top left corner). */
export function toMinimap(frame: MinimapFrame, p: XY): XY {
  return { x: (p.x - frame.x) * frame.scale, y: (p.y - frame.y) * frame.scale };
}

/** A minimap pixel (from its top left corner) to a flow point. */
export function toFlow(frame: MinimapFrame, p: XY): XY {
  return { x: frame.x + p.x / frame.scale, y: frame.y + p.y / frame.scale };
}

/** The viewport that shows flow point `p` in the middle of a pane of the given size. */
export function centreOn(p: XY, zoom: number, pane: { width: number; height: number }): Viewport {
  return { x: pane.width / 2 - p.x * zoom, y: pane.height / 2 - p.y * zoom, zoom };
}

/**
 * The viewport after the pointer moved by `(dx, dy)` minimap pixels: the view rectangle follows the
 * pointer, as in React Flow's pannable minimap.
 */
export function panBy(vp: Viewport, dx: number, dy: number, frame: MinimapFrame): Viewport {
  const k = vp.zoom / frame.scale;
  return { x: vp.x - dx * k, y: vp.y - dy * k, zoom: vp.zoom };
}

/**
 * The viewport after a wheel step over the minimap: zooms around the middle of the pane, keeping
 * the zoom within `[min, max]`. `deltaY` and `deltaMode` as in a WheelEvent (React Flow's factors).
 */
export function zoomBy(
  vp: Viewport,
  deltaY: number,
  deltaMode: number,
  pane: { width: number; height: number },
  limits: { min: number; max: number },
): Viewport {
  const step = deltaMode === 1 ? 0.05 : deltaMode ? 1 : 0.002;
  const wanted = vp.zoom * Math.pow(2, -deltaY * step);
  const zoom = Math.min(limits.max, Math.max(limits.min, Number.isNaN(wanted) ? vp.zoom : wanted));
  const centre = { x: (pane.width / 2 - vp.x) / vp.zoom, y: (pane.height / 2 - vp.y) / vp.zoom };
  return centreOn(centre, zoom, pane);
}

/** The view rectangle in minimap pixels; everything around it is masked. */
export function viewOnMinimap(frame: MinimapFrame, view: Rect): Rect {
  const at = toMinimap(frame, view);
  return { x: at.x, y: at.y, width: view.width * frame.scale, height: view.height * frame.scale };
}

/** The minimap's size on a large pane, and on a small pane or a small window. */
export const MINIMAP_LARGE = { width: 200, height: 150 } as const;
export const MINIMAP_SMALL = { width: 136, height: 102 } as const;
/** React Flow's margin around a panel in a corner of the pane. */
export const PANEL_MARGIN = 15;

/** How big the minimap is: smaller on a small screen, where the pane needs every pixel. */
export function minimapSize(pane: { width: number; height: number }, windowWidth: number) {
  return windowWidth < 1200 || pane.width < 720 || pane.height < 520 ? MINIMAP_SMALL : MINIMAP_LARGE;
}

/** The corner of the pane the minimap takes, with its margin and a little air around it. */
export function minimapCorner(pane: { width: number; height: number }, windowWidth: number) {
  const s = minimapSize(pane, windowWidth);
  return { width: s.width + PANEL_MARGIN + 8, height: s.height + PANEL_MARGIN + 8 };
}
