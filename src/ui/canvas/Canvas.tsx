import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import {
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  type ReactFlowState,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnConnectEnd,
  type Viewport,
} from '@xyflow/react';
import { allowedLinkKinds, isNodeKind, type LinkKind, type XY } from '../../core';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { PALETTE_MIME } from '../palette/paletteModel';
import { EmptyState } from './EmptyState';
import { FindButton, FindPanel, useFindShortcut } from './FindService';
import { ShortcutsButton } from './ShortcutsButton';
import { CanvasMenu, middleOf, useCanvasMenuKeys, type MenuTarget } from './CanvasMenu';
import { ZoomPercent } from './ZoomPercent';
import { LinkEdge, LinkMarkers } from './LinkEdge';
import { LinkKindChooser } from './LinkKindChooser';
import { DotGrid } from './DotGrid';
import { MiniMap } from './MiniMap';
import { ServiceNode } from './ServiceNode';
import { BoundaryNode } from './BoundaryNode';
import { NoteNode } from './NoteNode';
import { createAreaModel, type AreaFlowNode } from './areaModel';
import { NODE_SIZE, createFlowModel, type LinkFlowEdge, type ServiceFlowNode } from './flowModel';
import { FitViewButton } from './FitViewButton';
import { useFitView } from './useFitView';
import { useAddNode } from './useAddNode';
import { useRevealView } from '../presenter/PresenterContext';
import { revealAreas, revealEdges, revealNodes } from '../presenter/reveal';
import { PRESENTER_CARD, presentedNodes } from '../presenter/presentedLayout';
import { severitiesOf, useFindings } from '../checks/useFindings';
import { useTheme } from '../shell/theme';

const nodeTypes = { service: ServiceNode, boundary: BoundaryNode, note: NoteNode };
/** What the canvas draws as nodes: cards, and the boundaries and notes around them. */
type CanvasNode = ServiceFlowNode | AreaFlowNode;
/** The palette's entries that are not node kinds. */
export const AREA_KINDS = { boundary: 'boundary', note: 'note' } as const;
const edgeTypes = { link: LinkEdge };
const DELETE_KEYS = ['Delete', 'Backspace'];
const CONNECTION_LINE_STYLE = { stroke: 'var(--pc-muted)', strokeWidth: 2 };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const MIN_ZOOM = 0.1;
/** Below this zoom a card's text is under 4 px high: the canvas draws cards and links without text. */
const FAR_ZOOM = 0.3;
const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;
/** A framed template or import opens at least this close, where card text is readable. */
const READABLE_ZOOM = 0.5;

/** Where a context menu opens: at the pointer, or on the element when a key opened it. */
function pointOf(e: ReactMouseEvent): { x: number; y: number } {
  if (e.clientX !== 0 || e.clientY !== 0) return { x: e.clientX, y: e.clientY };
  return middleOf(e.currentTarget) ?? { x: 0, y: 0 };
}

interface Chooser {
  linkId: string;
  kinds: LinkKind[];
  x: number;
  y: number;
}

/**
 * The canvas, controlled from the store. It is the one component that subscribes to all nodes
 * and links; the flow model hands React Flow new objects only for elements that changed.
 */
export function Canvas() {
  const store = useDesignStoreApi();
  const flow = useReactFlow<CanvasNode, LinkFlowEdge>();
  const addNode = useAddNode();
  const designNodes = useDesignStore((s) => s.design.nodes);
  const designLinks = useDesignStore((s) => s.design.links);
  const designBoundaries = useDesignStore((s) => s.design.boundaries);
  const designNotes = useDesignStore((s) => s.design.notes);
  const selection = useDesignStore((s) => s.selection);
  const loadCount = useDesignStore((s) => s.loadCount);
  const [chooser, setChooser] = useState<Chooser | null>(null);
  const [finding, setFinding] = useState(false);
  const [menu, setMenu] = useState<MenuTarget | null>(null);
  const [initialViewport] = useState(() => store.getState().design.viewport);
  const pendingChooser = useRef<Omit<Chooser, 'x' | 'y'> | null>(null);
  const [model] = useState(createFlowModel);
  const [areaModel] = useState(createAreaModel);
  const theme = useTheme((s) => s.theme);

  // Presenting shows only the revealed elements and edits nothing, the camera included. Its cards
  // and labels are larger, so it draws them on a layout grown to match.
  const reveal = useRevealView();
  const presenting = reveal !== null;
  const placedNodes = useMemo(
    () => (presenting ? presentedNodes(designNodes, designLinks) : designNodes),
    [presenting, designNodes, designLinks],
  );

  const findings = useFindings();
  const checks = useMemo(() => (findings ? severitiesOf(findings) : undefined), [findings]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const nodes = useMemo(() => model.nodes(placedNodes, selected, checks), [model, placedNodes, selected, checks]);
  const edges = useMemo(
    () => model.edges(designLinks, placedNodes, selected, presenting ? PRESENTER_CARD : NODE_SIZE),
    [model, designLinks, placedNodes, selected, presenting],
  );

  // One subscription for the whole canvas; it renders again only when the zoom crosses FAR_ZOOM.
  const far = useStore(isFar);
  const areaNodes = useMemo(
    () =>
      areaModel.nodes(
        designBoundaries,
        designNotes,
        selected,
        presenting ? { nodes: placedNodes, card: PRESENTER_CARD } : undefined,
      ),
    [areaModel, designBoundaries, designNotes, selected, presenting, placedNodes],
  );
  const shownCards = useMemo(() => revealNodes(nodes, reveal), [nodes, reveal]);
  // Boundaries first, so they are drawn behind the cards; a design without any pays nothing.
  const shownNodes = useMemo<CanvasNode[]>(
    () => (areaNodes.length === 0 ? shownCards : [...revealAreas(areaNodes, reveal), ...shownCards]),
    [areaNodes, shownCards, reveal],
  );
  const shownEdges = useMemo(() => revealEdges(edges, reveal), [edges, reveal]);

  // A loaded design (New, Open) brings its own camera; a template or an imported file is framed.
  // Framed a frame later and by the canvas's own size: a notice shown with the load (an import's
  // banner) makes the canvas shorter, which React Flow learns only after the browser's layout.
  const canvasRef = useRef<HTMLDivElement>(null);
  const fit = useFitView();
  useEffect(() => {
    if (loadCount === 0) return;
    const { loadCamera, design } = store.getState();
    if (loadCamera !== 'fit') {
      void flow.setViewport(design.viewport);
      return;
    }
    const frame = requestAnimationFrame(() => {
      const el = canvasRef.current;
      if (!el || el.clientWidth === 0) return;
      // Never so far out that the text on the cards is hidden; a larger design shows its start.
      fit({ pane: { width: el.clientWidth, height: el.clientHeight }, padding: 0.1, minZoom: READABLE_ZOOM });
    });
    return () => cancelAnimationFrame(frame);
  }, [loadCount, flow, store, fit]);

  const refuse = useCallback(
    (reason: string) =>
      store.getState().notify({ tone: 'error', placement: 'toast', title: 'Link refused', text: reason }),
    [store],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const moves = new Map<string, XY>();
      const picks: { id: string; selected: boolean }[] = [];
      for (const c of changes) {
        if (c.type === 'position' && c.position) moves.set(c.id, c.position);
        // A boundary's corner handle: the only node whose size changes by hand.
        else if (c.type === 'dimensions' && c.resizing && c.dimensions)
          store.getState().resizeBoundary(c.id, c.dimensions);
        else if (c.type === 'select') picks.push({ id: c.id, selected: c.selected });
        // Every card has the flow model's fixed size, so 'dimensions' changes carry nothing new;
        // 'remove' arrives through onDelete as one step; 'add' and 'replace' never come from here.
      }
      const s = store.getState();
      if (moves.size > 0) s.moveNodes(moves);
      if (picks.length > 0) s.applySelectionChanges(picks);
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<LinkFlowEdge>[]) => {
      const picks = changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : []));
      if (picks.length > 0) store.getState().applySelectionChanges(picks);
    },
    [store],
  );

  const kindsBetween = useCallback(
    (source: string, target: string) => {
      const nodes = store.getState().design.nodes;
      const s = nodes.find((n) => n.id === source);
      const t = nodes.find((n) => n.id === target);
      return s && t ? allowedLinkKinds(s.kind, t.kind) : [];
    },
    [store],
  );

  const isValidConnection = useCallback(
    (c: Connection | Edge) => c.source !== c.target && kindsBetween(c.source, c.target).length > 0,
    [kindsBetween],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const r = store.getState().connect(c.source, c.target);
      if (!r.ok) {
        refuse(r.reason);
        return;
      }
      const kinds = kindsBetween(c.source, c.target);
      if (kinds.length > 1) pendingChooser.current = { linkId: r.id, kinds };
    },
    [store, kindsBetween, refuse],
  );

  const onConnectEnd: OnConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const pending = pendingChooser.current;
      pendingChooser.current = null;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (pending && point) {
        setChooser({ ...pending, x: point.clientX, y: point.clientY });
        return;
      }
      const { fromNode, toNode, fromHandle, toHandle, isValid } = state;
      // Dropped on a handle that refused the link: say why instead of silently doing nothing.
      if (isValid !== false || !fromNode || !toNode || !fromHandle || !toHandle) return;
      if (fromNode.id === toNode.id || fromHandle.type === toHandle.type) return;
      const [source, target] = fromHandle.type === 'source' ? [fromNode.id, toNode.id] : [toNode.id, fromNode.id];
      const r = store.getState().connect(source, target);
      if (!r.ok) refuse(r.reason);
    },
    [store, refuse],
  );

  const chooseKind = useCallback(
    (kind: LinkKind) => {
      if (!chooser) return;
      setChooser(null);
      const r = store.getState().setLinkKind(chooser.linkId, kind, { merge: true });
      if (!r.ok) refuse(r.reason);
    },
    [chooser, store, refuse],
  );
  const closeChooser = useCallback(() => setChooser(null), []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      // Files fall through to the window's handler, which opens them.
      if (!kind) return;
      e.preventDefault();
      e.stopPropagation();
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      if (isNodeKind(kind)) addNode(kind, at);
      else if (kind === AREA_KINDS.boundary) store.getState().addBoundary({ x: at.x - 40, y: at.y - 24 });
      else if (kind === AREA_KINDS.note) store.getState().addNote({ x: at.x - 100, y: at.y - 60 });
    },
    [addNode, flow, store],
  );

  // A press on the empty pane (a pan, or a selection box) holds the pointer there until release:
  // the browser then sends every move to the pane without hit-testing the cards, links, handles
  // and labels under it, which was a sixth of the browser's work in a pan of a large design.
  useEffect(() => {
    const el = canvasRef.current;
    if (!el) return;
    const down = (e: PointerEvent) => {
      const t = e.target as Element | null;
      if (e.button === 0 && e.pointerType === 'mouse' && t?.classList.contains('react-flow__pane'))
        t.setPointerCapture(e.pointerId);
    };
    el.addEventListener('pointerdown', down);
    return () => el.removeEventListener('pointerdown', down);
  }, []);

  const presentingRef = useRef(presenting);
  useEffect(() => {
    presentingRef.current = presenting;
  }, [presenting]);
  // React Flow copies every callback prop into its own store when it changes, and each copy wakes
  // every node, handle and edge subscriber: the callbacks keep one identity for the canvas's life.
  const handlers = useMemo(() => {
    const s = store.getState;
    return {
      beginDrag: () => s().beginDrag(),
      endDrag: () => s().endDrag(),
      onDelete: ({ nodes: n, edges: e }: { nodes: CanvasNode[]; edges: LinkFlowEdge[] }) =>
        s().removeElements([...n.map((x) => x.id), ...e.map((x) => x.id)]),
      // Presenting never moves the design's saved viewport.
      onMoveEnd: (_e: unknown, vp: Viewport) => {
        if (!presentingRef.current) s().setViewport(vp);
      },
      // The context-menu key sends no pointer position: the menu opens on the element instead.
      nodeMenu: (e: ReactMouseEvent, n: CanvasNode) => {
        e.preventDefault();
        if (!s().selection.includes(n.id)) s().select([n.id]);
        setMenu({ on: n.type === 'service' ? 'node' : 'area', id: n.id, ...pointOf(e) });
      },
      edgeMenu: (e: ReactMouseEvent, l: LinkFlowEdge) => {
        e.preventDefault();
        if (!s().selection.includes(l.id)) s().select([l.id]);
        setMenu({ on: 'link', id: l.id, ...pointOf(e) });
      },
      paneMenu: (e: ReactMouseEvent | MouseEvent) => {
        e.preventDefault();
        setMenu({ on: 'pane', x: e.clientX, y: e.clientY });
      },
    };
  }, [store]);

  const openFind = useCallback(() => {
    setFinding(true);
    document.querySelector<HTMLElement>('.pc-find__input')?.focus();
  }, []);
  const closeFind = useCallback(() => setFinding(false), []);
  useFindShortcut(openFind, !presenting);
  const closeMenu = useCallback(() => setMenu(null), []);
  useCanvasMenuKeys(setMenu, !presenting);

  return (
    <div
      ref={canvasRef}
      className={`pc-canvas${presenting ? ' pc-canvas--presenting' : ''}${far ? ' pc-canvas--far' : ''}`}
      onDragOver={presenting ? undefined : onDragOver}
      onDrop={presenting ? undefined : onDrop}
    >
      <LinkMarkers />
      <ReactFlow<CanvasNode, LinkFlowEdge>
        nodes={shownNodes}
        edges={shownEdges}
        nodesDraggable={!presenting}
        nodesConnectable={!presenting}
        elementsSelectable={!presenting}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={handlers.beginDrag}
        onNodeDragStop={handlers.endDrag}
        onSelectionDragStart={handlers.beginDrag}
        onSelectionDragStop={handlers.endDrag}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDelete={handlers.onDelete}
        onMoveEnd={handlers.onMoveEnd}
        onNodeContextMenu={presenting ? undefined : handlers.nodeMenu}
        onEdgeContextMenu={presenting ? undefined : handlers.edgeMenu}
        onPaneContextMenu={presenting ? undefined : handlers.paneMenu}
        defaultViewport={initialViewport}
        deleteKeyCode={presenting ? null : DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        minZoom={MIN_ZOOM}
        maxZoom={4}
        colorMode={theme}
        elevateEdgesOnSelect
        connectionLineStyle={CONNECTION_LINE_STYLE}
        // Only the cards and links in view are drawn: the flow model gives every card's size and
        // handles, so links to cards out of view still end in the right place.
        onlyRenderVisibleElements
      >
        <DotGrid gap={20} dot={1.4} color="var(--pc-grid)" />
        {presenting ? null : <MiniMap nodes={shownCards} areas={areaNodes} onMoveEnd={handlers.onMoveEnd} />}
        <Controls showInteractive={false} showFitView={false}>
          <FitViewButton />
          {presenting ? null : <FindButton onClick={openFind} />}
          {presenting ? null : <ShortcutsButton />}
          <ZoomPercent />
        </Controls>
        {finding && !presenting ? <FindPanel onClose={closeFind} /> : null}
      </ReactFlow>
      {designNodes.length === 0 && !presenting ? <EmptyState /> : null}
      {menu && !presenting ? <CanvasMenu target={menu} onClose={closeMenu} /> : null}
      {chooser ? (
        <LinkKindChooser
          x={chooser.x}
          y={chooser.y}
          kinds={chooser.kinds}
          current={chooser.kinds[0] ?? 'rest'}
          onChoose={chooseKind}
          onClose={closeChooser}
        />
      ) : null}
    </div>
  );
}
