import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { strokeOf, type LinkFlowEdge } from './flowModel';

/** Font size of a link's label (px); the same as `.react-flow__edge-text` in canvas.css. */
const LABEL_SIZE = 11.5;
const PAD_X = 6;
const PAD_Y = 3;
const widths = new Map<string, number>();
let measure: CanvasRenderingContext2D | null | undefined;

/**
 * The width of a label in the canvas's font, measured once per text and weight. React Flow's own
 * labels measure every label's box in the page after mounting it, which forces a layout per link
 * and a second render; a text measured off-page costs neither.
 */
function labelWidth(text: string, weight: number): number {
  const key = `${weight} ${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    measure ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (measure) {
      const family = getComputedStyle(document.documentElement).getPropertyValue('--pc-font').trim() || 'sans-serif';
      measure.font = `${weight} ${LABEL_SIZE}px ${family}`;
      w = measure.measureText(text).width;
    } else w = text.length * LABEL_SIZE * 0.6;
    widths.set(key, w);
  }
  return w;
}

/**
 * A link: solid for REST, thick for gRPC, dashed and moving for queues, dotted for databases
 * (see canvas.css), with an arrow in the direction of the call or the message, and a label on a
 * white tag. The tag is placed with plain coordinates (no transform per label), which keeps the
 * page's layers few when there are thousands of links.
 */
function LinkEdgeView(props: EdgeProps<LinkFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd, selected } = props;
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  const color = strokeOf(data?.kind ?? 'rest');
  const label = data?.label;
  const weight = selected ? 700 : 600;
  const width = label ? labelWidth(label, weight) + 2 * PAD_X : 0;
  const height = LABEL_SIZE * 1.25 + 2 * PAD_Y;
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
            style={{ fill: color, fontWeight: weight }}
          >
            {label}
          </text>
        </>
      ) : null}
    </>
  );
}

export const LinkEdge = memo(LinkEdgeView);
