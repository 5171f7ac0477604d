import { approximateWidth } from '../generators/picture/text';
import type { XY } from '../model/types';

/**
 * Room for link labels: how big a label's tag is, how far apart links between the same two cards
 * are drawn, and how far cards must stand apart for the labels between them to show whole. The
 * canvas, the presenter, auto-layout, the templates and the pictures all use these numbers, so a
 * layout that leaves room on one leaves it on all of them.
 */

export interface BoxSize {
  width: number;
  height: number;
}

/** Padding of a label's tag around its text, as the canvas draws it. */
export const LABEL_PAD = { x: 6, y: 3 } as const;
/** The canvas's label font size (px); the presenter's is larger. */
export const LABEL_FONT = 11.5;
export const PRESENTER_LABEL_FONT = 16;
/** Free space kept on each side of a label, between it and the cards at the ends of its link. */
export const LABEL_MARGIN = 14;

/** The size of a label's tag (text and padding), estimated without a browser. */
export function labelTagSize(text: string, fontSize = LABEL_FONT): BoxSize {
  return {
    // The estimate runs a little short of real fonts: 12 % more keeps a label clear of the cards.
    width: Math.ceil(approximateWidth(text, fontSize, 600) * 1.12 + 2 * LABEL_PAD.x),
    height: Math.ceil(fontSize * 1.25 + 2 * LABEL_PAD.y),
  };
}

/** The distance between the labels (and lines) of two links between the same cards. */
export function laneStep(fontSize = LABEL_FONT): number {
  return labelTagSize('', fontSize).height + 6;
}

/** The gap two cards need side by side for a label (or `lanes` labels stacked) between them. */
export function gapForLabel(label: BoxSize, lanes = 1, fontSize = LABEL_FONT): { x: number; y: number } {
  const stacked = label.height + (lanes - 1) * laneStep(fontSize);
  return { x: label.width + 2 * LABEL_MARGIN, y: stacked + 2 * LABEL_MARGIN };
}

export interface EndPoints {
  id: string;
  source: string;
  target: string;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Lanes for links that join the same two cards (A→B and B→A, or two kinds of link): each gets a
 * lane number centred on 0 (-0.5 and 0.5 for two, -1, 0 and 1 for three), the same whichever way
 * the link points, so the links are drawn side by side with their labels apart. Links alone
 * between their cards get no entry (lane 0).
 */
export function linkLanes(links: readonly EndPoints[]): Map<string, number> {
  const groups = new Map<string, string[]>();
  for (const l of links) {
    if (l.source === l.target) continue;
    const key = pairKey(l.source, l.target);
    const g = groups.get(key);
    if (g) g.push(l.id);
    else groups.set(key, [l.id]);
  }
  const lanes = new Map<string, number>();
  for (const ids of groups.values()) {
    if (ids.length < 2) continue;
    ids.forEach((id, i) => lanes.set(id, i - (ids.length - 1) / 2));
  }
  return lanes;
}

/** How many links join the same two cards as each link (1 when it is alone). */
export function laneCounts(links: readonly EndPoints[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of links) counts.set(pairKey(l.source, l.target), (counts.get(pairKey(l.source, l.target)) ?? 0) + 1);
  return new Map(links.map((l) => [l.id, counts.get(pairKey(l.source, l.target)) ?? 1]));
}

export interface SpreadLink extends EndPoints {
  /** The label's tag size at the size it will be drawn. */
  label: BoxSize;
}

export interface SpreadOptions {
  /** The size every card is drawn at. */
  card: BoxSize;
  /** The label font size (for the distance between stacked labels). */
  fontSize?: number;
}

/**
 * Positions moved apart so that every link's label fits between the two cards it joins, with
 * {@link LABEL_MARGIN} to spare on both sides. The move keeps the layout's order on each axis:
 * where a link between two cards side by side needs more room, every card from the right one on
 * moves right by what is missing (and likewise downwards for cards above each other), so no two
 * cards come closer and nothing overlaps that did not before. Gaps that are wide enough stay as
 * they are. Pure and deterministic.
 */
export function spreadForLabels(
  positions: ReadonlyMap<string, XY>,
  links: readonly SpreadLink[],
  options: SpreadOptions,
): Map<string, XY> {
  const out = new Map<string, XY>();
  for (const [id, p] of positions) out.set(id, { x: p.x, y: p.y });
  const { card } = options;
  const counts = laneCounts(links);
  const usable = links.filter((l) => l.source !== l.target && out.has(l.source) && out.has(l.target));
  // Each pass can only widen gaps, so the fixed point comes within one pass per link.
  for (let pass = 0; pass <= usable.length; pass++) {
    let moved = false;
    for (const l of usable) {
      const s = out.get(l.source)!;
      const t = out.get(l.target)!;
      const need = gapForLabel(l.label, counts.get(l.id) ?? 1, options.fontSize);
      const dx = Math.abs(t.x - s.x);
      const dy = Math.abs(t.y - s.y);
      const gapX = dx - card.width;
      const gapY = dy - card.height;
      // The same choice of sides as the canvas makes (sideways unless the cards are stacked).
      const sideways = gapX > 24 || gapX >= gapY;
      // Cards in one column (or one row) cannot be moved apart on that axis without changing the order.
      if (sideways && gapX < need.x && dx > 0) {
        const from = Math.max(s.x, t.x);
        shift(out, 'x', from, need.x - gapX);
        moved = true;
      } else if (!sideways && gapY < need.y && dy > 0) {
        const from = Math.max(s.y, t.y);
        shift(out, 'y', from, need.y - gapY);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return out;
}

function shift(points: Map<string, XY>, axis: 'x' | 'y', from: number, by: number): void {
  for (const [id, p] of points) if (p[axis] >= from) points.set(id, { ...p, [axis]: p[axis] + by });
}
