import { describeKind, type LinkKind } from '../../catalog/catalog';
import type { Design } from '../../model/types';
import { NOTE_SIZE } from '../../ops/boundaries';
import { CARD_SIZE, bounds, cardRect, linkCurve, num, type Rect } from './geometry';

/**
 * A small picture of a design, for a template gallery or a file list: the cards as rounded
 * boxes with their kind's colour, the links as the curves the canvas draws, boundaries and notes
 * as outlines. No text is laid out and nothing is measured, so it is cheap to make for every
 * template at once; the caller draws the shapes (as SVG in the page) in the page's own colours.
 */
export interface Thumbnail {
  /** `x y width height` of the content with a margin, for the SVG's viewBox. */
  viewBox: string;
  cards: { id: string; x: number; y: number; width: number; height: number; color: string }[];
  links: { id: string; kind: LinkKind; d: string }[];
  boundaries: { id: string; x: number; y: number; width: number; height: number; color: string }[];
  notes: { id: string; x: number; y: number; width: number; height: number }[];
}

export function designThumbnail(design: Design, margin = 24): Thumbnail {
  const rects = new Map(design.nodes.map((n) => [n.id, cardRect(n, CARD_SIZE)]));
  const links: Thumbnail['links'] = [];
  const points: [number, number][] = [];
  for (const l of design.links) {
    const s = rects.get(l.source);
    const t = rects.get(l.target);
    if (!s || !t) continue;
    const [p0, p1, p2, p3] = linkCurve(s, t).points;
    points.push(p0, p3);
    links.push({
      id: l.id,
      kind: l.kind,
      d: `M${num(p0[0])},${num(p0[1])} C${num(p1[0])},${num(p1[1])} ${num(p2[0])},${num(p2[1])} ${num(p3[0])},${num(p3[1])}`,
    });
  }
  const boundaries = (design.boundaries ?? []).map((b) => ({
    id: b.id,
    x: b.position.x,
    y: b.position.y,
    width: b.width,
    height: b.height,
    color: b.color,
  }));
  const notes = (design.notes ?? []).map((n) => ({ id: n.id, ...n.position, ...NOTE_SIZE }));
  const all: Rect[] = [...rects.values(), ...boundaries, ...notes];
  const box = bounds(all, points) ?? { x: 0, y: 0, width: CARD_SIZE.width, height: CARD_SIZE.height };
  return {
    viewBox: [box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin].map(num).join(' '),
    cards: design.nodes.map((n) => ({ id: n.id, ...rects.get(n.id)!, color: describeKind(n.kind).color })),
    links,
    boundaries,
    notes,
  };
}
