import { memo, type CSSProperties } from 'react';
import { Handle, Position, type HandleType, type NodeProps } from '@xyflow/react';
import { NATIVE_INFO, describeKind, diagramOnlyReason, isRuntime } from '../../core';
import { inkOn } from '../palette/paletteModel';
import type { ServiceFlowNode } from './flowModel';
import { countRender } from '../../app/benchCounter';
import { useUi } from '../shell/uiState';
import { NodeNameEditor } from './NodeNameEditor';
import { cardCuts } from './cardText';

const styles = new Map<string, { card: CSSProperties; mark: CSSProperties }>();

/** The card's and the mark's style for a kind, made once per kind rather than per card and render. */
function kindStyles(kind: ServiceFlowNode['data']['kind']) {
  let s = styles.get(kind);
  if (!s) {
    const { color } = describeKind(kind);
    s = { card: { '--kind-color': color } as CSSProperties, mark: { background: color, color: inkOn(color) } };
    styles.set(kind, s);
  }
  return s;
}

function ServiceNodeView({ id, data, selected }: NodeProps<ServiceFlowNode>) {
  countRender();
  const d = describeKind(data.kind);
  const diagramOnly = isRuntime(data.kind) ? diagramOnlyReason(data.kind) : null;
  const style = kindStyles(data.kind);
  const renaming = useUi((s) => s.renaming === id);
  const tier = diagramOnly ? ' · diagram only' : '';
  const port = `:${data.port}`;
  const cut = cardCuts(data.name, d.label + tier, port);
  return (
    <div className={selected ? 'pc-node is-selected' : 'pc-node'} style={style.card} data-kind={data.kind}>
      <Handle type="target" position={Position.Left} id="in" className="pc-handle" />
      <Handle type="target" position={Position.Top} id="in-top" className="pc-handle pc-handle--extra" />
      <span className="pc-node__mark" style={style.mark} aria-hidden="true">
        {d.mark}
      </span>
      {data.native ? (
        <span
          className="pc-node__native"
          data-testid="native-mark"
          title={`In-process module: ${NATIVE_INFO[data.native].label}`}
        >
          {NATIVE_INFO[data.native].mark}
        </span>
      ) : null}
      <span className="pc-node__text">
        {renaming ? (
          <NodeNameEditor id={id} name={data.name} />
        ) : (
          <span
            className={cut.name ? 'pc-node__name nopan is-cut' : 'pc-node__name nopan'}
            title={`${data.name} (double-click to rename)`}
            onDoubleClick={(e) => {
              e.stopPropagation();
              useUi.getState().setRenaming(id);
            }}
          >
            {data.name}
          </span>
        )}
        <span className="pc-node__meta">
          <span className={cut.kind ? 'pc-node__kind is-cut' : 'pc-node__kind'}>
            {d.label}
            {diagramOnly ? (
              <span className="pc-node__tier" title={diagramOnly}>
                {tier}
              </span>
            ) : null}
          </span>
          <span className="pc-node__port" title="Port">
            {port}
          </span>
        </span>
      </span>
      <Handle type="source" position={Position.Right} id="out" className="pc-handle" />
      <Handle type="source" position={Position.Bottom} id="out-bottom" className="pc-handle pc-handle--extra" />
      {/* Anchors only: links to a node on the left or above leave and enter on the facing sides. */}
      {anchor(id, 'source', Position.Left, 'out-left')}
      {anchor(id, 'target', Position.Right, 'in-right')}
      {anchor(id, 'source', Position.Top, 'out-top')}
      {anchor(id, 'target', Position.Bottom, 'in-bottom')}
      {data.check ? (
        <span
          className={`pc-check-badge pc-check-badge--${data.check}`}
          data-node-id={id}
          title={`This node has a ${data.check === 'info' ? 'note' : data.check}: see Checks`}
        >
          {data.check === 'info' ? 'i' : '!'}
        </span>
      ) : null}
    </div>
  );
}

/**
 * A place where links attach that no one can start or end a connection on. React Flow finds the handles of
 * a node by these classes and data attributes when it measures the node, so a plain element is
 * enough; a <Handle> would add a store subscription and its hooks, which every pan frame and drag
 * step would run on every card. A function rather than a component: no fiber or props of its own.
 */
function anchor(nodeId: string, type: HandleType, position: Position, id: string) {
  return (
    <div
      className={`react-flow__handle react-flow__handle-${position} ${type} pc-anchor`}
      data-handleid={id}
      data-nodeid={nodeId}
      data-handlepos={position}
    />
  );
}

/**
 * A node card, with the checker's badge when it has a finding. It re-renders only when what it
 * shows changes (name, kind, port, finding, selection): the
 * position lives outside `data`, so dragging moves the card without rendering its content again.
 */
export const ServiceNode = memo(
  ServiceNodeView,
  (a, b) => a.data === b.data && a.selected === b.selected && a.id === b.id,
);
