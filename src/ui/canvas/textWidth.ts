/**
 * Text widths in the canvas's fonts, measured off-page on a 2D canvas and remembered (at most
 * 20,000 texts, then it starts again). Measuring in the page would force a layout per element; a
 * canvas measures without one. Each text is measured once per weight, at 100 px, and scaled to
 * the size asked for (a glyph's advance grows with the font size), so the canvas's font is set
 * seldom: setting it is most of a measure's cost.
 */
const units = new Map<string, number>();
let measure: CanvasRenderingContext2D | null | undefined;
let current = '';
const families = { text: '', mono: '' };
const REF = 100;

/** The width in px of `text` at `size` px and `weight`, in the canvas's text or monospace font. */
export function textWidth(text: string, weight: number, size: number, font: 'text' | 'mono' = 'text'): number {
  const key = `${font} ${weight} ${text}`;
  let w = units.get(key);
  if (w === undefined) {
    measure ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (measure) {
      if (!families[font]) {
        const v = getComputedStyle(document.documentElement).getPropertyValue(
          font === 'mono' ? '--pc-mono' : '--pc-font',
        );
        families[font] = v.trim() || (font === 'mono' ? 'monospace' : 'sans-serif');
      }
      const wanted = `${weight} ${REF}px ${families[font]}`;
      if (wanted !== current) measure.font = current = wanted;
      w = measure.measureText(text).width / REF;
    } else w = text.length * 0.6;
    if (units.size >= 20_000) units.clear();
    units.set(key, w);
  }
  return w * size;
}
