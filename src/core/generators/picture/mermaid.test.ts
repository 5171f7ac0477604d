import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mermaidFlowchart } from '../docs/mermaid';
import { DesignBuilder } from '../../templates';
import { updateNode, updateLink } from '../../ops/ops';
import type { Design } from '../../model/types';

/**
 * The Mermaid text the Picture menu offers is the one the exported README carries. Whatever the
 * names, every line must keep Mermaid's shape: labels quoted, with no quote, newline or markup of
 * their own, and every id declared once before an edge uses it.
 */
const OPEN = String.raw`(?:\["|\[\["|\[\("|\{\{"|\(\[")`;
const CLOSE = String.raw`(?:"\]|"\]\]|"\)\]|"\}\}|"\]\))`;
const LABEL = String.raw`(?:[^"<>\n\`]|<br/>)*`;
const NODE = new RegExp(String.raw`^  (n_[a-z0-9_]+)${OPEN}(${LABEL})${CLOSE}$`);
const EDGE = /^ {2}(n_[a-z0-9_]+) (?:-->|-\.->)\|"([^"<>\n`]*)"\| (n_[a-z0-9_]+)$/;
const CLASS = /^ {2}(?:classDef todo stroke-dasharray: 5 5|class n_[a-z0-9_]+(?:,n_[a-z0-9_]+)* todo)$/;

function checkShape(chart: string): string[] {
  const lines = chart.split('\n');
  expect(lines[0]).toBe('flowchart LR');
  const ids: string[] = [];
  for (const line of lines.slice(1)) {
    const node = NODE.exec(line);
    if (node) {
      expect(ids, line).not.toContain(node[1]);
      ids.push(node[1] ?? '');
      continue;
    }
    const edge = EDGE.exec(line);
    if (edge) {
      expect(ids, line).toContain(edge[1]);
      expect(ids, line).toContain(edge[3]);
      continue;
    }
    expect(line).toMatch(CLASS);
  }
  return ids;
}

function hostile(names: readonly string[]): Design {
  let d = new DesignBuilder('shop')
    .node('a', 'python-fastapi', 0, 0)
    .node('b', 'go-nethttp', 300, 0)
    .node('c', 'kafka', 300, 200)
    .node('d', 'ruby-rails', 0, 200)
    .link('a', 'b')
    .queue('a', 'c', ['d'], 'orders', { id: 'string' })
    .build();
  d.nodes.forEach((n, i) => {
    const r = updateNode(d, n.id, { name: names[i] ?? n.name });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
  });
  return d;
}

describe('Mermaid text for hostile names', () => {
  it('keeps its shape for markup, quotes, keywords and unicode', () => {
    const d = hostile(['<script>"x"</script>', 'end', 'a|b]]>#1;`c`', 'Zürich 東京 🚀']);
    const q = d.links.find((l) => l.kind === 'queue');
    const u = updateLink(d, q?.id ?? '', { topic: '"]; click x call alert(1)' });
    if (!u.ok) throw new Error(u.reason);
    const chart = mermaidFlowchart(u.design);
    expect(checkShape(chart)).toHaveLength(4);
    expect(chart).not.toContain('<script');
    expect(chart).toContain('#lt;script#gt;#quot;x#quot;');
    expect(chart).toContain('Zürich 東京 🚀');
  });

  it('keeps its shape for any accepted name (property)', () => {
    let drawn = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 40 })), {
          minLength: 4,
          maxLength: 4,
        }),
        (names) => {
          let d: Design;
          try {
            // a distinct first word keeps the names apart; the rest is anything
            d = hostile(names.map((s, i) => `s${i}${s}`));
          } catch {
            return; // a name the editor refuses never reaches the chart
          }
          expect(checkShape(mermaidFlowchart(d))).toHaveLength(4);
          drawn++;
        },
      ),
      { numRuns: 150 },
    );
    expect(drawn).toBeGreaterThan(100);
  });
});
