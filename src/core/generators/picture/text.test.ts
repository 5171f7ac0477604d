import { describe, expect, it } from 'vitest';
import { approximateWidth, escapeXml, truncate, xmlChars } from './text';
import { pictureFileName, pictureScale, MAX_PIXELS, MAX_SIDE } from './raster';
import { parseXml } from './wellFormed';
import { emptyDesign } from '../../model/types';

describe('escapeXml', () => {
  it('escapes markup and keeps unicode', () => {
    expect(escapeXml(`<a href="x">'&'</a> ]]> 東京 🚀`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; ]]&gt; 東京 🚀',
    );
  });
  it('replaces characters XML forbids', () => {
    expect(xmlChars('a\u0000b\u001fc\ud800d\udc00e\uffff\t\n')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffd\t\n');
    expect(xmlChars('😀')).toBe('😀');
  });
});

describe('truncate', () => {
  it('keeps what fits and cuts the rest with an ellipsis', () => {
    expect(truncate('orders', 150, 13.5, 650)).toBe('orders');
    const cut = truncate('x'.repeat(100), 150, 13.5, 650);
    expect(cut.endsWith('…')).toBe(true);
    expect(approximateWidth(cut, 13.5, 650)).toBeLessThanOrEqual(150);
    // one more character would not have fitted
    expect(approximateWidth(`${cut.slice(0, -1)}x…`, 13.5, 650)).toBeGreaterThan(150);
  });
  it('uses the measure it is given', () => {
    expect(truncate('abcdef', 3, 10, 400, (t) => t.length)).toBe('ab…');
  });
});

describe('the strict XML reader used by the tests', () => {
  it('refuses what is not well-formed', () => {
    for (const bad of [
      '<a>',
      '<a></b>',
      '<a>&</a>',
      '<a>x]]>y</a>',
      '<a b="<"/>',
      '<a/><b/>',
      '<a b="1" b="2"/>',
      'x<a/>',
    ])
      expect(() => parseXml(bad), bad).toThrow();
    expect(parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a b="&amp;"><c>&#x1F680;</c></a>\n').attrs.b).toBe('&');
  });
});

describe('pictureScale', () => {
  it('renders at 2× when the bitmap fits', () => {
    expect(pictureScale(800, 400)).toEqual({ scale: 2, width: 1600, height: 800, reduced: false });
  });
  it('scales a huge design down to the browser limits and says so', () => {
    for (const [w, h] of [
      [20_000, 300],
      [6000, 6000],
      [300, 9000],
    ] as const) {
      const s = pictureScale(w, h);
      expect(s.reduced).toBe(true);
      expect(s.width).toBeLessThanOrEqual(MAX_SIDE);
      expect(s.height).toBeLessThanOrEqual(MAX_SIDE);
      expect(s.width * s.height).toBeLessThanOrEqual(MAX_PIXELS);
      expect(s.width).toBeGreaterThan(MAX_SIDE * 0.5 * Math.min(1, w / h));
    }
  });
});

describe('pictureFileName', () => {
  it('names the file after the project', () => {
    expect(pictureFileName(emptyDesign('My Shop!'), 'png')).toBe('my-shop.png');
    expect(pictureFileName(emptyDesign('<>'), 'svg')).toBe('project.svg');
  });
});
