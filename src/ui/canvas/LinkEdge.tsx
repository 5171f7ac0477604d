import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { LINK_COLORS, type LinkFlowEdge } from './flowModel';

/**
 * A link: solid for REST, thick for gRPC, dashed and moving for queues, dotted for databases
 * (see canvas.css), with an arrow in the direction of the call or the message.
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
  const color = LINK_COLORS[data?.kind ?? 'rest'];
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      style={{ stroke: color }}
      label={data?.label}
      labelX={labelX}
      labelY={labelY}
      labelStyle={{ fill: color, fontWeight: selected ? 700 : 600 }}
      labelShowBg
      labelBgStyle={{ fill: '#fff', stroke: selected ? color : '#e2e8f0' }}
      labelBgPadding={[6, 3]}
      labelBgBorderRadius={4}
    />
  );
}

export const LinkEdge = memo(LinkEdgeView);
