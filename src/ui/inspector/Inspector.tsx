import {
  memo,
  Suspense,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { DesignNode } from '../../core';
import type { DesignStore } from '../../app/store';
import { useDesignStore } from '../../app/storeContext';
import { MOD_KEY } from '../shell/platform';
import { lazyNamed, preloadWhenIdle } from '../lazyNamed';

// The forms are loaded when first shown (and ahead of that once the page is idle): opening the
// app draws the canvas without them.
const NodeInspector = lazyNamed(() => import('./NodeInspector'), 'NodeInspector');
const LinkInspector = lazyNamed(() => import('./LinkInspector'), 'LinkInspector');
const BoundaryInspector = lazyNamed(() => import('./AreaInspector'), 'BoundaryInspector');
const NoteInspector = lazyNamed(() => import('./AreaInspector'), 'NoteInspector');
const TypesPanel = lazyNamed(() => import('./TypesPanel'), 'TypesPanel');
const FORMS = [NodeInspector, LinkInspector, BoundaryInspector, NoteInspector, TypesPanel];

function Hint({ count }: { count: number }) {
  return (
    <div className="pc-inspector__hint">
      {count > 1 ? (
        <p>
          <strong>{count} items selected.</strong> Press Delete to remove them, or {MOD_KEY}+C to copy.
        </p>
      ) : (
        <p>Select a node or a link to edit it here.</p>
      )}
      <dl className="pc-keys" aria-label="Keyboard shortcuts">
        <div>
          <dt>
            <kbd>{MOD_KEY}</kbd>+<kbd>Z</kbd>
          </dt>
          <dd>Undo</dd>
        </div>
        <div>
          <dt>
            <kbd>{MOD_KEY}</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd>
          </dt>
          <dd>Redo</dd>
        </div>
        <div>
          <dt>
            <kbd>{MOD_KEY}</kbd>+<kbd>C</kbd> / <kbd>V</kbd>
          </dt>
          <dd>Copy / paste</dd>
        </div>
        <div>
          <dt>
            <kbd>Shift</kbd>+drag
          </dt>
          <dd>Select an area</dd>
        </div>
        <div>
          <dt>
            <kbd>Delete</kbd>
          </dt>
          <dd>Remove the selection</dd>
        </div>
        <div>
          <dt>
            <kbd>Shift</kbd>+<kbd>L</kbd>
          </dt>
          <dd>Auto-layout</dd>
        </div>
        <div>
          <dt>
            <kbd>{MOD_KEY}</kbd>+<kbd>K</kbd>
          </dt>
          <dd>Find a service</dd>
        </div>
      </dl>
    </div>
  );
}

const sameBesidesPosition = (a: DesignNode, b: DesignNode) =>
  a.id === b.id &&
  a.kind === b.kind &&
  a.name === b.name &&
  a.port === b.port &&
  a.grpcPort === b.grpcPort &&
  a.replicas === b.replicas &&
  a.env === b.env &&
  a.description === b.description &&
  a.image === b.image &&
  a.hostPort === b.hostPort &&
  a.api === b.api &&
  a.channels === b.channels &&
  a.envPrefix === b.envPrefix &&
  a.codePackage === b.codePackage &&
  a.native === b.native;

/**
 * A selector for the node the inspector shows. Dragging a node changes only its position, which
 * the inspector does not show, so the selector keeps returning the same object during a drag and
 * the form does not re-render (the same idea as zustand's useShallow, keyed on what is shown).
 */
function inspectedNodeSelector(id: string | null) {
  let last: DesignNode | undefined;
  return (s: DesignStore) => {
    const n = id === null ? undefined : s.design.nodes.find((x) => x.id === id);
    if (!(n && last && sameBesidesPosition(n, last))) last = n;
    return last;
  };
}

function useInspectedNode(id: string | null): DesignNode | undefined {
  const selector = useMemo(() => inspectedNodeSelector(id), [id]);
  return useDesignStore(selector);
}

type Tab = 'selection' | 'types';
const TABS: { id: Tab; label: string }[] = [
  { id: 'selection', label: 'Selection' },
  { id: 'types', label: 'Types' },
];

/** Selection and Types, as tabs: arrow keys move between them, as in any tab list. */
function Tabs({ tab, onTab, base }: { tab: Tab; onTab: (t: Tab) => void; base: string }) {
  const count = useDesignStore((s) => s.design.types.length);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : (i + step + TABS.length) % TABS.length;
    if (step === 0 && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const next = TABS[to];
    if (!next) return;
    onTab(next.id);
    refs.current[to]?.focus();
  };
  return (
    <div className="pc-inspector__tabs" role="tablist" aria-label="Inspector views" onKeyDown={onKeyDown}>
      {TABS.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${base}-${t.id}-tab`}
          aria-selected={tab === t.id}
          aria-controls={`${base}-${t.id}`}
          tabIndex={tab === t.id ? 0 : -1}
          className="pc-inspector__tab"
          onClick={() => onTab(t.id)}
        >
          {t.id === 'types' ? `${t.label} (${count})` : t.label}
        </button>
      ))}
    </div>
  );
}

/** What the selection tab shows for one id (memoised: a render that changes only `stale` skips it). */
const SelectionView = memo(function SelectionView({ id, count }: { id: string | null; count: number }) {
  const node = useInspectedNode(id);
  const link = useDesignStore((s) => (id === null ? undefined : s.design.links.find((l) => l.id === id)));
  const boundary = useDesignStore((s) => (id === null ? undefined : s.design.boundaries?.find((b) => b.id === id)));
  const note = useDesignStore((s) => (id === null ? undefined : s.design.notes?.find((n) => n.id === id)));
  return (
    <>
      {/* Keyed by id: a half-typed invalid value never leaks from one element to the next. */}
      {node ? <NodeInspector key={node.id} node={node} /> : null}
      {link ? <LinkInspector key={link.id} link={link} /> : null}
      {boundary ? <BoundaryInspector key={boundary.id} boundary={boundary} /> : null}
      {note ? <NoteInspector key={note.id} note={note} /> : null}
      {!node && !link && !boundary && !note ? <Hint count={count} /> : null}
    </>
  );
});

const onlySelected = (s: DesignStore) => (s.selection.length === 1 ? (s.selection[0] ?? null) : null);
const isDragging = (s: DesignStore) => s.dragOrigin !== null;

/**
 * The id whose form the inspector shows. A new selection's form is rendered after the press that
 * made it, in a transition React can split and interrupt, so that the press (which also selects
 * the card and re-renders the canvas) stays one short task; during a drag the form shown stays
 * until the drop. Until the new form is there the old one is inert (see `Inspector`).
 */
function useShownSelection(selected: string | null): string | null {
  const dragging = useDesignStore(isDragging);
  // Set when a drag begins: the id whose form was on screen then.
  const [held, setHeld] = useState<{ id: string | null } | null>(null);
  const shown = useDeferredValue(held ? held.id : selected);
  if (dragging && !held) setHeld({ id: shown });
  else if (!dragging && held) setHeld(null);
  return shown;
}

/** The right-hand panel: edits the one selected node or link, or the design's types. */
export const Inspector = memo(function Inspector() {
  const only = useDesignStore(onlySelected);
  const count = useDesignStore((s) => s.selection.length);
  const shown = useShownSelection(only);
  // The form of the previous selection, still on screen: nothing in it takes a click or a key, so
  // input meant for the new selection can never edit the previous one.
  const stale = shown !== only;
  const [tab, setTab] = useState<Tab>('selection');
  const base = useId();
  useEffect(() => preloadWhenIdle(FORMS), []);
  // selecting something on the canvas (or from a type's "Used by") shows it
  const [seen, setSeen] = useState(only);
  if (seen !== only) {
    setSeen(only);
    if (only !== null) setTab('selection');
  }
  return (
    <aside className="pc-inspector" aria-label="Inspector">
      <Tabs tab={tab} onTab={setTab} base={base} />
      <div
        role="tabpanel"
        id={`${base}-${tab}`}
        aria-labelledby={`${base}-${tab}-tab`}
        aria-busy={stale || undefined}
        inert={stale || undefined}
      >
        <Suspense fallback={<p className="pc-inspector__hint">Loading…</p>}>
          {tab === 'types' ? (
            <div className="pc-inspector__body">
              <TypesPanel />
            </div>
          ) : (
            <SelectionView id={shown} count={count} />
          )}
        </Suspense>
      </div>
    </aside>
  );
});
