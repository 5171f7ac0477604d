/**
 * The widths of the side panels around the canvas: what the user chose (collapsed or not, dragged
 * width), remembered between visits, and what a window of a given width can afford. Pure, so the
 * rules are tested without a browser.
 */

export type PanelId = 'palette' | 'inspector' | 'preview';

export interface PanelChoice {
  collapsed: boolean;
  /** The width the user dragged the panel to, or null for the default. */
  width: number | null;
}

export type PanelChoices = Record<PanelId, PanelChoice>;

/** Width of a collapsed panel: the strip with the button that opens it again. */
export const RAIL_WIDTH = 36;
/** Below this window width the panels start narrower. */
export const SMALL_WINDOW = 1200;
/** The canvas keeps at least this share of the window while panels can give way. */
export const MIN_CANVAS_SHARE = 0.4;

export const PANEL_LIMITS: Record<PanelId, { min: number; max: number; wide: number; small: number }> = {
  palette: { min: 180, max: 420, wide: 264, small: 208 },
  inspector: { min: 260, max: 560, wide: 340, small: 288 },
  preview: { min: 280, max: 900, wide: 420, small: 320 },
};

export const DEFAULT_CHOICES: PanelChoices = {
  palette: { collapsed: false, width: null },
  inspector: { collapsed: false, width: null },
  preview: { collapsed: false, width: null },
};

export const clampWidth = (id: PanelId, w: number) =>
  Math.round(Math.min(PANEL_LIMITS[id].max, Math.max(PANEL_LIMITS[id].min, w)));

/** The width a panel would take when open, by the user's choice or the window's default. */
export function openWidth(id: PanelId, choice: PanelChoice, windowWidth: number): number {
  if (choice.width !== null) return clampWidth(id, choice.width);
  const l = PANEL_LIMITS[id];
  if (id === 'preview')
    return clampWidth(id, Math.max(windowWidth < SMALL_WINDOW ? l.small : l.wide, windowWidth * 0.3));
  return windowWidth < SMALL_WINDOW ? l.small : l.wide;
}

export interface PanelLayout {
  /** Width in CSS pixels of each panel shown; RAIL_WIDTH for a collapsed one. */
  palette: number;
  inspector: number;
  /** Null when the preview is not open. */
  preview: number | null;
  /** Panels the window made give way (shown collapsed although the user left them open). */
  yielded: PanelId[];
}

/**
 * The panels' widths in a window: the user's choices, then, while the canvas would get less than
 * MIN_CANVAS_SHARE of the window, the palette and then the inspector collapse and the preview
 * narrows down to its minimum. The user's own choices are not changed: a wider window restores them.
 */
export function panelLayout(
  choices: PanelChoices,
  windowWidth: number,
  previewOpen: boolean,
  /** Panels the user opened again after they gave way: they stay open. */
  keepOpen: readonly PanelId[] = [],
): PanelLayout {
  const width = (id: 'palette' | 'inspector') =>
    choices[id].collapsed ? RAIL_WIDTH : openWidth(id, choices[id], windowWidth);
  const out: PanelLayout = {
    palette: width('palette'),
    inspector: width('inspector'),
    preview: previewOpen ? openWidth('preview', choices.preview, windowWidth) : null,
    yielded: [],
  };
  const canvas = () => windowWidth - out.palette - out.inspector - (out.preview ?? 0);
  const floor = windowWidth * MIN_CANVAS_SHARE;
  // Only the preview, opened on top of the panels, makes them give way: the user's own layout
  // of palette and inspector is theirs, and collapsing them gives the canvas all the room.
  if (out.preview === null) return out;
  for (const id of ['palette', 'inspector'] as const) {
    if (canvas() >= floor) break;
    if (out[id] === RAIL_WIDTH || keepOpen.includes(id)) continue;
    out[id] = RAIL_WIDTH;
    out.yielded.push(id);
  }
  if (canvas() < floor) out.preview = Math.max(PANEL_LIMITS.preview.min, Math.floor(out.preview - (floor - canvas())));
  return out;
}

/** Reads remembered choices; anything unreadable falls back to the defaults. */
export function parseChoices(raw: string | null): PanelChoices {
  const out: PanelChoices = structuredClone(DEFAULT_CHOICES);
  if (raw === null) return out;
  try {
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return out;
    for (const id of Object.keys(out) as PanelId[]) {
      const c = (data as Record<string, unknown>)[id];
      if (typeof c !== 'object' || c === null) continue;
      const { collapsed, width } = c as Record<string, unknown>;
      out[id] = {
        collapsed: collapsed === true,
        width: typeof width === 'number' && Number.isFinite(width) ? clampWidth(id, width) : null,
      };
    }
  } catch {
    // A broken value is just forgotten: it only held panel widths.
  }
  return out;
}
