import {
  CATEGORY_LABELS,
  INFRA,
  NODE_KINDS,
  RUNTIMES,
  categoryOf,
  describeKind,
  isRuntime,
  type Category,
  type NodeKind,
} from '../../core';

/** The drag-and-drop type of a palette entry; files dragged from the desktop never carry it. */
export const PALETTE_MIME = 'application/x-polyglot-kind';

export interface PaletteEntry {
  kind: NodeKind;
  label: string;
  /** Second line: framework or product. */
  detail: string;
  mark: string;
  color: string;
  /** Tier-2 runtimes take part in designs and diagrams but get no runnable stub yet. */
  diagramOnly: boolean;
  /** Lower-case text the search matches against. */
  haystack: string;
}

export interface PaletteGroup {
  category: Category;
  title: string;
  entries: PaletteEntry[];
}

function entry(kind: NodeKind): PaletteEntry {
  const d = describeKind(kind);
  const detail = isRuntime(kind) ? RUNTIMES[kind].framework : INFRA[kind].product;
  const extra = isRuntime(kind) ? [RUNTIMES[kind].language] : [];
  return {
    kind,
    label: d.label,
    detail,
    mark: d.mark,
    color: d.color,
    diagramOnly: isRuntime(kind) && RUNTIMES[kind].tier === 2,
    haystack: [d.label, detail, ...extra, ...d.keywords].join(' ').toLowerCase(),
  };
}

const ALL: readonly PaletteEntry[] = NODE_KINDS.map(entry);

/**
 * The palette's groups in catalog order, narrowed by a search. Every word of the query must
 * appear in the entry's label, framework/product or keywords; empty groups are left out.
 */
export function paletteGroups(query: string): PaletteGroup[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = ALL.filter((e) => terms.every((t) => e.haystack.includes(t)));
  return (Object.keys(CATEGORY_LABELS) as Category[])
    .map((category) => ({
      category,
      title: CATEGORY_LABELS[category],
      entries: hits.filter((e) => categoryOf(e.kind) === category),
    }))
    .filter((g) => g.entries.length > 0);
}

/** Text colour that stays readable on a catalog colour (several are light, e.g. Rust's). */
export function inkOn(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#fff';
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = parseInt(c ?? '0', 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.4 ? '#111827' : '#fff';
}
