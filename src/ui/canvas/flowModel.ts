import { Position, type Edge, type HandleType, type Node, type NodeHandle } from '@xyflow/react';
import {
  NATIVE_INFO,
  describeKind,
  linkLanes,
  type DesignLink,
  type DesignNode,
  type LinkKind,
  type NativeKind,
  type NodeKind,
} from '../../core';
import { LINK_COLORS, linkLabel } from '../../core/generators/picture/style';
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
  /** The kind of the in-process module, drawn as the card's small second mark. */
  native?: NativeKind;
  /** The worst finding of the checker on this node, drawn as a badge on the card. */
  check?: Severity;
}
export type ServiceFlowNode = Node<ServiceNodeData, 'service'>;

export interface LinkEdgeData extends Record<string, unknown> {
  kind: LinkKind;
  label: string;
  /**
   * For links that join the same two cards (A→B and B→A): which lane the link is drawn in,
   * centred on 0, so the links run side by side and their labels stay apart.
   */
  lane?: number;
  /** The label's font size when it differs from the canvas's (the presenter's is larger). */
  labelSize?: number;
  /**
   * The sides the link is drawn on when a card moved and they are no longer the edge's handles.
   * Giving React Flow an edge with other handles means a new edges array, and React Flow then
   * indexes every link again (about 50 ms for 3,000 links, once each time a dragged card passes a
   * neighbour), so the model keeps the edge and sets this instead, and `LinkEdge` draws from it.
   * Set by the model on its own data object (canvas cards only, never the presenter's); an edge
   * made anew for any other reason has the right handles and none of this.
   */
  live?: Side;
}
export type LinkFlowEdge = Edge<LinkEdgeData, 'link'>;

export interface Size {
  width: number;
  height: number;
}

/**
 * Every card's size: `canvas.css` gives `.pc-node` this width and height, whatever its text (names
 * and kinds are cut with an ellipsis). Known ahead, it lets React Flow place links to a card it has
 * not drawn, so the canvas draws only the cards in view.
 */
export const NODE_SIZE: Readonly<Size> = { width: 224, height: 58 };

/**
 * Where a card's handles and anchors sit, relative to its top-left corner, as `canvas.css` puts
 * them (the 12 px handles and 6 px anchors straddle the card's edges; the 4 px coloured left border
 * moves the left ones right). All at whole pixels: React Flow copies them into an object per handle
 * per card, where a half pixel would be a boxed number. `e2e/culling.spec.ts` compares these with a
 * drawn card.
 */
export const CARD_HANDLES: readonly NodeHandle[] = [
  handle('in', 'target', Position.Left, -2, 23, 12),
  handle('in-top', 'target', Position.Top, 106, -5, 12),
  handle('out', 'source', Position.Right, 217, 23, 12),
  handle('out-bottom', 'source', Position.Bottom, 106, 51, 12),
  handle('out-left', 'source', Position.Left, 1, 26, 6),
  handle('in-right', 'target', Position.Right, 220, 26, 6),
  handle('out-top', 'source', Position.Top, 109, -2, 6),
  handle('in-bottom', 'target', Position.Bottom, 109, 54, 6),
];

function handle(id: string, type: HandleType, position: Position, x: number, y: number, size: number): NodeHandle {
  return { id, type, position, x, y, width: size, height: size };
}
// Every node object shares these two (React Flow's node type asks for mutable ones; nothing writes them).
const HANDLES = CARD_HANDLES as NodeHandle[];
const MEASURED: Size = NODE_SIZE;

export type Side = readonly [sourceHandle: string, targetHandle: string];
const RIGHT_TO_LEFT: Side = ['out', 'in'];
const LEFT_TO_RIGHT: Side = ['out-left', 'in-right'];
const DOWN: Side = ['out-bottom', 'in-top'];
const UP: Side = ['out-top', 'in-bottom'];

/**
 * The handles an edge names for its sides. The usual sides, right to left, are named by none:
 * React Flow then takes a card's first source and first target handle, which are `out` and `in`
 * (first in `CARD_HANDLES` and in the card's markup). It keeps a lookup of links per node, per
 * node and handle type, and per named handle; unnamed, most links add no entry of the last kind
 * (thousands of maps in a large design).
 */
function handlesOf(side: Side): [string | null, string | null] {
  return side[0] === 'out' && side[1] === 'in' ? [null, null] : [side[0], side[1]];
}

/** The handles an edge ends on: the ones it names, else `out` and `in` (see `handlesOf`). */
export function edgeHandles(e: { sourceHandle?: string | null; targetHandle?: string | null }): Side {
  return [e.sourceHandle ?? 'out', e.targetHandle ?? 'in'];
}

/** The sides an edge is drawn on: its `live` ones when a card moved since it was made, else its handles. */
export function drawnSides(e: LinkFlowEdge): Side {
  return e.data?.live ?? edgeHandles(e);
}

/**
 * Which sides of the two cards a link leaves and enters, so it never cuts through a card when the
 * target sits left of or below its source. Sideways wins unless the cards are stacked.
 */
export function linkSides(source: DesignNode, target: DesignNode, size: Size = NODE_SIZE): Side {
  // Every card has the same size, so the centres' offset is the corners' offset.
  const dx = target.position.x - source.position.x;
  const dy = target.position.y - source.position.y;
  const gapX = Math.abs(dx) - size.width;
  const gapY = Math.abs(dy) - size.height;
  if (gapX > 24 || gapX >= gapY) return dx >= 0 ? RIGHT_TO_LEFT : LEFT_TO_RIGHT;
  return dy >= 0 ? DOWN : UP;
}

// One definition of link colours and labels serves the canvas and the pictures.
export { LINK_COLORS, linkLabel };

/**
 * A link's colour on the canvas: the kind's colour, except REST's slate, which follows the theme
 * (`--pc-link-rest`) so that it stays readable on the dark canvas.
 */
export function strokeOf(kind: keyof typeof LINK_COLORS): string {
  return kind === 'rest' ? 'var(--pc-link-rest)' : LINK_COLORS[kind];
}

/**
 * The id of the arrowhead a link of this kind ends in, drawn once per kind by `LinkMarkers`. A
 * marker given as an object would have React Flow work out every link's marker id again whenever
 * the links change (a few thousand at a time in a large design).
 */
export function markerIdOf(kind: keyof typeof LINK_COLORS): string {
  return once(`pc-arrow-${kind}`);
}

/**
 * One string for every equal text made here: a link's class, marker and accessible name repeat
 * across thousands of links, and each `${…}` would otherwise hold its own copy (and, past 12
 * characters, its own chain of joined pieces). At most 10,000 kept.
 */
const texts = new Map<string, string>();
function once(text: string): string {
  let t = texts.get(text);
  if (t === undefined) {
    if (texts.size >= 10_000) texts.clear(); // topics are the user's: a long session may make many
    texts.set(text, (t = text));
  }
  return t;
}

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
  // Lanes depend on the links alone: a drag, which changes only nodes, does not recount them.
  let lanesOf: readonly DesignLink[] | null = null;
  let lanes = new Map<string, number>();

  function toNode(n: DesignNode, selected: boolean, check?: Severity): ServiceFlowNode {
    const hit = nodeCache.get(n);
    if (hit && hit.selected === selected && hit.data.check === check) return hit;
    const prev = hit ?? lastById.get(n.id);
    const data =
      prev &&
      prev.data.name === n.name &&
      prev.data.kind === n.kind &&
      prev.data.port === n.port &&
      prev.data.native === n.native?.kind &&
      prev.data.check === check
        ? prev.data
        : {
            name: n.name,
            kind: n.kind,
            port: n.port,
            ...(n.native ? { native: n.native.kind } : {}),
            ...(check ? { check } : {}),
          };
    const rf: ServiceFlowNode = {
      id: n.id,
      type: 'service',
      position: n.position,
      data,
      selected,
      // Joined rather than `${…}`: one flat string per card, not a chain of pieces.
      ariaLabel: [
        n.name,
        ', ',
        describeKind(n.kind).label,
        n.native ? ` with ${NATIVE_INFO[n.native.kind].label}` : '',
        ', port ',
        n.port,
      ].join(''),
      // Size and handles given, so React Flow need not draw a card to know where its links end.
      measured: MEASURED,
      handles: HANDLES,
    };
    nodeCache.set(n, rf);
    lastById.set(n.id, rf);
    return rf;
  }

  /** `live`: a change of sides alone keeps the edge and is drawn from `data.live` (see there). */
  function toEdge(
    l: DesignLink,
    selected: boolean,
    label: string,
    side: Side,
    lane: number | undefined,
    live: boolean,
  ): LinkFlowEdge {
    const hit = edgeCache.get(l);
    if (hit?.data && hit.selected === selected && hit.data.label === label && hit.data.lane === lane) {
      const [from, to] = edgeHandles(hit);
      const handlesAre = from === side[0] && to === side[1];
      if (live) {
        if (handlesAre) delete hit.data.live;
        else hit.data.live = side;
        return hit;
      }
      if (handlesAre && !hit.data.live) return hit;
    }
    const [sourceHandle, targetHandle] = handlesOf(side);
    const rf: LinkFlowEdge = {
      id: l.id,
      type: 'link',
      source: l.source,
      target: l.target,
      sourceHandle,
      targetHandle,
      data:
        hit?.data?.label === label && hit.data.kind === l.kind && hit.data.lane === lane && !hit.data.live
          ? hit.data
          : { kind: l.kind, label, ...(lane !== undefined ? { lane } : {}) },
      selected,
      className: once(`pc-edge--${l.kind}`),
      markerEnd: markerIdOf(l.kind),
      ariaLabel: once(`${label} link`),
    };
    edgeCache.set(l, rf);
    return rf;
  }

  // The arguments of the last calls: a drag step replaces a few node objects and nothing else, so
  // the next call redoes only the elements of the nodes that changed (found by identity).
  let nodesIn: readonly DesignNode[] = [];
  let nodesSelected: ReadonlySet<string> | null = null;
  let nodesChecks: ReadonlyMap<string, Severity> | null = null;
  let edgesIn: {
    links: readonly DesignLink[];
    nodes: readonly DesignNode[];
    selected: ReadonlySet<string>;
    size: Size;
  } | null = null;
  let byId = new Map<string, DesignNode>();
  /** Per node id, the indexes of the links that start or end at it. */
  let linksAt = new Map<string, number[]>();

  /** The indexes at which `next` holds another object than `prev` (same length), or null when over `limit`. */
  function changedAt<T>(prev: readonly T[], next: readonly T[], limit: number): number[] | null {
    const out: number[] = [];
    for (let i = 0; i < next.length; i++)
      if (next[i] !== prev[i]) {
        out.push(i);
        if (out.length > limit) return null;
      }
    return out;
  }

  /** The ids selected in one set and not the other, or null when there are more than `limit`. */
  function selectionDelta(prev: ReadonlySet<string>, next: ReadonlySet<string>, limit: number): string[] | null {
    if (prev === next) return [];
    const out: string[] = [];
    for (const id of next) if (!prev.has(id) && out.push(id) > limit) return null;
    for (const id of prev) if (!next.has(id) && out.push(id) > limit) return null;
    return out;
  }
  /** Where each node id sits in the last nodes given, and each link id in the last links. */
  let nodeIndex = new Map<string, number>();
  let nodeIndexOf: readonly DesignNode[] | null = null;
  let linkIndex = new Map<string, number>();

  function edgeOf(l: DesignLink, selected: ReadonlySet<string>, size: Size, live = false): LinkFlowEdge {
    const source = byId.get(l.source);
    const target = byId.get(l.target);
    const side = source && target ? linkSides(source, target, size) : RIGHT_TO_LEFT;
    return toEdge(l, selected.has(l.id), linkLabel(l, source?.kind), side, lanes.get(l.id), live);
  }

  return {
    nodes(
      nodes: readonly DesignNode[],
      selected: ReadonlySet<string>,
      checks: ReadonlyMap<string, Severity> = NO_CHECKS,
    ) {
      const picked = nodesSelected && checks === nodesChecks ? selectionDelta(nodesSelected, selected, 64) : null;
      let changed = picked && nodes.length === nodesIn.length ? changedAt(nodesIn, nodes, 64) : null;
      if (changed && changed.some((i) => nodes[i]?.id !== nodesIn[i]?.id)) changed = null;
      if (changed && picked && picked.length > 0) {
        if (nodeIndexOf !== nodesIn) {
          nodeIndex = new Map(nodesIn.map((n, i) => [n.id, i]));
          nodeIndexOf = nodesIn;
        }
        for (const id of picked) {
          const i = nodeIndex.get(id);
          if (i !== undefined) changed.push(i);
        }
      }
      const indexed = nodeIndexOf === nodesIn;
      nodesIn = nodes;
      nodesSelected = selected;
      nodesChecks = checks;
      if (changed) {
        // Same ids at the same places: the index stays right for the new array.
        if (indexed) nodeIndexOf = nodes;
        if (changed.length === 0) return lastNodes;
        let next: ServiceFlowNode[] | null = null;
        for (const i of changed) {
          const n = nodes[i] as DesignNode;
          const rf = toNode(n, selected.has(n.id), checks.get(n.id));
          if (rf === lastNodes[i]) continue;
          next ??= lastNodes.slice();
          next[i] = rf;
        }
        return next ? (lastNodes = next) : lastNodes;
      }
      nodeIndexOf = null;
      if (lastById.size > nodes.length * 2 + 64) lastById.clear();
      return (lastNodes = keepSame(
        lastNodes,
        nodes.map((n) => toNode(n, selected.has(n.id), checks.get(n.id))),
      ));
    },
    /** `size`: the size the cards are drawn at (the presenter's are larger). */
    edges(
      links: readonly DesignLink[],
      nodes: readonly DesignNode[],
      selected: ReadonlySet<string>,
      size: Size = NODE_SIZE,
    ) {
      const last = edgesIn;
      edgesIn = { links, nodes, selected, size };
      const picked =
        last && last.links === links && last.size === size ? selectionDelta(last.selected, selected, 64) : null;
      if (last && picked && last.nodes.length === nodes.length) {
        const changed = changedAt(last.nodes, nodes, 64);
        if (changed && changed.every((i) => nodes[i]?.id === last.nodes[i]?.id)) {
          if (changed.length === 0 && picked.length === 0) return lastEdges;
          const redo = new Set<number>();
          for (const id of picked) {
            const j = linkIndex.get(id);
            if (j !== undefined) redo.add(j);
          }
          for (const i of changed) {
            const n = nodes[i] as DesignNode;
            byId.set(n.id, n);
            for (const j of linksAt.get(n.id) ?? []) redo.add(j);
          }
          let next: LinkFlowEdge[] | null = null;
          // Cards moved: a link whose sides flip keeps its edge (see `live`), on the canvas's cards.
          const live = size === NODE_SIZE;
          for (const j of redo) {
            const rf = edgeOf(links[j] as DesignLink, selected, size, live);
            if (rf === lastEdges[j]) continue;
            next ??= lastEdges.slice();
            next[j] = rf;
          }
          // A drag moves nodes and leaves every link's edge as it was, so React Flow keeps its edges.
          return next ? (lastEdges = next) : lastEdges;
        }
      }
      byId = new Map(nodes.map((n) => [n.id, n]));
      if (lanesOf !== links) {
        lanes = linkLanes(links);
        lanesOf = links;
        linksAt = new Map();
        linkIndex = new Map(links.map((l, j) => [l.id, j]));
        links.forEach((l, j) => {
          for (const end of l.source === l.target ? [l.source] : [l.source, l.target]) {
            const at = linksAt.get(end);
            if (at) at.push(j);
            else linksAt.set(end, [j]);
          }
        });
      }
      const next = links.map((l) => edgeOf(l, selected, size));
      return (lastEdges = keepSame(lastEdges, next));
    },
  };
}
