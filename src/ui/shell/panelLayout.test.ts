import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES, RAIL_WIDTH, panelLayout, parseChoices, type PanelChoices } from './panelLayout';

const canvas = (w: number, l: ReturnType<typeof panelLayout>) => w - l.palette - l.inspector - (l.preview ?? 0);

describe('panelLayout', () => {
  it('gives a large window the wide defaults and a small one narrower panels', () => {
    expect(panelLayout(DEFAULT_CHOICES, 1440, false)).toMatchObject({ palette: 264, inspector: 340, preview: null });
    expect(panelLayout(DEFAULT_CHOICES, 1024, false)).toMatchObject({ palette: 208, inspector: 288 });
  });

  it('leaves the canvas over 60 % of a 1024 px window with both panels collapsed', () => {
    const c: PanelChoices = {
      ...DEFAULT_CHOICES,
      palette: { collapsed: true, width: 300 },
      inspector: { collapsed: true, width: null },
    };
    const l = panelLayout(c, 1024, false);
    expect(l.palette).toBe(RAIL_WIDTH);
    expect(canvas(1024, l)).toBeGreaterThanOrEqual(0.6 * 1024);
  });

  it('makes the palette and then the inspector give way to an open preview', () => {
    const small = panelLayout(DEFAULT_CHOICES, 1024, true);
    expect(small.yielded).toEqual(['palette', 'inspector']);
    expect(canvas(1024, small)).toBeGreaterThanOrEqual(0.4 * 1024);
    const large = panelLayout(DEFAULT_CHOICES, 1440, true);
    expect(large.yielded).toEqual(['palette']);
    expect(large.inspector).toBe(340);
    // a panel the user opened again stays open; the preview narrows instead
    const kept = panelLayout(DEFAULT_CHOICES, 1024, true, ['inspector']);
    expect(kept.inspector).toBe(288);
    expect(kept.preview).toBeLessThan(320);
    expect(canvas(1024, kept)).toBeGreaterThanOrEqual(0.4 * 1024);
  });

  it('keeps dragged widths within limits and forgets unreadable storage', () => {
    expect(parseChoices('{"palette":{"collapsed":true,"width":9999}}').palette).toEqual({
      collapsed: true,
      width: 420,
    });
    expect(parseChoices('not json')).toEqual(DEFAULT_CHOICES);
    expect(parseChoices(null)).toEqual(DEFAULT_CHOICES);
  });
});
