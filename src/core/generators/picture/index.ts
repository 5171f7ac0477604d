export { designToSvg, type Picture, type PictureOptions } from './svg';
export { CANVAS_THEME, FONT_STACK, LINK_COLORS, LINK_STYLES, badgeInk, linkLabel, type PictureTheme } from './style';
export { CARD_SIZE, type Size } from './geometry';
export { approximateWidth, escapeXml, truncate, type MeasureText } from './text';
export { pictureFileName, pictureScale, type PictureScale } from './raster';
export { designThumbnail, type Thumbnail } from './thumbnail';
