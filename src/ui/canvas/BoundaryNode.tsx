import { memo, type CSSProperties } from 'react';
import { NodeResizeControl, type NodeProps } from '@xyflow/react';
import { BOUNDARY_KINDS, BOUNDARY_MIN } from '../../core';
import { useDesignStoreApi } from '../../app/storeContext';
import { useUi } from '../shell/uiState';
import { NodeNameEditor } from './NodeNameEditor';
import type { BoundaryFlowNode } from './areaModel';

/**
 * A boundary: a tinted area behind the cards with its name and kind in a title bar. The title bar
 * drags it (its cards come along); the corner handle resizes it; the inside lets the pointer through
 * to the pane and the cards.
 */
function BoundaryNodeView({ id, data, selected }: NodeProps<BoundaryFlowNode>) {
  const store = useDesignStoreApi();
  const renaming = useUi((s) => s.renaming === id);
  const style = { '--boundary-color': data.color } as CSSProperties;
  return (
    <div className={selected ? 'pc-boundary is-selected' : 'pc-boundary'} style={style} data-boundary-kind={data.kind}>
      <div className="pc-boundary__title" title={`${data.name} (drag to move with its cards, double-click to rename)`}>
        {renaming ? (
          <NodeNameEditor id={id} name={data.name} rename={(name) => store.getState().updateBoundary(id, { name })} />
        ) : (
          <span
            className="pc-boundary__name"
            onDoubleClick={(e) => {
              e.stopPropagation();
              useUi.getState().setRenaming(id);
            }}
          >
            {data.name}
          </span>
        )}
        <span className="pc-boundary__kind">{BOUNDARY_KINDS[data.kind]}</span>
      </div>
      <NodeResizeControl
        className="pc-boundary__resize"
        position="bottom-right"
        minWidth={BOUNDARY_MIN.width}
        minHeight={BOUNDARY_MIN.height}
        onResizeStart={() => store.getState().beginDrag()}
        onResizeEnd={() => store.getState().endDrag()}
      >
        <span aria-hidden="true">◢</span>
      </NodeResizeControl>
    </div>
  );
}

export const BoundaryNode = memo(
  BoundaryNodeView,
  (a, b) => a.data === b.data && a.selected === b.selected && a.id === b.id,
);
