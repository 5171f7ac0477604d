import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { NOTE_MAX } from '../../core';
import { useDesignStoreApi } from '../../app/storeContext';
import { useUi } from '../shell/uiState';
import { useInPlaceEdit } from './NodeNameEditor';
import type { NoteFlowNode } from './areaModel';

/** A note's text edited in place: leaving the field or Ctrl/Cmd+Enter keeps it, Escape cancels. */
function NoteEditor({ id, text }: { id: string; text: string }) {
  const store = useDesignStoreApi();
  const { draft, setDraft, ref, finish } = useInPlaceEdit<HTMLTextAreaElement>(id, text, (value) => {
    if (value !== text) store.getState().updateNote(id, value);
  });
  return (
    <textarea
      ref={ref}
      className="pc-sticky__edit nodrag nopan nowheel"
      aria-label="Note text"
      value={draft}
      maxLength={NOTE_MAX}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') finish(false);
        else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) finish(true);
      }}
      onBlur={() => finish(true)}
    />
  );
}

/** A sticky note: free text on the canvas. Double-click (or F2) edits it in place. */
function NoteNodeView({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const editing = useUi((s) => s.renaming === id);
  return (
    <div
      className={selected ? 'pc-sticky is-selected' : 'pc-sticky'}
      onDoubleClick={(e) => {
        e.stopPropagation();
        useUi.getState().setRenaming(id);
      }}
    >
      {editing ? (
        <NoteEditor id={id} text={data.text} />
      ) : (
        <p className={data.text ? 'pc-sticky__text' : 'pc-sticky__text is-empty'}>
          {data.text || 'Double-click to write a note'}
        </p>
      )}
    </div>
  );
}

export const NoteNode = memo(NoteNodeView, (a, b) => a.data === b.data && a.selected === b.selected && a.id === b.id);
