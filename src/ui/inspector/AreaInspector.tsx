import {
  BOUNDARY_COLORS,
  BOUNDARY_KINDS,
  NOTE_MAX,
  boundaryNamespace,
  projectNamespace,
  type Boundary,
  type BoundaryKind,
  type StickyNote,
} from '../../core';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { SelectField, TextField } from './controls';

const KIND_OPTIONS = (Object.keys(BOUNDARY_KINDS) as BoundaryKind[]).map((k) => ({
  value: k,
  label: BOUNDARY_KINDS[k],
}));
const COLOR_NAMES: Record<string, string> = {
  '#6366f1': 'Indigo',
  '#0ea5e9': 'Sky',
  '#10b981': 'Green',
  '#f59e0b': 'Amber',
  '#ef4444': 'Red',
  '#a855f7': 'Purple',
  '#64748b': 'Slate',
};

/** Edits a boundary: its name, what it stands for and its colour; lists the cards it holds. */
export function BoundaryInspector({ boundary }: { boundary: Boundary }) {
  const store = useDesignStoreApi();
  const members = useDesignStore((s) =>
    boundary.members.map((m) => s.design.nodes.find((n) => n.id === m)?.name ?? '').join('\u0000'),
  );
  const designName = useDesignStore((s) => s.design.name);
  const namespace = boundaryNamespace({ name: designName }, boundary);
  const id = boundary.id;
  const apply = (patch: Parameters<ReturnType<typeof store.getState>['updateBoundary']>[1], key?: string) => {
    const r = store.getState().updateBoundary(id, patch, key);
    return r.ok ? null : r.reason;
  };
  const names = members ? members.split('\u0000') : [];
  const colors = BOUNDARY_COLORS.includes(boundary.color as (typeof BOUNDARY_COLORS)[number])
    ? BOUNDARY_COLORS
    : [boundary.color, ...BOUNDARY_COLORS];
  return (
    <div className="pc-inspector__body">
      <header className="pc-inspector__head">
        <h2>Boundary</h2>
      </header>
      <TextField label="Name" value={boundary.name} apply={(name) => apply({ name }, `boundary:${id}:name`)} />
      <SelectField<BoundaryKind>
        label="Kind"
        value={boundary.kind}
        options={KIND_OPTIONS}
        onChange={(kind) => apply({ kind })}
      />
      {boundary.kind === 'namespace' ? (
        <p className="pc-field__hint" data-testid="namespace-hint">
          The Kubernetes export and the Helm chart put the cards inside into the namespace <code>{namespace}</code>,
          with its own default-deny and DNS network policies; other namespaces reach them as{' '}
          <code>{`<name>.${namespace}.svc.cluster.local`}</code>, and the Secrets they share are copied. Cards outside a
          namespace boundary stay in <code>{projectNamespace({ name: designName })}</code>. Compose is unchanged.
        </p>
      ) : null}
      <fieldset className="pc-field pc-swatches">
        <legend className="pc-field__label">Colour</legend>
        {colors.map((c) => (
          <label key={c} className="pc-swatch" title={COLOR_NAMES[c] ?? c} style={{ background: c }}>
            <input
              type="radio"
              name={`boundary-color-${id}`}
              value={c}
              checked={boundary.color === c}
              aria-label={COLOR_NAMES[c] ?? c}
              onChange={() => apply({ color: c })}
            />
          </label>
        ))}
      </fieldset>
      <div className="pc-field">
        <span className="pc-field__label">Cards inside ({names.length})</span>
        {names.length === 0 ? (
          <p className="pc-field__hint">Drag cards into the boundary to group them; they then move with it.</p>
        ) : (
          <ul className="pc-boundary-members">
            {names.map((n, i) => (
              <li key={`${n}-${i}`}>{n}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** Edits a sticky note's text. */
export function NoteInspector({ note }: { note: StickyNote }) {
  const store = useDesignStoreApi();
  return (
    <div className="pc-inspector__body">
      <header className="pc-inspector__head">
        <h2>Sticky note</h2>
      </header>
      <TextField
        label="Text"
        multiline
        maxLength={NOTE_MAX}
        value={note.text}
        apply={(text) => {
          const r = store.getState().updateNote(note.id, text, `note:${note.id}:text`);
          return r.ok ? null : r.reason;
        }}
      />
    </div>
  );
}
