import type { LinkFlowEdge, ServiceFlowNode } from '../canvas/flowModel';
import type { AreaFlowNode } from '../canvas/areaModel';
import { PRESENTER_LABEL_FONT } from '../../core';
import type { RevealView } from './PresenterContext';
import { PRESENTER_CARD, PRESENTER_HANDLES } from './presentedLayout';

/**
 * The canvas's nodes and edges as a presentation shows them: unrevealed ones hidden, the one just
 * revealed marked for a brief highlight. Pure, so editing mode passes its objects through untouched.
 */
export function revealNodes(nodes: ServiceFlowNode[], view: RevealView | null): ServiceFlowNode[] {
  if (!view) return nodes;
  return nodes.map((n) => ({
    ...n,
    hidden: !view.visible.has(n.id),
    selected: false,
    draggable: false,
    connectable: false,
    deletable: false,
    // The presenter's cards are larger: React Flow ends the links on their handles at that size.
    measured: PRESENTER_CARD,
    handles: PRESENTER_HANDLES,
    className: n.id === view.latest ? 'pc-reveal' : undefined,
  }));
}

/** Boundaries and notes while presenting: a boundary appears at its step; notes stay on view. */
export function revealAreas(nodes: AreaFlowNode[], view: RevealView | null): AreaFlowNode[] {
  if (!view) return nodes;
  return nodes.map((n) => ({
    ...n,
    hidden: n.type === 'boundary' && !view.visible.has(n.id),
    selected: false,
    draggable: false,
    deletable: false,
    className: n.id === view.latest ? 'pc-reveal' : undefined,
  }));
}

export function revealEdges(edges: LinkFlowEdge[], view: RevealView | null): LinkFlowEdge[] {
  if (!view) return edges;
  return edges.map((e) => ({
    ...e,
    hidden: !view.visible.has(e.id),
    selected: false,
    deletable: false,
    className: e.id === view.latest ? `${e.className ?? ''} pc-reveal` : e.className,
    // Labels are read from the back of the room: larger, and their tags sized to match.
    data: e.data ? { ...e.data, labelSize: PRESENTER_LABEL_FONT } : e.data,
  }));
}
