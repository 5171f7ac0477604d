import {
  CATEGORY_LABELS,
  INFRA,
  NODE_KINDS,
  RUNTIMES,
  categoryOf,
  describeKind,
  diagramOnlyReason,
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
  /**
   * Why a tier-2 runtime is diagram only (it takes part in designs and diagrams but gets no
   * runnable stub yet), in one line; `null` for every other entry.
   */
  diagramOnly: string | null;
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
    diagramOnly: isRuntime(kind) ? diagramOnlyReason(kind) : null,
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
export { badgeInk as inkOn } from '../../core/generators/picture/style';
