import type { Edge, MarkerType, Node } from '@xyflow/react';
import { describeKind, type DesignLink, type DesignNode, type LinkKind, type NodeKind } from '../../core';
import { LINK_COLORS, linkLabel } from '../../core/generators/picture';
import type { Severity } from '../../core/checks';

/**
 * Turns design nodes and links into React Flow's node and edge objects. A React Flow object is
 * replaced only when what it shows changed, so React Flow re-renders only those elements: moving
 * one node gives one new node object and leaves every other node and edge object as it was.
 */

/** What a node draws. Kept apart from the position so that a drag does not re-render the card. */
export interface ServiceNodeData extends Record<string, unknown> {
  name: string;
  kind: NodeKind;
  port: number;
  /** The worst finding of the checker on this node, drawn as a badge on the card. */
  check?: Severity;
}
export type ServiceFlowNode = Node<ServiceNodeData, 'service'>;

export interface LinkEdgeData extends Record<string, unknown> {
  kind: LinkKind;
  label: string;
}
export type LinkFlowEdge = Edge<LinkEdgeData, 'link'>;

export interface Size {
  width: number;
  height: number;
}

/** Approximate card size, used to centre a node where it is dropped and before it is measured. */
export const NODE_SIZE = { width: 224, height: 60 } as const;

type Side = readonly [sourceHandle: string, targetHandle: string];
const RIGHT_TO_LEFT: Side = ['out', 'in'];
const LEFT_TO_RIGHT: Side = ['out-left', 'in-right'];
const DOWN: Side = ['out-bottom', 'in-top'];
const UP: Side = ['out-top', 'in-bottom'];

/**
 * Which sides of the two cards a link leaves and enters, so it never cuts through a card when the
 * target sits left of or below its source. Sideways wins unless the cards are stacked.
 */
export function linkSides(source: DesignNode, target: DesignNode, sizes: ReadonlyMap<string, Size>): Side {
  const s = sizes.get(source.id) ?? NODE_SIZE;
  const t = sizes.get(target.id) ?? NODE_SIZE;
  const dx = target.position.x + t.width / 2 - (source.position.x + s.width / 2);
  const dy = target.position.y + t.height / 2 - (source.position.y + s.height / 2);
  const gapX = Math.abs(dx) - (s.width + t.width) / 2;
  const gapY = Math.abs(dy) - (s.height + t.height) / 2;
  if (gapX > 24 || gapX >= gapY) return dx >= 0 ? RIGHT_TO_LEFT : LEFT_TO_RIGHT;
  return dy >= 0 ? DOWN : UP;
}

// One definition of link colours and labels serves the canvas and the pictures.
export { LINK_COLORS, linkLabel };

/** `next` if an element differs from `prev`, else `prev`: React Flow skips an array it already has. */
function keepSame<T>(prev: readonly T[], next: T[]): T[] {
  return prev.length === next.length && next.every((x, i) => x === prev[i]) ? (prev as T[]) : next;
}

const NO_CHECKS: ReadonlyMap<string, Severity> = new Map();

export function createFlowModel() {
  const nodeCache = new WeakMap<DesignNode, ServiceFlowNode>();
  const lastById = new Map<string, ServiceFlowNode>();
  const edgeCache = new WeakMap<DesignLink, LinkFlowEdge>();
  let lastNodes: ServiceFlowNode[] = [];
  let lastEdges: LinkFlowEdge[] = [];

  function toNode(n: DesignNode, selected: boolean, size: Size | undefined, check?: Severity): ServiceFlowNode {
    const hit = nodeCache.get(n);
    if (
      hit &&
      hit.selected === selected &&
      hit.data.check === check &&
      hit.measured?.width === size?.width &&
      hit.measured?.height === size?.height
    )
      return hit;
    const prev = hit ?? lastById.get(n.id);
    const data =
      prev &&
      prev.data.name === n.name &&
      prev.data.kind === n.kind &&
      prev.data.port === n.port &&
      prev.data.check === check
        ? prev.data
        : { name: n.name, kind: n.kind, port: n.port, ...(check ? { check } : {}) };
    const rf: ServiceFlowNode = {
      id: n.id,
      type: 'service',
      position: n.position,
      data,
      selected,
      ariaLabel: `${n.name}, ${describeKind(n.kind).label}, port ${n.port}`,
      ...(size ? { measured: size } : {}),
    };
    nodeCache.set(n, rf);
    lastById.set(n.id, rf);
    return rf;
  }

  function toEdge(l: DesignLink, selected: boolean, label: string, side: Side): LinkFlowEdge {
    const hit = edgeCache.get(l);
    if (
      hit &&
      hit.selected === selected &&
      hit.data?.label === label &&
      hit.sourceHandle === side[0] &&
      hit.targetHandle === side[1]
    )
      return hit;
    const color = LINK_COLORS[l.kind];
    const rf: LinkFlowEdge = {
      id: l.id,
      type: 'link',
      source: l.source,
      target: l.target,
      sourceHandle: side[0],
      targetHandle: side[1],
      data: hit?.data?.label === label && hit.data.kind === l.kind ? hit.data : { kind: l.kind, label },
      selected,
      className: `pc-edge--${l.kind}`,
      markerEnd: { type: 'arrowclosed' as MarkerType, color, width: 20, height: 20, markerUnits: 'userSpaceOnUse' },
      ariaLabel: `${label} link`,
    };
    edgeCache.set(l, rf);
    return rf;
  }

  return {
    nodes(
      nodes: readonly DesignNode[],
      selected: ReadonlySet<string>,
      sizes: ReadonlyMap<string, Size>,
      checks: ReadonlyMap<string, Severity> = NO_CHECKS,
    ) {
      if (lastById.size > nodes.length * 2 + 64) lastById.clear();
      return (lastNodes = keepSame(
        lastNodes,
        nodes.map((n) => toNode(n, selected.has(n.id), sizes.get(n.id), checks.get(n.id))),
      ));
    },
    edges(
      links: readonly DesignLink[],
      nodes: readonly DesignNode[],
      selected: ReadonlySet<string>,
      sizes: ReadonlyMap<string, Size> = new Map(),
    ) {
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const next = links.map((l) => {
        const source = byId.get(l.source);
        const target = byId.get(l.target);
        const side = source && target ? linkSides(source, target, sizes) : RIGHT_TO_LEFT;
        return toEdge(l, selected.has(l.id), linkLabel(l, source?.kind), side);
      });
      // A drag moves nodes; most moves leave every link on its sides, so React Flow keeps its edges.
      return (lastEdges = keepSame(lastEdges, next));
    },
  };
}
