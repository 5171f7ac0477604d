import type { LinkFlowEdge, ServiceFlowNode } from '../canvas/flowModel';
import type { RevealView } from './PresenterContext';

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
    // React Flow measures a label's background only when its text changes. The trailing space
    // (collapsed by SVG) makes it measure again at the presenter's larger size, and again after.
    data: e.data ? { ...e.data, label: `${e.data.label} ` } : e.data,
  }));
}
