import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../../templates';
import { addBoundary, addNote, updateBoundary, updateNote } from '../../ops/ops';
import type { Design } from '../../model/types';
import { mermaidFlowchart } from '../docs/mermaid';
import { designToSvg } from './svg';
import { allElements, parseXml, textOf } from './wellFormed';

function withAreas(): Design {
  let d = new DesignBuilder('shop')
    .node('orders', 'python-fastapi', 40, 60)
    .node('pricing', 'go-nethttp', 340, 60)
    .node('web', 'node-express', 40, 600)
    .link('web', 'orders', { kind: 'rest' })
    .link('orders', 'pricing', { kind: 'rest' })
    .build();
  const b = addBoundary(d, { position: { x: 0, y: 0 }, id: 'b1' });
  if (!b.ok) throw new Error(b.reason);
  const named = updateBoundary(b.design, 'b1', { name: 'Ordering <core> & "co"', kind: 'team' });
  if (!named.ok) throw new Error(named.reason);
  const n = addNote(named.design, { position: { x: 700, y: 400 }, id: 'n1' });
  if (!n.ok) throw new Error(n.reason);
  const t = updateNote(n.design, 'n1', 'Start here\nthen follow the arrows');
  if (!t.ok) throw new Error(t.reason);
  d = t.design;
  return d;
}

describe('boundaries and notes in pictures', () => {
  it('the SVG draws each boundary with its name behind the cards, and each note with its text', () => {
    const d = withAreas();
    expect(d.boundaries?.[0]?.members).toHaveLength(2);
    const { svg, width, height } = designToSvg(d);
    const root = parseXml(svg);
    const groups = allElements(root).filter((e) => e.name === 'g');
    const boundary = groups.find((g) => g.attrs.class === 'pc-boundary');
    expect(boundary && textOf(boundary)).toContain('Ordering <core> & "co"');
    expect(boundary && textOf(boundary)).toContain('Team');
    const note = groups.find((g) => g.attrs.class === 'pc-note');
    expect(note && textOf(note)).toContain('Start here');
    expect(note && textOf(note)).toContain('then follow the arrows');
    // behind the links and the cards
    expect(svg.indexOf('class="pc-boundaries"')).toBeLessThan(svg.indexOf('class="pc-links"'));
    // the picture holds the note (its right edge at 900) and the boundary
    expect(width).toBeGreaterThanOrEqual(900);
    expect(height).toBeGreaterThanOrEqual(662);
  });

  it('a design without boundaries or notes draws as before', () => {
    const d = withAreas();
    const plain = { ...d, boundaries: undefined, notes: undefined };
    const { svg } = designToSvg(plain);
    expect(svg).not.toContain('pc-boundar');
    expect(svg).not.toContain('pc-note"');
  });

  it("Mermaid puts a boundary's cards in a subgraph named after it", () => {
    const chart = mermaidFlowchart(withAreas());
    const lines = chart.split('\n');
    const start = lines.findIndex((l) => l.includes('subgraph b_1["Ordering #lt;core#gt; #amp; #quot;co#quot;"]'));
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1]).toContain('n_orders[');
    expect(lines[start + 2]).toContain('n_pricing[');
    expect(lines[start + 3]).toBe('  end');
    expect(lines.filter((l) => l.includes('n_web['))).toHaveLength(1);
  });
});
