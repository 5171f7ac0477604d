/**
 * Text widths in the canvas's font, measured off-page on a 2D canvas and remembered (at most
 * 20,000 texts, then it starts again). Measuring in the page would force a layout per element; a
 * canvas measures without one. Each text is measured once per weight, at 100 px, and scaled to
 * the size asked for (a glyph's advance grows with the font size).
 */
const units = new Map<string, number>();
let measure: CanvasRenderingContext2D | null | undefined;
let family = '';
let current = '';
const REF = 100;

/** The width in px of `text` at `size` px and `weight`, in the canvas's font (`--pc-font`). */
export function textWidth(text: string, weight: number, size: number): number {
  const key = `${weight} ${text}`;
  let w = units.get(key);
  if (w === undefined) {
    measure ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (measure) {
      family ||= getComputedStyle(document.documentElement).getPropertyValue('--pc-font').trim() || 'sans-serif';
      const wanted = `${weight} ${REF}px ${family}`;
      if (wanted !== current) measure.font = current = wanted;
      w = measure.measureText(text).width / REF;
    } else w = text.length * 0.6;
    if (units.size >= 20_000) units.clear();
    units.set(key, w);
  }
  return w * size;
}
