import type { Design } from '../../core';
import {
  FONT_STACK,
  approximateWidth,
  designToSvg,
  pictureScale,
  type MeasureText,
  type Picture,
  type PictureScale,
  type PictureTheme,
  type Size,
} from '../../core/generators/picture';

/** The browser half of the pictures: measuring text, reading the theme, rasterising, saving. */

let measureContext: CanvasRenderingContext2D | null | undefined;

/** Text widths from the browser's own fonts, so names are cut where the canvas cuts them. */
const browserMeasure: MeasureText = (text, fontSize, weight) => {
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  if (!measureContext) return approximateWidth(text, fontSize, weight);
  measureContext.font = `${weight} ${fontSize}px ${FONT_STACK}`;
  return measureContext.measureText(text).width;
};

/**
 * The canvas's colours from the page's CSS variables, light or dark as the page is; white (the dark
 * page's own background) or no background for slides. `light` keeps the light colours on a dark page.
 */
function pageTheme(transparent: boolean, light: boolean): Partial<PictureTheme> {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim() || undefined;
  if (light) return { background: transparent ? null : '#ffffff' };
  const theme: Partial<PictureTheme> = { background: transparent ? null : (v('--pc-picture-bg') ?? '#ffffff') };
  const pairs: [keyof PictureTheme, string][] = [
    ['card', '--pc-panel'],
    ['border', '--pc-border-strong'],
    ['text', '--pc-text'],
    ['muted', '--pc-muted'],
    ['labelBorder', '--pc-border'],
    ['labelBackground', '--pc-panel'],
    ['portBackground', '--pc-subtle'],
    ['portText', '--pc-text-2'],
    ['restLink', '--pc-link-rest'],
  ];
  for (const [key, name] of pairs) {
    const value = v(name);
    if (value !== undefined) theme[key] = value;
  }
  return theme;
}

export interface PictureRequest {
  design: Design;
  sizes: ReadonlyMap<string, Size>;
  transparent: boolean;
  /** The light colours even when the page is dark. */
  light: boolean;
}

export function renderSvg({ design, sizes, transparent, light }: PictureRequest, outputSize?: Size): Picture {
  return designToSvg(design, {
    sizes,
    theme: pageTheme(transparent, light),
    measure: browserMeasure,
    ...(outputSize ? { outputSize } : {}),
  });
}

/** A picture that could not be made, with a message for the person who asked. */
export class PictureError extends Error {
  override name = 'PictureError';
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new PictureError('The browser could not draw the picture.'));
    img.src = url;
  });
}

/**
 * The design as a PNG at 2× (or the screen's density, if higher): the SVG drawn by the browser
 * into a canvas of the bitmap's size. A design too large for a canvas is scaled down.
 */
export async function renderPng(req: PictureRequest): Promise<{ blob: Blob; scale: PictureScale }> {
  const base = renderSvg(req);
  const scale = pictureScale(base.width, base.height, Math.max(2, window.devicePixelRatio || 1));
  const { svg } = renderSvg(req, { width: scale.width, height: scale.height });
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = scale.width;
    canvas.height = scale.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new PictureError('The browser has no drawing surface to spare.');
    ctx.drawImage(img, 0, 0, scale.width, scale.height);
    let blob: Blob | null;
    try {
      blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    } catch (e) {
      throw new PictureError(`The browser refused to save the drawing (${String(e)}).`);
    }
    if (!blob) throw new PictureError(`The browser could not make a ${scale.width}×${scale.height} PNG.`);
    return { blob, scale };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Hands a blob to the browser as a download. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
