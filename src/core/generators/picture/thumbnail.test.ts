import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../templates';
import { addBoundary, addNote } from '../../ops/boundaries';
import { designThumbnail } from './thumbnail';

describe('design thumbnails', () => {
  it('draws one card per node and one curve per link of every template, inside its viewBox', () => {
    for (const t of TEMPLATES) {
      const design = t.build();
      const thumb = designThumbnail(design);
      expect(thumb.cards, t.id).toHaveLength(design.nodes.length);
      expect(thumb.links, t.id).toHaveLength(design.links.length);
      const [x, y, w, h] = thumb.viewBox.split(' ').map(Number) as [number, number, number, number];
      for (const c of thumb.cards) {
        expect(c.x).toBeGreaterThanOrEqual(x);
        expect(c.y).toBeGreaterThanOrEqual(y);
        expect(c.x + c.width).toBeLessThanOrEqual(x + w);
        expect(c.y + c.height).toBeLessThanOrEqual(y + h);
        expect(c.color).toMatch(/^#[0-9a-f]{6}$/i);
      }
      for (const l of thumb.links) expect(l.d).toMatch(/^M[-\d.]+,[-\d.]+ C/);
    }
  });

  it('frames boundaries and notes too, and an empty design still gets a viewBox', () => {
    const base = TEMPLATES[0]!.build();
    const withBoundary = addBoundary(base, { position: { x: -900, y: -400 } });
    if (!withBoundary.ok) throw new Error(withBoundary.reason);
    const withNote = addNote(withBoundary.design, { position: { x: 3000, y: 2000 }, text: 'hi' });
    if (!withNote.ok) throw new Error(withNote.reason);
    const thumb = designThumbnail(withNote.design);
    expect(thumb.boundaries).toHaveLength(1);
    expect(thumb.notes).toHaveLength(1);
    const [x, y, w, h] = thumb.viewBox.split(' ').map(Number) as [number, number, number, number];
    expect(x).toBeLessThanOrEqual(-900);
    expect(y).toBeLessThanOrEqual(-400);
    expect(x + w).toBeGreaterThanOrEqual(3200);
    expect(y + h).toBeGreaterThanOrEqual(2120);
    expect(designThumbnail({ ...base, nodes: [], links: [] }).viewBox).toBe('-24 -24 272 108');
  });
});
