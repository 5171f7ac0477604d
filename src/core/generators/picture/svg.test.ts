import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DesignBuilder, TEMPLATES } from '../../templates';
import type { Design } from '../../model/types';
import { designToSvg } from './svg';
import { LINK_STYLES } from './style';
import { approximateWidth, xmlChars } from './text';
import { allElements, parseXml, textOf, type XmlElement } from './wellFormed';

function fourKinds(): Design {
  return new DesignBuilder('shop')
    .node('orders', 'python-fastapi', 0, 0)
    .node('inventory', 'go-nethttp', 400, 0)
    .node('kafka', 'kafka', 400, 200)
    .node('postgres', 'postgres', 0, 300)
    .link('orders', 'inventory', { kind: 'rest' })
    .link('orders', 'inventory', { kind: 'grpc' })
    .link('orders', 'kafka', { kind: 'queue', topic: 'order-events' })
    .link('orders', 'postgres', { kind: 'database' })
    .build();
}

const withNames = (d: Design, names: readonly string[], project = d.name): Design => ({
  ...d,
  name: project,
  nodes: d.nodes.map((n, i) => ({ ...n, name: names[i % names.length] ?? n.name })),
});

const byClass = (root: XmlElement, name: string, cls: string) =>
  allElements(root).filter((e) => e.name === name && (e.attrs.class ?? '').split(' ').includes(cls));

const nodeTitles = (root: XmlElement) =>
  byClass(root, 'g', 'pc-node').map((g) =>
    textOf(g.children.find((c) => typeof c !== 'string' && c.name === 'title') as XmlElement),
  );

const viewBox = (root: XmlElement) =>
  (root.attrs.viewBox ?? '').split(' ').map(Number) as [number, number, number, number];

describe('designToSvg', () => {
  it('draws every node and link of every template as well-formed SVG', () => {
    for (const t of TEMPLATES) {
      const d = t.build();
      const root = parseXml(designToSvg(d).svg);
      expect(root.name).toBe('svg');
      expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
      expect(byClass(root, 'g', 'pc-node')).toHaveLength(d.nodes.length);
      expect(byClass(root, 'path', 'pc-link')).toHaveLength(d.links.length);
      expect(byClass(root, 'g', 'pc-link-label')).toHaveLength(d.links.length);
      expect(nodeTitles(root)).toEqual(d.nodes.map((n) => n.name));
    }
  });

  it('tells the link kinds apart by colour, width and dash, each with its own arrow', () => {
    const root = parseXml(designToSvg(fourKinds()).svg);
    const paths = byClass(root, 'path', 'pc-link');
    const looks = paths.map(
      (p) => `${p.attrs.stroke} ${p.attrs['stroke-width']} ${p.attrs['stroke-dasharray'] ?? '-'}`,
    );
    expect(new Set(looks).size).toBe(4);
    expect(paths.map((p) => p.attrs['marker-end'])).toEqual([
      'url(#pc-arrow-rest)',
      'url(#pc-arrow-grpc)',
      'url(#pc-arrow-queue)',
      'url(#pc-arrow-database)',
    ]);
    const markers = allElements(root).filter((e) => e.name === 'marker');
    expect(markers.map((m) => m.attrs.id)).toEqual([
      'pc-arrow-rest',
      'pc-arrow-grpc',
      'pc-arrow-queue',
      'pc-arrow-database',
    ]);
    expect(paths[2]?.attrs.stroke).toBe(LINK_STYLES.queue.color);
    expect(paths[2]?.attrs['stroke-dasharray']).toBe('8 5');
    const labels = byClass(root, 'g', 'pc-link-label').map(textOf);
    expect(labels).toEqual(['REST', 'gRPC', 'publish order-events', 'database']);
  });

  it('keeps hostile, long and unicode names as text and stays well-formed', () => {
    const names = [
      '<script>alert(1)</script>',
      '"]]>&amp;\'',
      'a'.repeat(200),
      'Zürich 東京 🚀 مرحبا',
      '"; rm -rf / <!-- -->',
    ];
    const d = withNames(fourKinds(), names, '<svg onload="x()">&]]>');
    const { svg } = designToSvg(d);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain(']]>');
    const root = parseXml(svg);
    expect(textOf(allElements(root).find((e) => e.name === 'title') as XmlElement)).toBe('<svg onload="x()">&]]>');
    expect(nodeTitles(root)).toEqual(names.slice(0, 4));
    // the 200-character name is cut with an ellipsis to the card's width, like the canvas does
    const shown = byClass(root, 'text', 'pc-node__name').map(textOf);
    expect(shown[0]).toMatch(/^<script>alert\(1\)/);
    expect(shown[2]).toMatch(/^a+…$/);
    expect(approximateWidth(shown[2] ?? '', 13.5, 650)).toBeLessThanOrEqual(224 - 71);
    expect(shown[3]).toMatch(/^Zürich/);
  });

  it('turns characters XML cannot hold into U+FFFD and never splits an emoji', () => {
    const d = withNames(fourKinds(), ['bell\u0007', 'lone\ud800x', '🚀'.repeat(40), 'ok']);
    const root = parseXml(designToSvg(d).svg);
    const shown = byClass(root, 'text', 'pc-node__name').map(textOf);
    expect(shown[0]).toBe('bell\ufffd');
    expect(shown[1]).toBe('lone\ufffdx');
    expect(shown[2]).toMatch(/^(🚀)+…$/u);
  });

  it('is well-formed for any name (property)', () => {
    const base = fourKinds();
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 120 }),
            // markup-heavy names, where escaping mistakes show
            fc.string({
              unit: fc.constantFrom('<', '>', '&', '"', "'", ']', ';', '#', 'a', '🚀', '\ud800', '\u0001'),
              maxLength: 60,
            }),
          ),
          { minLength: 4, maxLength: 4 },
        ),
        fc.string(),
        (names, project) => {
          const root = parseXml(designToSvg(withNames(base, names, project)).svg);
          expect(nodeTitles(root)).toEqual(names.map(xmlChars));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('fits the content with padding, wherever the viewport is', () => {
    const d = fourKinds();
    const a = designToSvg(d);
    const root = parseXml(a.svg);
    const [x, y, w, h] = viewBox(root);
    expect([root.attrs.width, root.attrs.height]).toEqual([String(w), String(h)]);
    expect([w, h]).toEqual([a.width, a.height]);
    // cards span x 0..624 and y 0..360, the links curve a little beyond; 32 px of padding around
    expect(x).toBeLessThanOrEqual(-32);
    expect(x).toBeGreaterThan(-48);
    expect(y).toBeLessThanOrEqual(-32);
    expect(y).toBeGreaterThan(-48);
    expect(x + w).toBeGreaterThanOrEqual(624 + 32);
    expect(x + w).toBeLessThan(624 + 48);
    expect(y + h).toBeGreaterThanOrEqual(360 + 32);
    for (const rect of byClass(root, 'g', 'pc-node').map((g) => g.children[1] as XmlElement)) {
      expect(Number(rect.attrs.x)).toBeGreaterThanOrEqual(x + 32);
      expect(Number(rect.attrs.x) + Number(rect.attrs.width)).toBeLessThanOrEqual(x + w - 32);
    }
    const panned = designToSvg({ ...d, viewport: { x: -900, y: 4000, zoom: 0.3 } });
    expect(panned.svg).toBe(a.svg);
    // moving one card 1000 px right widens the picture by 1000 px
    const moved = {
      ...d,
      nodes: d.nodes.map((n) => (n.name === 'inventory' ? { ...n, position: { x: 1400, y: 0 } } : n)),
    };
    expect(designToSvg(moved).width).toBe(a.width + 1000);
  });

  it('uses measured card sizes, the padding and the background it is given', () => {
    const d = fourKinds();
    const orders = d.nodes[0]?.id ?? '';
    const big = parseXml(designToSvg(d, { sizes: new Map([[orders, { width: 300, height: 90 }]]) }).svg);
    expect((byClass(big, 'g', 'pc-node')[0]?.children[1] as XmlElement).attrs.width).toBe('300');
    const bare = designToSvg(d, { padding: 0, theme: { background: null } });
    expect(bare.svg).not.toMatch(/<rect [^>]*fill="#f8fafc"/);
    expect(bare.width).toBeLessThan(designToSvg(d).width);
    const sharp = parseXml(designToSvg(d, { outputSize: { width: 2000, height: 900 } }).svg);
    expect([sharp.attrs.width, sharp.attrs.height]).toEqual(['2000', '900']);
    expect(sharp.attrs.viewBox).toBe(parseXml(designToSvg(d).svg).attrs.viewBox);
    const sneaky = designToSvg(d, { theme: { text: '"/><script>x()</script>', card: 'rgb(1, 2, 3)' } }).svg;
    expect(sneaky).not.toContain('<script');
    expect(sneaky).toContain('fill="rgb(1, 2, 3)"');
    const white = designToSvg(d, { theme: { background: '#ffffff' } }).svg;
    expect(white).toMatch(/<rect x="-?\d+" y="-?\d+" width="\d+" height="\d+" fill="#ffffff"\/>/);
  });

  it('gives the same text for the same design, and a small picture for an empty one', () => {
    const d = fourKinds();
    expect(designToSvg(structuredClone(d)).svg).toBe(designToSvg(d).svg);
    const empty = designToSvg({ ...d, nodes: [], links: [] });
    expect(empty.width).toBeGreaterThan(0);
    expect(textOf(parseXml(empty.svg))).toContain('An empty design');
  });

  it('skips a link whose end is missing instead of failing', () => {
    const d = fourKinds();
    const broken = { ...d, links: [...d.links, { ...d.links[0]!, id: 'x', target: 'gone' }] };
    expect(byClass(parseXml(designToSvg(broken).svg), 'path', 'pc-link')).toHaveLength(4);
  });
});
