import { roleOf } from '../catalog/catalog';
import type { Design, DesignLink, DesignNode, XY } from '../model/types';
import { linkLabel } from '../generators/picture/style';
import { gapForLabel, labelTagSize, laneCounts } from './labelRoom';

/**
 * The part of ELK's JSON graph format that auto-layout uses. Declared here rather than imported
 * from elkjs, so that the core stays free of the layout engine: the app loads it lazily.
 */
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  x?: number;
  y?: number;
}

export interface LayoutEdge {
  id: string;
  sources: [string];
  targets: [string];
}

export interface LayoutGraph {
  id: string;
  layoutOptions: Record<string, string>;
  children: LayoutNode[];
  edges: LayoutEdge[];
}

/** What the engine hands back: the same graph with a position on every child. */
export interface LaidOutGraph {
  children?: readonly { id: string; x?: number; y?: number }[];
}

export interface NodeSize {
  width: number;
  height: number;
}

/** A card's size before the canvas has measured it (the card is about this big). */
export const DEFAULT_NODE_SIZE: NodeSize = { width: 224, height: 64 };

/**
 * Layered layout, left to right. The cards are wide and their main handles sit on the left
 * (incoming) and right (outgoing) sides, so a left-to-right flow draws every link from one card's
 * right side into the next card's left side, and a chain of calls reads like a sentence: the
 * entry (frontend, gateway) on the left, the databases on the right.
 */
export const LAYOUT_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Between cards of one column, and between columns: at least this much; buildLayoutGraph widens
  // the columns' gap to the longest link label (see layerGap).
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '120',
  'elk.spacing.componentComponent': '80',
  // Unconnected parts and lone cards are packed beside the connected ones, not dropped.
  'elk.separateConnectedComponents': 'true',
  // Keep the design's own order where the graph leaves a choice, so a layout is stable.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  // The canvas draws its own links; ELK's orthogonal routing would only cost time.
  'elk.edgeRouting': 'POLYLINE',
  'elk.randomSeed': '1',
};

/** Above this many nodes crossing minimisation tries less hard: seconds matter more than a crossing. */
export const LARGE_LAYOUT = 400;

/**
 * Which way a link points in the layout: the way calls and messages travel. REST and gRPC go from
 * caller to callee, a queue link as it is drawn (publisher -> broker -> subscriber), and a database
 * link from the service to its database, whichever way the link was stored.
 */
export function layoutDirection(link: DesignLink, nodes: ReadonlyMap<string, DesignNode>): [string, string] {
  if (link.kind === 'database') {
    const source = nodes.get(link.source);
    if (source && roleOf(source.kind) === 'database') return [link.target, link.source];
  }
  return [link.source, link.target];
}

/**
 * Builds the ELK graph of a design: one child per node, sized as the canvas draws it (`sizes`,
 * falling back to {@link DEFAULT_NODE_SIZE}), and one edge per link in call direction. Links to
 * nodes that do not exist are left out rather than failing the whole layout.
 */
export function buildLayoutGraph(design: Design, sizes: ReadonlyMap<string, NodeSize> = new Map()): LayoutGraph {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const children = design.nodes.map((n) => {
    const s = sizes.get(n.id);
    const ok = s && s.width > 0 && s.height > 0 && Number.isFinite(s.width) && Number.isFinite(s.height);
    const size = ok ? s : DEFAULT_NODE_SIZE;
    return { id: n.id, width: Math.ceil(size.width), height: Math.ceil(size.height) };
  });
  const edges: LayoutEdge[] = [];
  for (const link of design.links) {
    if (!byId.has(link.source) || !byId.has(link.target) || link.source === link.target) continue;
    const [source, target] = layoutDirection(link, byId);
    edges.push({ id: link.id, sources: [source], targets: [target] });
  }
  const effort: Record<string, string> = children.length > LARGE_LAYOUT ? { 'elk.layered.thoroughness': '1' } : {};
  const gaps = {
    'elk.layered.spacing.nodeNodeBetweenLayers': String(layerGap(design)),
    'elk.spacing.nodeNode': String(rowGap(design)),
  };
  return { id: 'root', layoutOptions: { ...LAYOUT_OPTIONS, ...gaps, ...effort }, children, edges };
}

const MIN_LAYER_GAP = Number(LAYOUT_OPTIONS['elk.layered.spacing.nodeNodeBetweenLayers']);
const MIN_ROW_GAP = Number(LAYOUT_OPTIONS['elk.spacing.nodeNode']);

/**
 * The gap between columns: wide enough for the longest link label (links run between columns,
 * their labels in the middle), with a margin on both sides, and never under 120 px.
 */
export function layerGap(design: Pick<Design, 'nodes' | 'links'>): number {
  const kinds = new Map(design.nodes.map((n) => [n.id, n.kind]));
  let gap = MIN_LAYER_GAP;
  for (const l of design.links) gap = Math.max(gap, gapForLabel(labelTagSize(linkLabel(l, kinds.get(l.source)))).x);
  return Math.ceil(gap);
}

/**
 * The gap between cards of one column: room for the labels of links between the same two cards
 * (A→B and B→A) drawn a lane apart, when such links run between cards stacked in a column.
 */
export function rowGap(design: Pick<Design, 'links'>): number {
  let most = 1;
  for (const n of laneCounts(design.links).values()) most = Math.max(most, n);
  return Math.max(MIN_ROW_GAP, Math.ceil(gapForLabel(labelTagSize('REST'), most).y));
}

/**
 * Turns a laid-out graph into node positions. The layout keeps the top-left corner the design had
 * (so it does not jump across the canvas), and positions are whole numbers, so laying out a design
 * that is already laid out gives exactly the same positions. Throws when a node got no position:
 * a broken answer must not move half the design.
 */
export function positionsFromLayout(design: Design, laidOut: LaidOutGraph): Map<string, XY> {
  const placed = new Map<string, XY>();
  for (const c of laidOut.children ?? []) {
    if (typeof c.x === 'number' && typeof c.y === 'number' && Number.isFinite(c.x) && Number.isFinite(c.y))
      placed.set(c.id, { x: c.x, y: c.y });
  }
  const missing = design.nodes.filter((n) => !placed.has(n.id));
  if (missing.length > 0) throw new Error(`The layout placed no position for ${missing.length} node(s).`);
  if (design.nodes.length === 0) return new Map();
  const anchor = corner(design.nodes.map((n) => n.position));
  const origin = corner([...placed.values()]);
  const moves = new Map<string, XY>();
  for (const n of design.nodes) {
    const p = placed.get(n.id)!;
    moves.set(n.id, { x: Math.round(anchor.x + p.x - origin.x), y: Math.round(anchor.y + p.y - origin.y) });
  }
  return moves;
}

function corner(points: readonly XY[]): XY {
  let x = Infinity;
  let y = Infinity;
  for (const p of points) {
    if (p.x < x) x = p.x;
    if (p.y < y) y = p.y;
  }
  return { x: Number.isFinite(x) ? Math.round(x) : 0, y: Number.isFinite(y) ? Math.round(y) : 0 };
}
