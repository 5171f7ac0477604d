import { LINK_KINDS, RUNTIMES, describeKind, isRuntime, type LinkKind } from '../../catalog/catalog';
import { BOUNDARY_KINDS, type Boundary, type Design, type DesignNode, type StickyNote } from '../../model/types';
import { NOTE_SIZE } from '../../ops/boundaries';
import { bounds, cardRect, linkCurve, num, type Curve, type Rect, type Size } from './geometry';
import {
  CANVAS_THEME,
  FONT_STACK,
  LINK_STYLES,
  MONO_STACK,
  badgeInk,
  linkLabel as designLinkLabel,
  type PictureTheme,
} from './style';
import { approximateWidth, escapeXml, truncate, type MeasureText } from './text';

export interface PictureOptions {
  /** Card sizes the canvas measured, by node id; unmeasured cards get the CSS size. */
  sizes?: ReadonlyMap<string, Size>;
  /** Colours; `background: null` leaves the picture transparent. */
  theme?: Partial<PictureTheme>;
  /** Space around the content, in px. */
  padding?: number;
  /** Text measurement (a browser passes its own for exact cuts); an estimate otherwise. */
  measure?: MeasureText;
  /**
   * The size the SVG asks to be drawn at (its width and height attributes); the content still
   * fills it. A rasteriser sets it to the bitmap's size, so text is drawn sharp, not stretched.
   */
  outputSize?: { width: number; height: number };
}

export interface Picture {
  /** A standalone SVG document. */
  svg: string;
  /** Its size in px (CSS pixels, before any device scale). */
  width: number;
  height: number;
}

const NAME_SIZE = 13.5;
const META_SIZE = 11.5;
const LABEL_SIZE = 11.5;
const PORT_SIZE = 10.5;
const MAX_LABEL_WIDTH = 260;

interface PlacedLink {
  kind: LinkKind;
  curve: Curve;
  label: string;
  labelBox: Rect;
}

const COLOUR = /^(?:#[0-9a-f]{3,8}|(?:rgb|hsl)a?\([\d.,%\s/]+\)|[a-z]{3,20})$/i;

/** The theme with every colour checked, so a colour can never break out of its attribute. */
function safeTheme(given: Partial<PictureTheme> = {}): PictureTheme {
  const out = { ...CANVAS_THEME };
  for (const key of Object.keys(out) as (keyof PictureTheme)[]) {
    const v = given[key];
    if (v === null && key === 'background') out.background = null;
    else if (typeof v === 'string' && COLOUR.test(v.trim())) out[key] = v.trim();
  }
  return out;
}

function curvePoints(c: Curve): [number, number][] {
  const [p0, p1, p2, p3] = c.points;
  const out: [number, number][] = [];
  for (let i = 0; i <= 24; i++) {
    const t = i / 24;
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const d = 3 * u * t * t;
    const e = t * t * t;
    out.push([a * p0[0] + b * p1[0] + d * p2[0] + e * p3[0], a * p0[1] + b * p1[1] + d * p2[1] + e * p3[1]]);
  }
  return out;
}

const linkColor = (kind: LinkKind, theme: PictureTheme) => (kind === 'rest' ? theme.restLink : LINK_STYLES[kind].color);

function marker(kind: LinkKind, theme: PictureTheme): string {
  const c = linkColor(kind, theme);
  return (
    `<marker id="pc-arrow-${kind}" viewBox="-10 -10 20 20" refX="0" refY="0" markerWidth="20" markerHeight="20" ` +
    `markerUnits="userSpaceOnUse" orient="auto-start-reverse">` +
    `<polyline points="-5,-4 0,0 -5,4 -5,-4" fill="${c}" stroke="${c}" stroke-width="1" ` +
    `stroke-dasharray="none" stroke-linecap="round" stroke-linejoin="round"/></marker>`
  );
}

function linkPath(l: PlacedLink, theme: PictureTheme): string {
  const s = LINK_STYLES[l.kind];
  const [p0, p1, p2, p3] = l.curve.points;
  const d = `M${num(p0[0])},${num(p0[1])} C${num(p1[0])},${num(p1[1])} ${num(p2[0])},${num(p2[1])} ${num(p3[0])},${num(p3[1])}`;
  const dash = s.dash ? ` stroke-dasharray="${s.dash}"` : '';
  const cap = s.round ? ' stroke-linecap="round"' : '';
  return (
    `<path class="pc-link pc-link--${l.kind}" d="${d}" fill="none" stroke="${linkColor(l.kind, theme)}" ` +
    `stroke-width="${s.width}"${dash}${cap} marker-end="url(#pc-arrow-${l.kind})"/>`
  );
}

function linkLabel(l: PlacedLink, theme: PictureTheme): string {
  const c = linkColor(l.kind, theme);
  const b = l.labelBox;
  return (
    `<g class="pc-link-label"><rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.width)}" height="${num(b.height)}" ` +
    `rx="4" fill="${theme.labelBackground}" stroke="${theme.labelBorder}"/>` +
    `<text x="${num(b.x + b.width / 2)}" y="${num(b.y + b.height / 2 + LABEL_SIZE * 0.35)}" text-anchor="middle" ` +
    `font-size="${LABEL_SIZE}" font-weight="600" fill="${c}">${escapeXml(l.label)}</text></g>`
  );
}

function card(node: DesignNode, r: Rect, theme: PictureTheme, measure: MeasureText): string {
  const d = describeKind(node.kind);
  const diagramOnly = isRuntime(node.kind) && RUNTIMES[node.kind].tier === 2;
  const { x, y, width: w, height: h } = r;
  const cy = y + h / 2;
  const port = `:${node.port}`;
  const portWidth = port.length * PORT_SIZE * 0.6 + 8;
  const textX = x + 58;
  const textWidth = Math.max(0, w - 71);
  const name = truncate(node.name, textWidth, NAME_SIZE, 650, measure);
  const kindText = truncate(
    diagramOnly ? `${d.label} · diagram only` : d.label,
    Math.max(0, textWidth - portWidth - 6),
    META_SIZE,
    400,
    measure,
  );
  const portX = x + w - 13 - portWidth;
  const metaY = cy + 12.5;
  return (
    `<g class="pc-node" data-kind="${node.kind}"><title>${escapeXml(node.name)}</title>` +
    `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" rx="10" fill="${d.color}" filter="url(#pc-shadow)"/>` +
    `<rect x="${num(x + 8)}" y="${num(y)}" width="${num(w - 8)}" height="${num(h)}" rx="10" fill="${theme.border}"/>` +
    `<rect x="${num(x + 4)}" y="${num(y + 1)}" width="${num(w - 5)}" height="${num(h - 2)}" rx="6" ry="9" fill="${theme.card}"/>` +
    `<rect x="${num(x + 14)}" y="${num(cy - 17)}" width="34" height="34" rx="8" fill="${d.color}"/>` +
    `<text x="${num(x + 31)}" y="${num(cy + 4.4)}" text-anchor="middle" font-size="12.5" font-weight="700" ` +
    `fill="${badgeInk(d.color)}">${escapeXml(d.mark)}</text>` +
    `<text class="pc-node__name" x="${num(textX)}" y="${num(cy - 2.5)}" font-size="${NAME_SIZE}" font-weight="650" ` +
    `fill="${theme.text}">${escapeXml(name)}</text>` +
    `<text x="${num(textX)}" y="${num(metaY)}" font-size="${META_SIZE}" fill="${theme.muted}"` +
    `${diagramOnly ? ' font-style="italic"' : ''}>${escapeXml(kindText)}</text>` +
    `<rect x="${num(portX)}" y="${num(metaY - 10)}" width="${num(portWidth)}" height="14" rx="4" fill="${theme.portBackground}"/>` +
    `<text x="${num(portX + 4)}" y="${num(metaY)}" font-family="${MONO_STACK}" font-size="${PORT_SIZE}" ` +
    `fill="${theme.portText}">${escapeXml(port)}</text></g>`
  );
}

/** A boundary: a tinted, dashed area with its name and kind in the top-left corner. */
function boundaryArea(b: Boundary, theme: PictureTheme, measure: MeasureText): string {
  const { x, y } = b.position;
  const name = truncate(b.name, Math.max(0, b.width - 24), NAME_SIZE, 650, measure);
  const kind = BOUNDARY_KINDS[b.kind];
  const nameWidth = measure(name, NAME_SIZE, 650);
  return (
    `<g class="pc-boundary" data-kind="${b.kind}"><title>${escapeXml(b.name)}</title>` +
    `<rect x="${num(x)}" y="${num(y)}" width="${num(b.width)}" height="${num(b.height)}" rx="14" ` +
    `fill="${b.color}" fill-opacity="0.07" stroke="${b.color}" stroke-width="2" stroke-dasharray="8 5"/>` +
    `<text x="${num(x + 16)}" y="${num(y + 26)}" font-size="${NAME_SIZE}" font-weight="650" fill="${theme.text}">` +
    `${escapeXml(name)}</text>` +
    `<text x="${num(x + 24 + nameWidth)}" y="${num(y + 26)}" font-size="${META_SIZE}" fill="${theme.muted}">` +
    `${escapeXml(kind)}</text></g>`
  );
}

/** A sticky note: a yellow square with its text, line by line, cut to fit. */
function stickyNote(n: StickyNote, measure: MeasureText): string {
  const { x, y } = n.position;
  const { width, height } = NOTE_SIZE;
  const lines = n.text.split('\n').slice(0, 6);
  return (
    `<g class="pc-note"><rect x="${num(x)}" y="${num(y)}" width="${width}" height="${height}" rx="4" ` +
    `fill="#fef9c3" stroke="#eab308" filter="url(#pc-shadow)"/>` +
    lines
      .map(
        (line, i) =>
          `<text x="${num(x + 12)}" y="${num(y + 24 + i * 17)}" font-size="${META_SIZE + 1}" fill="#422006">` +
          `${escapeXml(truncate(line, width - 24, META_SIZE + 1, 400, measure))}</text>`,
      )
      .join('') +
    '</g>'
  );
}

/**
 * The design as a standalone SVG that looks like the canvas: every node a card with its name,
 * kind and accent colour, every link a curve styled by kind (solid REST, thick gRPC, dashed
 * queue, dotted database) with an arrow and its label. The picture is fitted to the content,
 * not to the viewport, and is the same for the same input. Text is escaped, so any name gives
 * well-formed XML.
 */
export function designToSvg(design: Design, options: PictureOptions = {}): Picture {
  const theme = safeTheme(options.theme);
  const measure = options.measure ?? approximateWidth;
  const padding = Math.max(0, options.padding ?? 32);
  const rects = new Map(design.nodes.map((n) => [n.id, cardRect(n, options.sizes?.get(n.id))]));
  const kinds = new Map(design.nodes.map((n) => [n.id, n.kind]));

  const links: PlacedLink[] = [];
  for (const link of design.links) {
    const s = rects.get(link.source);
    const t = rects.get(link.target);
    if (!s || !t) continue;
    const curve = linkCurve(s, t);
    const label = truncate(designLinkLabel(link, kinds.get(link.source)), MAX_LABEL_WIDTH, LABEL_SIZE, 600, measure);
    const lw = measure(label, LABEL_SIZE, 600) + 12;
    const lh = LABEL_SIZE * 1.2 + 6;
    const labelBox = { x: curve.mid[0] - lw / 2, y: curve.mid[1] - lh / 2, width: lw, height: lh };
    links.push({ kind: link.kind, curve, label, labelBox });
  }

  const boundaries = design.boundaries ?? [];
  const notes = design.notes ?? [];
  const content = bounds(
    [
      ...rects.values(),
      ...links.map((l) => l.labelBox),
      ...boundaries.map((b) => ({ ...b.position, width: b.width, height: b.height })),
      ...notes.map((n) => ({ ...n.position, ...NOTE_SIZE })),
    ],
    links.flatMap((l) => curvePoints(l.curve)),
  ) ?? { x: 0, y: 0, width: 240, height: 60 };
  const vx = Math.floor(content.x - padding);
  const vy = Math.floor(content.y - padding);
  const width = Math.ceil(content.x + content.width + padding) - vx;
  const height = Math.ceil(content.y + content.height + padding) - vy;

  const used = (Object.keys(LINK_KINDS) as LinkKind[]).filter((k) => links.some((l) => l.kind === k));
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(options.outputSize?.width ?? width)}" ` +
      `height="${num(options.outputSize?.height ?? height)}" viewBox="${vx} ${vy} ${width} ${height}" ` +
      `font-family="${FONT_STACK}" role="img" aria-labelledby="pc-picture-title">`,
    `<title id="pc-picture-title">${escapeXml(design.name)}</title>`,
    `<desc>${design.nodes.length} nodes and ${links.length} links, drawn by Polyglot Canvas.</desc>`,
    '<defs><filter id="pc-shadow" x="-10%" y="-20%" width="120%" height="160%">' +
      '<feDropShadow dx="0" dy="1.5" stdDeviation="2" flood-color="#0f172a" flood-opacity="0.1"/></filter>' +
      used.map((k) => marker(k, theme)).join('') +
      '</defs>',
  ];
  if (theme.background !== null)
    parts.push(`<rect x="${vx}" y="${vy}" width="${width}" height="${height}" fill="${theme.background}"/>`);
  if (design.nodes.length === 0)
    parts.push(
      `<text x="${num(vx + width / 2)}" y="${num(vy + height / 2 + 4)}" text-anchor="middle" font-size="13" ` +
        `fill="${theme.muted}">An empty design</text>`,
    );
  if (boundaries.length > 0)
    parts.push('<g class="pc-boundaries">', ...boundaries.map((b) => boundaryArea(b, theme, measure)), '</g>');
  parts.push('<g class="pc-links">', ...links.map((l) => linkPath(l, theme)), '</g>');
  parts.push('<g class="pc-link-labels">', ...links.map((l) => linkLabel(l, theme)), '</g>');
  parts.push(
    '<g class="pc-nodes">',
    ...design.nodes.map((n) => card(n, rects.get(n.id) ?? cardRect(n, undefined), theme, measure)),
    '</g>',
  );
  if (notes.length > 0) parts.push('<g class="pc-notes">', ...notes.map((n) => stickyNote(n, measure)), '</g>');
  parts.push('</svg>', '');
  return { svg: parts.join('\n'), width, height };
}
