import { useEffect, useRef, useState } from 'react';
import { useDesignStoreApi } from '../../app/storeContext';
import { useUi } from '../shell/uiState';

/** Focuses a card again once its name field is gone, so the keyboard stays where it was. */
function focusCard(id: string): void {
  requestAnimationFrame(() =>
    document
      .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
      ?.focus({ preventScroll: true }),
  );
}

/**
 * A field that edits an element of the canvas in place (a card's or boundary's name, a note's
 * text): focused and selected when it opens; `finish(true)` keeps the draft, `finish(false)`
 * drops it; either ends the editing once and gives the focus back to the element.
 */
export function useInPlaceEdit<E extends HTMLInputElement | HTMLTextAreaElement>(
  id: string,
  initial: string,
  keep: (draft: string) => void,
) {
  const [draft, setDraft] = useState(initial);
  const ref = useRef<E>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    useUi.getState().setRenaming(null);
    focusCard(id);
    if (commit) keep(draft);
  };
  return { draft, setDraft, ref, finish };
}

/**
 * A card's name, edited in place: Enter (or leaving the field) commits, Escape cancels. A name the
 * design refuses (taken, empty, too long …) leaves the old name on the card and says why.
 */
export function NodeNameEditor({
  id,
  name,
  rename,
}: {
  id: string;
  name: string;
  /** How the new name is applied; a card's by default, a boundary passes its own. */
  rename?: (name: string) => { ok: true } | { ok: false; reason: string };
}) {
  const store = useDesignStoreApi();
  const { draft, setDraft, ref, finish } = useInPlaceEdit<HTMLInputElement>(id, name, (value) => {
    const next = value.trim();
    if (next === name) return;
    const r = rename ? rename(next) : store.getState().updateNode(id, { name: next });
    if (!r.ok)
      store.getState().notify({
        tone: 'error',
        placement: 'toast',
        title: `“${name}” keeps its name`,
        text: r.reason,
      });
  });

  return (
    <input
      ref={ref}
      className="pc-node__rename nodrag nopan"
      aria-label={`New name for ${name}`}
      value={draft}
      spellCheck={false}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        // the canvas must not take Delete, Backspace or arrows typed into the name
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
      onDoubleClick={(e) => e.stopPropagation()}
    />
  );
}
