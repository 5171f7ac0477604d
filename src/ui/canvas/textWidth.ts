/**
 * Text widths in the canvas's fonts, measured off-page on a 2D canvas once per text and font and
 * remembered (at most 20,000, then it starts again). Measuring in the page would force a layout
 * per element; a canvas measures without one.
 */
const widths = new Map<string, number>();
let measure: CanvasRenderingContext2D | null | undefined;
const families = { text: '', mono: '' };

/** The width in px of `text` at `size` px and `weight`, in the canvas's text or monospace font. */
export function textWidth(text: string, weight: number, size: number, font: 'text' | 'mono' = 'text'): number {
  const key = `${font} ${weight} ${size} ${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    measure ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (measure) {
      if (!families[font]) {
        const v = getComputedStyle(document.documentElement).getPropertyValue(
          font === 'mono' ? '--pc-mono' : '--pc-font',
        );
        families[font] = v.trim() || (font === 'mono' ? 'monospace' : 'sans-serif');
      }
      measure.font = `${weight} ${size}px ${families[font]}`;
      w = measure.measureText(text).width;
    } else w = text.length * size * 0.6;
    if (widths.size >= 20_000) widths.clear();
    widths.set(key, w);
  }
  return w;
}
