import { INFRA, isBroker, isInfra, type InfraEntry, type LinkKind, type NodeKind } from '../../catalog/catalog';
import type { DesignLink } from '../../model/types';

/** The colours of a picture: the canvas's own by default (see src/ui/styles). */
export interface PictureTheme {
  /** The page behind the cards: the canvas background, white for slides, or none. */
  background: string | null;
  card: string;
  border: string;
  text: string;
  muted: string;
  portBackground: string;
  portText: string;
  labelBackground: string;
  labelBorder: string;
  /** REST links' colour: slate on a light page, lighter on a dark one. The other kinds keep theirs. */
  restLink: string;
}

export const CANVAS_THEME: PictureTheme = {
  background: '#f8fafc',
  card: '#ffffff',
  border: '#cbd5e1',
  text: '#0f172a',
  muted: '#64748b',
  portBackground: '#f1f5f9',
  portText: '#475569',
  labelBackground: '#ffffff',
  labelBorder: '#e2e8f0',
  restLink: '#475569',
};

export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const MONO_STACK = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";

/** How each link kind is drawn, as on the canvas: solid REST, thick gRPC, dashed queue, dotted database. */
export const LINK_STYLES: Record<LinkKind, { color: string; width: number; dash: string | null; round: boolean }> = {
  rest: { color: '#475569', width: 1.8, dash: null, round: false },
  grpc: { color: '#7c3aed', width: 3.4, dash: null, round: false },
  queue: { color: '#c2410c', width: 1.8, dash: '8 5', round: false },
  database: { color: '#0f766e', width: 2.4, dash: '1 5', round: true },
};

/** Each link kind's colour, on the canvas and in pictures. */
export const LINK_COLORS = Object.fromEntries(
  Object.entries(LINK_STYLES).map(([kind, style]) => [kind, style.color]),
) as Record<LinkKind, string>;

/** The label on a link, on the canvas and in pictures: REST, gRPC, "publish orders-events", database. */
export function linkLabel(link: DesignLink, sourceKind: NodeKind | undefined): string {
  switch (link.kind) {
    // a link that uses some of its target's methods says how many; one using all of them says nothing
    case 'rest':
      return link.uses && link.uses.length !== 1 ? `REST · ${link.uses.length} endpoints` : 'REST';
    case 'grpc':
      return link.uses && link.uses.length !== 1 ? `gRPC · ${link.uses.length} methods` : 'gRPC';
    case 'queue': {
      const subscribes = sourceKind !== undefined && isBroker(sourceKind) && isInfra(sourceKind);
      const broker: InfraEntry | undefined = subscribes ? INFRA[sourceKind] : undefined;
      const word = broker?.channelWord;
      const topic = link.topic || (word ? `(no ${word})` : '(no topic)');
      return `${subscribes ? 'subscribe' : 'publish'} ${topic}`;
    }
    case 'database':
      return 'database';
  }
}

/** Dark or light text, whichever reads better on a badge of this colour (WCAG luminance): several catalog colours are light, e.g. Rust's. */
export function badgeInk(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#fff';
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = parseInt(c ?? '0', 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  // whichever of white and black contrasts more (WCAG ratios): at least 4.58:1 on any colour
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000' : '#fff';
}
