import { describeKind, type NodeKind } from '../../core';
import { NODE_SIZE } from './flowModel';
import { afterDrawnAndIdle } from '../idle';
import {
  nodeRect,
  nodesBounds,
  sameFrame,
  type MinimapFrame,
  type MinimapNodeLike,
  type Rect,
} from './minimapGeometry';

/**
 * Paints the minimap's nodes on three canvases. The still layer holds every card that did not move
 * lately; it is painted once and then only placed and scaled by CSS as the shown area changes, so a
 * pan costs no drawing at all. The moving layer holds the few cards that changed since (the ones
 * being dragged) and is all that a drag step repaints. Under both, the area layer holds the
 * boundaries and sticky notes: placed and scaled by CSS like the still layer, and painted again only
 * when one of them changes (they are few), so a boundary's move or resize never repaints the cards.
 */

export interface MinimapNode extends MinimapNodeLike {
  id: string;
  data: { kind: NodeKind };
}

/**
 * A boundary (`type: 'boundary'`, `data.color` its `#rrggbb` colour) or a sticky note (`type: 'note'`),
 * as the canvas hands them to React Flow (areaModel.ts).
 */
export interface MinimapArea extends MinimapNodeLike {
  id: string;
  type?: string;
  data: Record<string, unknown>;
}

/** The colours of the theme the minimap paints with (read from the page's CSS variables). */
export interface MinimapLook {
  noteFill: string;
  noteLine: string;
}

/** The light theme's note colours (app.css), for when the page's variables cannot be read. */
export const DEFAULT_LOOK: MinimapLook = { noteFill: '#fef9c3', noteLine: '#eab308' };

/** The large size of the minimap, in CSS pixels (see minimapSize for the small one). */
export { MINIMAP_LARGE as MINIMAP_SIZE } from './minimapGeometry';
const RADIUS = 6;
/** More nodes changed at once than this (a layout, an undo) repaint everything. */
const MAX_MOVING = 32;
/** CSS scales the still layer while the minimap's scale stays within these ratios of its own. */
const MIN_RATIO = 0.8;
const MAX_RATIO = 1.25;
/** Margin of the still layer in CSS pixels, so that the edges of the outer nodes stay smooth. */
const PAD = 2;

const NONE: ReadonlySet<string> = new Set();
/** The longest the first picture waits for an idle page. */
const FIRST_PAINT_WAIT_MS = 500;
const NO_AREAS: readonly MinimapArea[] = [];
/** A boundary's fill, as a share of its colour: a tint, so that its cards stand out on it. */
export const BOUNDARY_TINT = 0.18;
/** Widths of the outlines in minimap pixels, whatever the scale. */
export const BOUNDARY_LINE = 2;
export const NOTE_LINE = 1;
/** The colour of a boundary whose colour is not `#rrggbb` (the first of BOUNDARY_COLORS). */
const BOUNDARY_FALLBACK = '#6366f1';

export interface LayerPlan {
  /** Ids of the nodes on the moving layer. */
  moving: ReadonlySet<string>;
  /** The nodes whose object changed since the last paint. */
  changed: MinimapNode[];
  /** The still layer must be painted again (its set of nodes changed). */
  repaintStill: boolean;
}

/**
 * Which nodes go on the moving layer, given the node objects painted last (`painted`, by id) and
 * the nodes now. Node objects are replaced only when they change (see flowModel.ts), so a drag step
 * changes one object or a few: those stay on the moving layer and the still layer is left alone.
 */
export function planLayers(
  painted: ReadonlyMap<string, MinimapNode> | null,
  moving: ReadonlySet<string>,
  nodes: readonly MinimapNode[],
  maxMoving = MAX_MOVING,
  /**
   * The list `painted` was made from, if known: a node that is the same object at the same index is
   * unchanged without a look-up by id (a drag step keeps every other object in its place; at 2,000
   * cards the look-ups were most of the minimap's time in a drag).
   */
  previous: readonly MinimapNode[] | null = null,
): LayerPlan {
  const all = { moving: NONE, changed: [], repaintStill: true };
  if (!painted || painted.size !== nodes.length) return all;
  const changed: MinimapNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (previous?.[i] === n) continue;
    const was = painted.get(n.id);
    if (was === n) continue;
    // A new id among as many nodes as before: one was removed.
    if (!was || changed.length >= maxMoving) return all;
    changed.push(n);
  }
  if (changed.every((n) => moving.has(n.id))) return { moving, changed, repaintStill: false };
  return { moving: new Set(changed.map((n) => n.id)), changed, repaintStill: true };
}

/**
 * The corner radius a card is drawn with on the minimap, in flow units, when one flow unit is drawn
 * `devicePixels` device pixels wide (at most): none when the corner would round off less than half
 * a device pixel, where a plain rectangle looks the same and costs far less to draw (a design of
 * thousands of cards is drawn at a fraction of a pixel per card).
 */
export function cornerRadius(r: Rect, devicePixels: number): number {
  const radius = Math.min(RADIUS, r.width / 2, r.height / 2);
  return radius * devicePixels < 0.5 ? 0 : radius;
}

/**
 * Fills each node's rectangle in its kind's colour, rounded where that shows at `devicePixels` per
 * flow unit (`cornerRadius`): one path and one fill per colour.
 */
function fillNodes(ctx: CanvasRenderingContext2D, nodes: Iterable<MinimapNode>, devicePixels: number) {
  const colors = new Map<NodeKind, string>();
  const paths = new Map<string, Path2D>();
  for (const n of nodes) {
    if (n.hidden) continue;
    const r = nodeRect(n, NODE_SIZE);
    if (!r) continue;
    let color = colors.get(n.data.kind);
    if (color === undefined) colors.set(n.data.kind, (color = describeKind(n.data.kind).color));
    let path = paths.get(color);
    if (!path) paths.set(color, (path = new Path2D()));
    const radius = cornerRadius(r, devicePixels);
    if (radius > 0 && typeof path.roundRect === 'function') path.roundRect(r.x, r.y, r.width, r.height, radius);
    else path.rect(r.x, r.y, r.width, r.height);
  }
  for (const [color, path] of paths) {
    ctx.fillStyle = color;
    ctx.fill(path);
  }
}

/** What paintAreas needs of a 2D context (a subset of CanvasRenderingContext2D). */
export interface AreaContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  globalAlpha: number;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
}

/** Whether two lists hold the same area objects in the same order (objects change only when their area does). */
export function sameAreas(a: readonly MinimapArea[] | null, b: readonly MinimapArea[]): boolean {
  if (a === b) return true;
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Paints boundaries as tinted areas outlined in their colour, then notes as note-coloured
 * rectangles, as the canvas draws them. `scale`: minimap pixels per flow unit of the context's
 * transform, so that the outlines keep their width in minimap pixels.
 */
export function paintAreas(ctx: AreaContext, areas: readonly MinimapArea[], look: MinimapLook, scale: number) {
  const k = scale > 0 && Number.isFinite(scale) ? scale : 1;
  const notes: Rect[] = [];
  for (const a of areas) {
    if (a.hidden) continue;
    const r = nodeRect(a, NODE_SIZE);
    if (!r) continue;
    if (a.type === 'note') {
      notes.push(r);
      continue;
    }
    if (a.type !== 'boundary') continue;
    const color = typeof a.data.color === 'string' && isHexColor(a.data.color) ? a.data.color : BOUNDARY_FALLBACK;
    ctx.fillStyle = color;
    ctx.strokeStyle = color;
    ctx.globalAlpha = BOUNDARY_TINT;
    ctx.fillRect(r.x, r.y, r.width, r.height);
    ctx.globalAlpha = 1;
    ctx.lineWidth = BOUNDARY_LINE / k;
    ctx.strokeRect(r.x, r.y, r.width, r.height);
  }
  if (notes.length === 0) return;
  ctx.globalAlpha = 1;
  ctx.fillStyle = look.noteFill;
  for (const r of notes) ctx.fillRect(r.x, r.y, r.width, r.height);
  ctx.strokeStyle = look.noteLine;
  ctx.lineWidth = NOTE_LINE / k;
  for (const r of notes) ctx.strokeRect(r.x, r.y, r.width, r.height);
}

const isHexColor = (v: string) => /^#[0-9a-fA-F]{6}$/.test(v);

function resize(canvas: HTMLCanvasElement, width: number, height: number) {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
}

/**
 * A layer painted at one scale around its own items' bounds and then only placed and scaled by CSS
 * (the still layer and the area layer): a pan moves it without drawing.
 */
function createPlacedLayer<T extends MinimapNodeLike>(
  /** Draws the items; `scale` is CSS pixels and `k` device pixels per flow unit as painted. */
  draw: (ctx: CanvasRenderingContext2D, items: readonly T[], scale: number, k: number) => void,
) {
  let canvas: HTMLCanvasElement | null = null;
  // Where it was painted: its flow bounds (null: nothing to show) and scale.
  let at: { bounds: Rect | null; scale: number; dpr: number } | null = null;
  return {
    attach(c: HTMLCanvasElement | null) {
      canvas = c;
      at = null;
    },
    forget() {
      at = null;
    },
    /** Whether it must be painted again for this scale and pixel ratio (CSS scales it only so far). */
    stale(scale: number, dpr: number): boolean {
      if (!at || at.dpr !== dpr) return true;
      const ratio = scale / at.scale;
      return ratio < MIN_RATIO || ratio > MAX_RATIO;
    },
    paint(items: readonly T[], scale: number, dpr: number) {
      if (!canvas) return;
      const bounds = nodesBounds(items, NODE_SIZE);
      at = { bounds, scale, dpr };
      if (!bounds) {
        canvas.style.display = 'none';
        return;
      }
      const width = bounds.width * scale + 2 * PAD;
      const height = bounds.height * scale + 2 * PAD;
      resize(canvas, Math.max(1, Math.ceil(width * dpr)), Math.max(1, Math.ceil(height * dpr)));
      canvas.style.display = '';
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      const k = scale * dpr;
      ctx.setTransform(k, 0, 0, k, (PAD - bounds.x * scale) * dpr, (PAD - bounds.y * scale) * dpr);
      draw(ctx, items, scale, k);
    },
    place(frame: MinimapFrame) {
      const b = at?.bounds;
      if (!canvas || !at || !b) return;
      const s = frame.scale / at.scale;
      const x = (b.x - frame.x) * frame.scale - PAD * s;
      const y = (b.y - frame.y) * frame.scale - PAD * s;
      canvas.style.transform = `translate(${x}px, ${y}px) scale(${s})`;
    },
  };
}

interface Scene {
  nodes: readonly MinimapNode[];
  areas: readonly MinimapArea[];
  look: MinimapLook;
  frame: MinimapFrame;
}

export function createPainter() {
  let moving: HTMLCanvasElement | null = null;
  let raf = 0;
  /** The first picture waits until the page is idle, so that the cards of a design being opened are drawn first. */
  let firstPainted = false;
  let cancelIdle: (() => void) | null = null;
  let next: Scene | null = null;
  let last: (Scene & { dpr: number }) | null = null;
  let painted: Map<string, MinimapNode> | null = null;
  let paintedAreas: readonly MinimapArea[] | null = null;
  let paintedLook: MinimapLook | null = null;
  let movingIds: ReadonlySet<string> = NONE;
  let movingShown = false;
  // the still layer is shown up to MAX_RATIO larger than painted before it is painted again
  const still = createPlacedLayer<MinimapNode>((ctx, nodes, _scale, k) => fillNodes(ctx, nodes, k * MAX_RATIO));
  const areaLayer = createPlacedLayer<MinimapArea>((ctx, areas, scale) =>
    paintAreas(ctx, areas, paintedLook ?? DEFAULT_LOOK, scale),
  );
  let attached = false;

  function paintMoving(frame: MinimapFrame, dpr: number) {
    if (!moving || !painted || (movingIds.size === 0 && !movingShown)) return;
    // The minimap's size in CSS pixels is the frame's flow size at the frame's scale.
    resize(moving, Math.round(frame.width * frame.scale * dpr), Math.round(frame.height * frame.scale * dpr));
    const ctx = moving.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, moving.width, moving.height);
    movingShown = movingIds.size > 0;
    if (!movingShown) return;
    const k = dpr * frame.scale;
    ctx.setTransform(k, 0, 0, k, -frame.x * k, -frame.y * k);
    const map = painted;
    fillNodes(
      ctx,
      [...movingIds].flatMap((id) => map.get(id) ?? []),
      k,
    );
  }

  /** A paint in the next animation frame, or, before the first picture, once the page is idle. */
  function schedule() {
    if (raf || cancelIdle) return;
    if (firstPainted) raf = requestAnimationFrame(paint);
    else
      cancelIdle = afterDrawnAndIdle(() => {
        cancelIdle = null;
        paint();
      }, FIRST_PAINT_WAIT_MS);
  }

  function paint() {
    raf = 0;
    if (!attached || !next) return;
    firstPainted = true;
    const { nodes, areas, look, frame } = next;
    const dpr = window.devicePixelRatio || 1;
    let repaintStill = still.stale(frame.scale, dpr);
    if (nodes !== last?.nodes) {
      const plan = planLayers(painted, movingIds, nodes, MAX_MOVING, last?.nodes ?? null);
      if (plan.repaintStill && (plan.changed.length === 0 || !painted)) {
        painted = new Map(nodes.map((n) => [n.id, n]));
      } else if (painted) for (const n of plan.changed) painted.set(n.id, n);
      movingIds = plan.moving;
      repaintStill ||= plan.repaintStill;
    }
    if (repaintStill) {
      still.paint(movingIds.size === 0 ? nodes : nodes.filter((n) => !movingIds.has(n.id)), frame.scale, dpr);
    }
    still.place(frame);
    // The area list is rebuilt with the cards; its objects change only when a boundary or note does.
    if (look !== paintedLook || !sameAreas(paintedAreas, areas) || areaLayer.stale(frame.scale, dpr)) {
      paintedLook = look;
      paintedAreas = areas;
      areaLayer.paint(areas, frame.scale, dpr);
    }
    areaLayer.place(frame);
    if (!last || last.nodes !== nodes || last.dpr !== dpr || !sameFrame(last.frame, frame)) paintMoving(frame, dpr);
    last = { ...next, dpr };
  }

  return {
    attach(
      stillLayer: HTMLCanvasElement | null,
      movingLayer: HTMLCanvasElement | null,
      areasLayer: HTMLCanvasElement | null = null,
    ) {
      still.attach(stillLayer);
      areaLayer.attach(areasLayer);
      attached = stillLayer !== null && movingLayer !== null;
      moving = movingLayer;
      last = null;
      painted = null;
      paintedAreas = null;
      movingIds = NONE;
      movingShown = true;
      if (next && attached) schedule();
    },
    /**
     * Asks for a paint in the next frame; nothing is drawn when neither the cards, the areas, the
     * colours nor the frame changed, and a frame that the painted layers still cover is placed at once.
     */
    update(nodes: readonly MinimapNode[], frame: MinimapFrame, areas = NO_AREAS, look = DEFAULT_LOOK) {
      next = { nodes, areas, look, frame };
      const dpr = window.devicePixelRatio || 1;
      if (last && last.nodes === nodes && last.areas === areas && last.look === look && last.dpr === dpr) {
        if (sameFrame(last.frame, frame)) return;
        // Only the frame moved (a pan or zoom) and the painted layers still serve at its scale: they
        // are placed now, in the same frame as the canvas, without waiting for an animation frame.
        if (!raf && attached && !still.stale(frame.scale, dpr) && !areaLayer.stale(frame.scale, dpr)) {
          paint();
          return;
        }
      }
      schedule();
    },
    /** Paints everything again at the current device pixel ratio (the page was zoomed). */
    redraw() {
      still.forget();
      areaLayer.forget();
      last = null;
      if (next) schedule();
    },
    dispose() {
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
      cancelIdle?.();
      cancelIdle = null;
    },
  };
}
