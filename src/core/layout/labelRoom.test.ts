import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { DesignBuilder } from '../templates/builder';
import { linkLabel } from '../generators/picture/style';
import {
  DEFAULT_NODE_SIZE,
  buildLayoutGraph,
  layerGap,
  positionsFromLayout,
  rowGap,
  type LaidOutGraph,
} from './layoutGraph';
import { LABEL_MARGIN, gapForLabel, labelTagSize, linkLanes, spreadForLabels } from './labelRoom';

describe('labelTagSize and gapForLabel', () => {
  it('grow with the text and the font size', () => {
    const short = labelTagSize('REST');
    const long = labelTagSize('subscribe order-placed');
    expect(long.width).toBeGreaterThan(short.width * 3);
    expect(labelTagSize('subscribe order-placed', 16).width).toBeGreaterThan(long.width * 1.3);
    expect(gapForLabel(long).x).toBe(long.width + 2 * LABEL_MARGIN);
    // two stacked labels need room for both
    expect(gapForLabel(short, 2).y).toBeGreaterThan(gapForLabel(short, 1).y + short.height);
  });
});

describe('linkLanes', () => {
  it('puts A→B and B→A in lanes either side of the middle, and leaves lone links alone', () => {
    const lanes = linkLanes([
      { id: 'ab', source: 'a', target: 'b' },
      { id: 'ba', source: 'b', target: 'a' },
      { id: 'bc', source: 'b', target: 'c' },
    ]);
    expect(lanes).toEqual(
      new Map([
        ['ab', -0.5],
        ['ba', 0.5],
      ]),
    );
  });
});

describe('spreadForLabels', () => {
  const card = { width: 224, height: 58 };
  const label = labelTagSize('subscribe order-placed');
  it('widens a gap that is too narrow and moves everything to its right by the same amount', () => {
    const at = spreadForLabels(
      new Map([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 260, y: 0 }],
        ['c', { x: 600, y: 300 }],
      ]),
      [{ id: 'l', source: 'a', target: 'b', label }],
      { card },
    );
    const gap = at.get('b')!.x - (at.get('a')!.x + card.width);
    expect(gap).toBe(gapForLabel(label).x);
    expect(at.get('c')!.x - at.get('b')!.x).toBe(340);
    expect(at.get('c')!.y).toBe(300);
  });

  it('leaves wide enough gaps as they are', () => {
    const start = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 800, y: 0 }],
    ]);
    expect(spreadForLabels(start, [{ id: 'l', source: 'a', target: 'b', label }], { card })).toEqual(start);
  });

  it('moves stacked cards apart for the labels of links running both ways between them', () => {
    const short = labelTagSize('REST');
    const at = spreadForLabels(
      new Map([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 0, y: 80 }],
      ]),
      [
        { id: 'ab', source: 'a', target: 'b', label: short },
        { id: 'ba', source: 'b', target: 'a', label: short },
      ],
      { card },
    );
    expect(at.get('b')!.y - card.height).toBe(gapForLabel(short, 2).y);
  });
});

describe('auto-layout spacing', () => {
  const elk = new ELK();
  it('gives the columns the gap of the longest label, and every label room between its cards', async () => {
    const b = new DesignBuilder('spacing')
      .node('api', 'python-fastapi', 0, 0)
      .node('kafka', 'kafka', 0, 100)
      .node('billing', 'java-spring', 0, 200)
      .node('mailer', 'go-nethttp', 0, 300)
      .queue('api', 'kafka', ['billing'], 'a-rather-long-topic-name.v2', { id: 'string' })
      .link('billing', 'mailer')
      .link('mailer', 'billing');
    const design = b.build();
    const graph = buildLayoutGraph(design);
    const kinds = new Map(design.nodes.map((n) => [n.id, n.kind]));
    const widest = Math.max(...design.links.map((l) => labelTagSize(linkLabel(l, kinds.get(l.source))).width));
    expect(layerGap(design)).toBe(widest + 2 * LABEL_MARGIN);
    expect(graph.layoutOptions['elk.layered.spacing.nodeNodeBetweenLayers']).toBe(String(layerGap(design)));
    expect(Number(graph.layoutOptions['elk.spacing.nodeNode'])).toBe(rowGap(design));

    const at = positionsFromLayout(design, (await elk.layout(graph)) as LaidOutGraph);
    // Laid out again, nothing needs to move for a label: every label already fits.
    const links = design.links.map((l) => ({ ...l, label: labelTagSize(linkLabel(l, kinds.get(l.source))) }));
    expect(spreadForLabels(at, links, { card: DEFAULT_NODE_SIZE })).toEqual(at);
  });

  it('keeps the old gap for short labels', () => {
    const design = new DesignBuilder('short')
      .node('a', 'python-fastapi', 0, 0)
      .node('b', 'go-nethttp', 300, 0)
      .link('a', 'b')
      .build();
    expect(layerGap(design)).toBe(120);
  });
});
