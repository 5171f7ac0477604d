import { describeKind, type NodeKind } from '../../core';
import { NODE_SIZE } from './flowModel';
import {
  nodeRect,
  nodesBounds,
  sameFrame,
  type MinimapFrame,
  type MinimapNodeLike,
  type Rect,
} from './minimapGeometry';

/**
 * Paints the minimap's nodes on two canvases. The still layer holds every node that did not move
 * lately; it is painted once and then only placed and scaled by CSS as the shown area changes, so a
 * pan costs no drawing at all. The moving layer holds the few nodes that changed since (the ones
 * being dragged) and is all that a drag step repaints.
 */

export interface MinimapNode extends MinimapNodeLike {
  id: string;
  data: { kind: NodeKind };
}

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
): LayerPlan {
  const all = { moving: NONE, changed: [], repaintStill: true };
  if (!painted || painted.size !== nodes.length) return all;
  const changed: MinimapNode[] = [];
  for (const n of nodes) {
    const was = painted.get(n.id);
    if (was === n) continue;
    // A new id among as many nodes as before: one was removed.
    if (!was || changed.length >= maxMoving) return all;
    changed.push(n);
  }
  if (changed.every((n) => moving.has(n.id))) return { moving, changed, repaintStill: false };
  return { moving: new Set(changed.map((n) => n.id)), changed, repaintStill: true };
}

/** Fills each node's rounded rectangle in its kind's colour: one path and one fill per colour. */
function fillNodes(ctx: CanvasRenderingContext2D, nodes: Iterable<MinimapNode>) {
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
    const radius = Math.min(RADIUS, r.width / 2, r.height / 2);
    if (typeof path.roundRect === 'function') path.roundRect(r.x, r.y, r.width, r.height, radius);
    else path.rect(r.x, r.y, r.width, r.height);
  }
  for (const [color, path] of paths) {
    ctx.fillStyle = color;
    ctx.fill(path);
  }
}

function resize(canvas: HTMLCanvasElement, width: number, height: number) {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
}

export function createPainter() {
  let still: HTMLCanvasElement | null = null;
  let moving: HTMLCanvasElement | null = null;
  let raf = 0;
  let next: { nodes: readonly MinimapNode[]; frame: MinimapFrame } | null = null;
  let last: { nodes: readonly MinimapNode[]; frame: MinimapFrame; dpr: number } | null = null;
  let painted: Map<string, MinimapNode> | null = null;
  let movingIds: ReadonlySet<string> = NONE;
  // Where the still layer was painted: its flow bounds (null: no still node) and scale.
  let stillAt: { bounds: Rect | null; scale: number; dpr: number } | null = null;
  let movingShown = false;

  function paintStill(nodes: readonly MinimapNode[], scale: number, dpr: number) {
    if (!still) return;
    const rest = movingIds.size === 0 ? nodes : nodes.filter((n) => !movingIds.has(n.id));
    const bounds = nodesBounds(rest, NODE_SIZE);
    stillAt = { bounds, scale, dpr };
    if (!bounds) {
      still.style.display = 'none';
      return;
    }
    const width = bounds.width * scale + 2 * PAD;
    const height = bounds.height * scale + 2 * PAD;
    resize(still, Math.max(1, Math.ceil(width * dpr)), Math.max(1, Math.ceil(height * dpr)));
    still.style.display = '';
    still.style.width = `${width}px`;
    still.style.height = `${height}px`;
    const ctx = still.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, still.width, still.height);
    const k = scale * dpr;
    ctx.setTransform(k, 0, 0, k, (PAD - bounds.x * scale) * dpr, (PAD - bounds.y * scale) * dpr);
    fillNodes(ctx, rest);
  }

  function placeStill(frame: MinimapFrame) {
    const b = stillAt?.bounds;
    if (!still || !stillAt || !b) return;
    const s = frame.scale / stillAt.scale;
    const x = (b.x - frame.x) * frame.scale - PAD * s;
    const y = (b.y - frame.y) * frame.scale - PAD * s;
    still.style.transform = `translate(${x}px, ${y}px) scale(${s})`;
  }

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
    );
  }

  function paint() {
    raf = 0;
    if (!still || !moving || !next) return;
    const { nodes, frame } = next;
    const dpr = window.devicePixelRatio || 1;
    let repaintStill = !stillAt || stillAt.dpr !== dpr;
    if (nodes !== last?.nodes) {
      const plan = planLayers(painted, movingIds, nodes);
      if (plan.repaintStill && (plan.changed.length === 0 || !painted)) {
        painted = new Map(nodes.map((n) => [n.id, n]));
      } else if (painted) for (const n of plan.changed) painted.set(n.id, n);
      movingIds = plan.moving;
      repaintStill ||= plan.repaintStill;
    }
    const ratio = stillAt ? frame.scale / stillAt.scale : 1;
    if (repaintStill || ratio < MIN_RATIO || ratio > MAX_RATIO) paintStill(nodes, frame.scale, dpr);
    placeStill(frame);
    if (!last || last.nodes !== nodes || last.dpr !== dpr || !sameFrame(last.frame, frame)) paintMoving(frame, dpr);
    last = { nodes, frame, dpr };
  }

  return {
    attach(stillLayer: HTMLCanvasElement | null, movingLayer: HTMLCanvasElement | null) {
      still = stillLayer;
      moving = movingLayer;
      last = null;
      painted = null;
      stillAt = null;
      movingIds = NONE;
      movingShown = true;
      if (next && !raf && still) raf = requestAnimationFrame(paint);
    },
    /** Asks for a paint in the next frame; nothing is drawn when neither the nodes nor the frame changed. */
    update(nodes: readonly MinimapNode[], frame: MinimapFrame) {
      next = { nodes, frame };
      const dpr = window.devicePixelRatio || 1;
      if (last && last.nodes === nodes && last.dpr === dpr && sameFrame(last.frame, frame)) return;
      if (!raf) raf = requestAnimationFrame(paint);
    },
    /** Paints everything again at the current device pixel ratio (the page was zoomed). */
    redraw() {
      stillAt = null;
      last = null;
      if (next && !raf) raf = requestAnimationFrame(paint);
    },
    dispose() {
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
    },
  };
}
