import { describe, expect, it } from 'vitest';
import { restore } from '../model/restore';
import { checkDesign } from '../checks';
import { TEMPLATES } from './index';
import { CARD_SIZE, cardRect, linkCurve, type Rect } from '../generators/picture/geometry';
import { linkLabel } from '../generators/picture/style';
import { labelTagSize } from '../layout/labelRoom';
import type { Design } from '../model/types';

const meets = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Each card, and each link's label tag where the canvas and the pictures put it. */
function drawn(d: Design) {
  const cards = new Map(d.nodes.map((n) => [n.id, cardRect(n, CARD_SIZE)]));
  const kinds = new Map(d.nodes.map((n) => [n.id, n.kind]));
  const links = d.links.map((l) => {
    const curve = linkCurve(cards.get(l.source)!, cards.get(l.target)!);
    const tag = labelTagSize(linkLabel(l, kinds.get(l.source)));
    const label = { x: curve.mid[0] - tag.width / 2, y: curve.mid[1] - tag.height / 2, ...tag };
    return { link: l, curve, label };
  });
  return { cards, links };
}

/** Points along a cubic bezier, its ends left out (they touch their own cards). */
function along(points: [number, number][]): [number, number][] {
  const [p0, p1, p2, p3] = points as [[number, number], [number, number], [number, number], [number, number]];
  const out: [number, number][] = [];
  for (let i = 1; i < 40; i++) {
    const t = i / 40;
    const u = 1 - t;
    const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t] as const;
    out.push([
      w[0] * p0[0] + w[1] * p1[0] + w[2] * p2[0] + w[3] * p3[0],
      w[0] * p0[1] + w[1] * p1[1] + w[2] * p2[1] + w[3] * p3[1],
    ]);
  }
  return out;
}

describe('templates', () => {
  it('have unique ids and two sentences on what they teach', () => {
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(6);
    for (const t of TEMPLATES) expect(t.teaches.match(/[.!?](\s|$)/g)?.length).toBe(2);
  });

  for (const t of TEMPLATES) {
    it(`${t.id} builds a design that survives a save and load unchanged`, () => {
      const d = t.build();
      expect(d.nodes.length).toBeGreaterThan(1);
      const r = restore(JSON.parse(JSON.stringify(d)));
      expect(r.ok && r.warnings).toEqual([]);
      expect(r.ok && r.design).toEqual(d);
    });

    it(`${t.id} has no cards on each other, every label clear of every card, no line through a card`, () => {
      const d = t.build();
      const { cards, links } = drawn(d);
      const name = (id: string) => d.nodes.find((n) => n.id === id)!.name;
      const problems: string[] = [];
      const list = [...cards];
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++)
          if (meets(list[i]![1], list[j]![1])) problems.push(`${name(list[i]![0])} overlaps ${name(list[j]![0])}`);
      for (const { link, curve, label } of links) {
        const what = `${name(link.source)} → ${name(link.target)}`;
        for (const [id, card] of cards) {
          if (meets(label, card)) problems.push(`the label of ${what} is on ${name(id)}`);
          if (id === link.source || id === link.target) continue;
          if (along(curve.points).some(([x, y]) => meets({ x, y, width: 0.01, height: 0.01 }, card)))
            problems.push(`${what} runs through ${name(id)}`);
        }
      }
      for (let i = 0; i < links.length; i++)
        for (let j = i + 1; j < links.length; j++)
          if (meets(links[i]!.label, links[j]!.label)) problems.push(`two labels meet`);
      expect(problems).toEqual([]);
    });

    it(`${t.id} has no errors in the design checker`, () => {
      expect(checkDesign(t.build()).filter((f) => f.severity === 'error')).toEqual([]);
    });
  }
});
