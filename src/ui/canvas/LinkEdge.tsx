import { memo } from 'react';
import { BaseEdge, Position, getBezierPath, type EdgeProps } from '@xyflow/react';
import { LABEL_FONT, LABEL_PAD, laneStep } from '../../core';
import { CARD_HANDLES, LINK_COLORS, edgeHandles, markerIdOf, strokeOf, type LinkFlowEdge } from './flowModel';
import { textWidth } from './textWidth';

/** Font size of a link's label (px); the same as `.react-flow__edge-text` in canvas.css. */
const LABEL_SIZE = LABEL_FONT;
const PAD_X = LABEL_PAD.x;
const PAD_Y = LABEL_PAD.y;

/** Where each handle of a canvas card meets a link, from the card's corner (as React Flow reckons it). */
const HANDLE_POINTS = new Map(
  CARD_HANDLES.map((h) => {
    const { x, y, width: w = 0, height: hh = 0, position } = h;
    const at =
      position === Position.Top
        ? { x: x + w / 2, y }
        : position === Position.Right
          ? { x: x + w, y: y + hh / 2 }
          : position === Position.Bottom
            ? { x: x + w / 2, y: y + hh }
            : { x, y: y + hh / 2 };
    return [h.id, { ...at, position }];
  }),
);

/**
 * One end of a link moved from the handle React Flow placed it on to the handle `to` of the same
 * card (see `live` in flowModel.ts): the card's corner is the point less the handle's offset.
 */
function endAt(x: number, y: number, position: Position, from: string, to: string) {
  const a = HANDLE_POINTS.get(from);
  const b = HANDLE_POINTS.get(to);
  return a && b ? { x: x - a.x + b.x, y: y - a.y + b.y, position: b.position } : { x, y, position };
}

/**
 * A link: solid for REST, thick for gRPC, dashed and moving for queues, dotted for databases
 * (see canvas.css), with an arrow in the direction of the call or the message, and a label on a
 * white tag. The tag is placed with plain coordinates (no transform per label), which keeps the
 * page's layers few when there are thousands of links.
 */
function LinkEdgeView(props: EdgeProps<LinkFlowEdge>) {
  const { id, data, markerEnd, selected } = props;
  let { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const live = data?.live;
  const [from, to] = edgeHandles({ sourceHandle: props.sourceHandleId, targetHandle: props.targetHandleId });
  if (live && (live[0] !== from || live[1] !== to)) {
    const s = endAt(sourceX, sourceY, sourcePosition, from, live[0]);
    const t = endAt(targetX, targetY, targetPosition, to, live[1]);
    ({ x: sourceX, y: sourceY, position: sourcePosition } = s);
    ({ x: targetX, y: targetY, position: targetPosition } = t);
  }
  const size = data?.labelSize ?? LABEL_SIZE;
  // Links between the same two cards run side by side: each is moved across by its lane, the
  // same way whichever way it points, and its label with it.
  const offset = (data?.lane ?? 0) * laneStep(size);
  const across = (p: Position) => (p === Position.Left || p === Position.Right ? [0, offset] : [offset, 0]);
  const [sdx, sdy] = across(sourcePosition);
  const [tdx, tdy] = across(targetPosition);
  const [path, midX, midY] = getBezierPath({
    sourceX: sourceX + sdx!,
    sourceY: sourceY + sdy!,
    sourcePosition,
    targetX: targetX + tdx!,
    targetY: targetY + tdy!,
    targetPosition,
  });
  // On links stacked above each other the labels would sit side by side and touch: they are
  // moved along the link, a lane apart, instead.
  const labelX = midX;
  const labelY = sdy === 0 ? midY + offset : midY;
  const color = strokeOf(data?.kind ?? 'rest');
  const label = data?.label;
  const weight = selected ? 700 : 600;
  // Measured off-page (see textWidth): React Flow's own labels measure every label's box in the
  // page after mounting it, which forces a layout per link and a second render.
  const width = label ? textWidth(label, weight, size) + 2 * PAD_X : 0;
  const height = size * 1.25 + 2 * PAD_Y;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={{ stroke: color }} />
      {/* The tag's box and text sit in the edge's own group: no wrapper element per link. */}
      {label ? (
        <>
          <rect
            className="react-flow__edge-textbg"
            x={labelX - width / 2}
            y={labelY - height / 2}
            width={width}
            height={height}
            rx={4}
            ry={4}
            style={{ fill: 'var(--pc-panel)', stroke: selected ? color : 'var(--pc-border)' }}
          />
          <text
            className="react-flow__edge-text"
            x={labelX}
            y={labelY}
            textAnchor="middle"
            dominantBaseline="central"
            style={
              size === LABEL_SIZE
                ? { fill: color, fontWeight: weight }
                : { fill: color, fontWeight: weight, fontSize: size }
            }
          >
            {label}
          </text>
        </>
      ) : null}
    </>
  );
}

export const LinkEdge = memo(LinkEdgeView);

const LINK_KINDS = Object.keys(LINK_COLORS) as (keyof typeof LINK_COLORS)[];

/**
 * The arrowheads links end in, one per kind of link (React Flow's closed arrow, 20 px wide, in the
 * link's colour). Links name theirs by id (`markerIdOf`).
 */
export const LinkMarkers = memo(function LinkMarkers() {
  return (
    <svg className="pc-link-markers" aria-hidden="true">
      <defs>
        {LINK_KINDS.map((kind) => (
          <marker
            key={kind}
            id={markerIdOf(kind)}
            className="react-flow__arrowhead"
            markerWidth="20"
            markerHeight="20"
            viewBox="-10 -10 20 20"
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
            refX="0"
            refY="0"
          >
            <polyline
              className="arrowclosed"
              style={{ stroke: strokeOf(kind), fill: strokeOf(kind), strokeWidth: 1 }}
              strokeLinecap="round"
              strokeLinejoin="round"
              points="-5,-4 0,0 -5,4 -5,-4"
            />
          </marker>
        ))}
      </defs>
    </svg>
  );
});
