import { memo, useMemo, useState, type DragEvent } from 'react';
import { KindMark } from './KindMark';
import { paletteGroups, PALETTE_MIME, type PaletteEntry } from './paletteModel';
import { useAddNode } from '../canvas/useAddNode';
import { useDesignStoreApi } from '../../app/storeContext';
import { useStoreApi } from '@xyflow/react';

const PaletteItem = memo(function PaletteItem({
  entry,
  onAdd,
}: {
  entry: PaletteEntry;
  onAdd: (entry: PaletteEntry) => void;
}) {
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(PALETTE_MIME, entry.kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <button
      type="button"
      className="pc-palette__item"
      draggable
      onDragStart={onDragStart}
      onClick={() => onAdd(entry)}
      title={
        entry.diagramOnly
          ? `Diagram only. ${entry.diagramOnly}\nDrag onto the canvas, or press Enter to add ${entry.label}`
          : `Drag onto the canvas, or press Enter to add ${entry.label}`
      }
    >
      <KindMark className="pc-palette__mark" mark={entry.mark} color={entry.color} />
      <span className="pc-palette__text">
        <span className="pc-palette__label">{entry.label}</span>
        <span className="pc-palette__detail">{entry.diagramOnly ? 'diagram only for now' : entry.detail}</span>
        {entry.diagramOnly ? <span className="pc-palette__why">{entry.diagramOnly}</span> : null}
      </span>
    </button>
  );
});

const AREAS = [
  {
    kind: 'boundary',
    label: 'Boundary',
    detail: 'a context, team, trust zone or namespace',
    mark: '⬚',
    color: '#6366f1',
  },
  { kind: 'note', label: 'Sticky note', detail: 'free text for teaching', mark: '✎', color: '#eab308' },
] as const;

/** Boundaries and notes: dragged onto the canvas like the catalog's entries, or added with a click. */
function AreaItems({ query }: { query: string }) {
  const store = useDesignStoreApi();
  const flow = useStoreApi();
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = AREAS.filter((a) => terms.every((t) => `${a.label} ${a.detail}`.toLowerCase().includes(t)));
  if (shown.length === 0) return null;
  const addInMiddle = (kind: (typeof AREAS)[number]['kind']) => {
    const { width, height, transform } = flow.getState();
    const [tx, ty, zoom] = transform;
    const at = { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom };
    const s = store.getState();
    if (kind === 'boundary') s.addBoundary({ x: at.x - 300, y: at.y - 130 });
    else s.addNote({ x: at.x - 100, y: at.y - 60 });
  };
  return (
    <section aria-labelledby="palette-areas" className="pc-palette__group">
      <h2 id="palette-areas">Boundaries and notes</h2>
      <ul>
        {shown.map((a) => (
          <li key={a.kind}>
            <button
              type="button"
              className="pc-palette__item"
              draggable
              onDragStart={(e: DragEvent) => {
                e.dataTransfer.setData(PALETTE_MIME, a.kind);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => addInMiddle(a.kind)}
              title={`Drag onto the canvas, or press Enter to add a ${a.label.toLowerCase()}`}
            >
              <KindMark className="pc-palette__mark" mark={a.mark} color={a.color} />
              <span className="pc-palette__text">
                <span className="pc-palette__label">{a.label}</span>
                <span className="pc-palette__detail">{a.detail}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The catalog, grouped and searchable. Entries are dragged onto the canvas or added with a click. */
export const Palette = memo(function Palette() {
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const groups = useMemo(() => paletteGroups(query), [query]);
  const addNode = useAddNode();
  const store = useDesignStoreApi();

  const onAdd = (entry: PaletteEntry) => {
    const r = addNode(entry.kind);
    if (!r.ok) {
      store.getState().notify({ tone: 'error', placement: 'toast', text: r.reason });
      return;
    }
    const name = store.getState().design.nodes.find((n) => n.id === r.id)?.name ?? entry.label;
    setAnnouncement(`Added ${name} to the canvas.`);
  };

  return (
    <aside className="pc-palette" aria-label="Palette">
      <div className="pc-palette__search">
        <input
          type="search"
          aria-label="Search the palette"
          placeholder="Search: python, kafka, sql…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="pc-palette__groups">
        {groups.map((g) => (
          <section key={g.category} aria-labelledby={`palette-${g.category}`} className="pc-palette__group">
            <h2 id={`palette-${g.category}`}>{g.title}</h2>
            <ul>
              {g.entries.map((e) => (
                <li key={e.kind}>
                  <PaletteItem entry={e} onAdd={onAdd} />
                </li>
              ))}
            </ul>
          </section>
        ))}
        <AreaItems query={query} />
        {groups.length === 0 ? <p className="pc-palette__none">Nothing matches “{query}”.</p> : null}
      </div>
      <p className="pc-palette__tip">Drag onto the canvas, or click to add in the middle.</p>
      <p className="pc-sr-only" aria-live="polite">
        {announcement}
      </p>
    </aside>
  );
});
