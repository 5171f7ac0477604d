import { dnsLabel } from '../../model/naming';
import type { Design } from '../../model/types';

/** Browsers refuse or blank canvases beyond these: 8192 px a side, 32 million pixels. */
export const MAX_SIDE = 8192;
export const MAX_PIXELS = 32_000_000;

export interface PictureScale {
  /** Device pixels per CSS pixel of the picture. */
  scale: number;
  /** The bitmap's size in device pixels. */
  width: number;
  height: number;
  /** True when the wanted scale had to be lowered to stay within the limits. */
  reduced: boolean;
}

/**
 * The scale to rasterise a picture at: the wanted one (2× for sharp slides) unless the bitmap
 * would pass a browser's canvas limits, then the largest that fits.
 */
export function pictureScale(width: number, height: number, wanted = 2): PictureScale {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const fit = Math.min(MAX_SIDE / w, MAX_SIDE / h, Math.sqrt(MAX_PIXELS / (w * h)));
  const scale = Math.min(wanted, fit);
  return {
    scale,
    width: Math.max(1, Math.floor(w * scale)),
    height: Math.max(1, Math.floor(h * scale)),
    reduced: scale < wanted,
  };
}

/** `<dns label of the project name>.<ext>`, like the zip and the design file. */
export function pictureFileName(design: Design, ext: 'png' | 'svg' | 'mmd'): string {
  return `${dnsLabel(design.name, 'project')}.${ext}`;
}
