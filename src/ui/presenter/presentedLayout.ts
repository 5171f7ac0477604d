import { presentedPositions, type DesignLink, type DesignNode, type XY } from '../../core';
import { Position, type NodeHandle } from '@xyflow/react';
import { CARD_HANDLES, NODE_SIZE } from '../canvas/flowModel';

/** The presenter's card size: `.pc-canvas--presenting .pc-node` in presenter.css. */
export const PRESENTER_CARD = { width: 300, height: 76 };

const growX = PRESENTER_CARD.width - NODE_SIZE.width;
const growY = PRESENTER_CARD.height - NODE_SIZE.height;

/**
 * The handles of a presenter's card: the canvas's, moved with the larger card's sides (right and
 * bottom ones by the growth, the middle ones by half), so links end on the card's border.
 */
export const PRESENTER_HANDLES: NodeHandle[] = CARD_HANDLES.map((h) => {
  const sideways = h.position === Position.Left || h.position === Position.Right;
  return {
    ...h,
    x: h.x + (h.position === Position.Right ? growX : sideways ? 0 : growX / 2),
    y: h.y + (h.position === Position.Bottom ? growY : sideways ? growY / 2 : 0),
  };
});

let cached: { nodes: readonly DesignNode[]; links: readonly DesignLink[]; nodesAt: DesignNode[] } | null = null;

/**
 * The design's nodes where the presenter draws them: the layout grown with the presenter's larger
 * cards and labels (see `presentedPositions`). The canvas and the presenter's camera both ask for
 * it, so the last answer is kept until the nodes or links change.
 */
export function presentedNodes(nodes: readonly DesignNode[], links: readonly DesignLink[]): DesignNode[] {
  if (cached && cached.nodes === nodes && cached.links === links) return cached.nodesAt;
  const at: Map<string, XY> = presentedPositions({ nodes, links }, PRESENTER_CARD, NODE_SIZE);
  const nodesAt = nodes.map((n) => {
    const p = at.get(n.id);
    return p && (p.x !== n.position.x || p.y !== n.position.y) ? { ...n, position: p } : n;
  });
  cached = { nodes, links, nodesAt };
  return nodesAt;
}
