import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { Panel, useReactFlow, useStore, useStoreApi, type ReactFlowState, type Viewport } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import { NODE_SIZE } from './flowModel';
import {
  centreOn,
  contentBounds,
  minimapFrame,
  minimapSize,
  panBy,
  toFlow,
  unionRect,
  viewOnMinimap,
  viewRect,
  zoomBy,
  type MinimapFrame,
} from './minimapGeometry';
import { DEFAULT_LOOK, createPainter, type MinimapArea, type MinimapLook, type MinimapNode } from './minimapPainter';
import { useTheme, type Theme } from '../shell/theme';
/** Pointer travel (px) under which a press on the minimap is a click that centres the view. */
const CLICK_SLOP = 3;
/** A wheel gesture is saved once the wheel has rested this long (React Flow's own wheel delay). */
const WHEEL_SAVE_DELAY = 150;

interface Props {
  nodes: readonly MinimapNode[];
  /** The boundaries and sticky notes, drawn under the cards. */
  areas: readonly MinimapArea[];
  /**
   * Saves the viewport: the canvas's own `onMoveEnd`, called when a pan, click or zoom here ends.
   * React Flow (12.x) also calls it after each `setViewport`; saving the same camera twice is a no-op.
   */
  onMoveEnd: (event: null, viewport: Viewport) => void;
}

// The pane's size is the one thing from React Flow's store the minimap renders for; the camera is
// followed by a subscription that places the view rectangle and the painted layers directly.
const selectSize = (s: ReactFlowState) => ({ width: s.width, height: s.height });

/** The dark theme's note colours (app.css), for when the page's variables cannot be read. */
const DARK_LOOK: MinimapLook = { noteFill: '#3d3413', noteLine: '#a16207' };

/** The theme's note colours, from the page's CSS variables (the theme sets them on <html> at once). */
function readLook(theme: Theme): MinimapLook {
  const fallback = theme === 'dark' ? DARK_LOOK : DEFAULT_LOOK;
  const css = getComputedStyle(document.documentElement);
  const noteFill = css.getPropertyValue('--pc-note-bg').trim();
  const noteLine = css.getPropertyValue('--pc-note-border').trim();
  return { noteFill: noteFill || fallback.noteFill, noteLine: noteLine || fallback.noteLine };
}

/**
 * An overview of the design in the corner of the canvas. The cards, boundaries and notes are
 * painted on canvases (see minimapPainter.ts), only when they or the shown area change and at most
 * once a frame; the view rectangle is one element whose shadow masks the rest. Drag on it to move
 * the view, click to centre the view on a spot, scroll to zoom.
 */
function MiniMapInner({ nodes, areas, onMoveEnd }: Props) {
  const flow = useReactFlow();
  const rf = useStoreApi();
  const pane = useStore(selectSize, shallow);
  const theme = useTheme((s) => s.theme);
  const look = useMemo(() => readLook(theme), [theme]);
  // The cards and the boundaries and notes: a note far from every card is still in the picture.
  const bounds = useMemo(() => contentBounds(nodes, areas, NODE_SIZE), [nodes, areas]);
  // Smaller on a small screen; the window's width is read when the pane's size changes.
  const SIZE = useMemo(() => minimapSize(pane, window.innerWidth), [pane]);

  const [painter] = useState(createPainter);
  const boxRef = useRef<HTMLDivElement>(null);
  const areasRef = useRef<HTMLCanvasElement>(null);
  const stillRef = useRef<HTMLCanvasElement>(null);
  const movingRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<HTMLDivElement>(null);
  // The frame of the last camera, for the pointer handlers below.
  const frameRef = useRef<MinimapFrame | null>(null);

  // Before the effect below, so that the first draw has its canvas.
  useLayoutEffect(() => {
    painter.attach(stillRef.current, movingRef.current, areasRef.current);
    return () => {
      painter.dispose();
      painter.attach(null, null);
    };
  }, [painter]);

  // The view rectangle's style as last written: a pan step writes only what changed.
  const placed = useRef({ width: '', height: '', transform: '' });
  // The camera, followed without rendering: a pan step places the view rectangle and the painted
  // layers and draws nothing (docs/performance.md, "The minimap during a pan").
  useLayoutEffect(() => {
    const set = (el: HTMLElement, key: keyof typeof placed.current, value: string) => {
      if (placed.current[key] === value) return;
      placed.current[key] = value;
      el.style[key] = value;
    };
    const follow = ({ transform, width, height }: ReactFlowState) => {
      const shown = viewRect(transform, width, height);
      const frame = minimapFrame(unionRect(shown, bounds), SIZE);
      frameRef.current = frame;
      const el = viewRef.current;
      if (el) {
        const seen = viewOnMinimap(frame, shown);
        set(el, 'width', `${seen.width}px`);
        set(el, 'height', `${seen.height}px`);
        set(el, 'transform', `translate(${seen.x}px, ${seen.y}px)`);
      }
      painter.update(nodes, frame, areas, look);
    };
    follow(rf.getState());
    return rf.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) follow(s);
    });
  }, [rf, painter, nodes, areas, look, bounds, SIZE]);

  // A canvas is sharp only at the screen's pixel ratio, which changes when the page is zoomed.
  useEffect(() => {
    let query: MediaQueryList | null = null;
    const watch = () => {
      query?.removeEventListener('change', onChange);
      query = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      query.addEventListener('change', onChange);
    };
    const onChange = () => {
      painter.redraw();
      watch();
    };
    watch();
    return () => query?.removeEventListener('change', onChange);
  }, [painter]);

  // The wheel listener must not be passive, so that the page does not scroll under the minimap.
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    let timer = 0;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const s = rf.getState();
      const next = zoomBy(
        flow.getViewport(),
        e.deltaY,
        e.deltaMode,
        { width: s.width, height: s.height },
        { min: s.minZoom, max: s.maxZoom },
      );
      void flow.setViewport(next);
      clearTimeout(timer);
      timer = window.setTimeout(() => onMoveEnd(null, flow.getViewport()), WHEEL_SAVE_DELAY);
    };
    box.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      box.removeEventListener('wheel', onWheel);
      if (timer) {
        clearTimeout(timer);
        onMoveEnd(null, flow.getViewport());
      }
    };
  }, [flow, rf, onMoveEnd]);

  const press = useRef<{ id: number; x: number; y: number; moved: boolean } | null>(null);

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || press.current) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    press.current = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const p = press.current;
    if (!p || p.id !== e.pointerId) return;
    const dx = e.clientX - p.x;
    const dy = e.clientY - p.y;
    if (!p.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
    p.moved = true;
    p.x = e.clientX;
    p.y = e.clientY;
    if (frameRef.current) void flow.setViewport(panBy(flow.getViewport(), dx, dy, frameRef.current));
  };

  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    const p = press.current;
    if (!p || p.id !== e.pointerId) return;
    press.current = null;
    if (p.moved) {
      onMoveEnd(null, flow.getViewport());
      return;
    }
    // A click: centre the view on the spot under the pointer.
    if (!frameRef.current) return;
    const box = e.currentTarget.getBoundingClientRect();
    const at = toFlow(frameRef.current, { x: e.clientX - box.left, y: e.clientY - box.top });
    const s = rf.getState();
    void flow
      .setViewport(centreOn(at, flow.getViewport().zoom, { width: s.width, height: s.height }))
      .then(() => onMoveEnd(null, flow.getViewport()));
  };

  const onPointerCancel = (e: ReactPointerEvent<HTMLDivElement>) => {
    const p = press.current;
    if (!p || p.id !== e.pointerId) return;
    press.current = null;
    if (p.moved) onMoveEnd(null, flow.getViewport());
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap pc-minimap">
      <div
        ref={boxRef}
        className="pc-minimap__box nodrag nopan nowheel"
        role="img"
        aria-label="Overview of the design"
        style={SIZE}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
      >
        <canvas ref={areasRef} className="pc-minimap__areas" aria-hidden="true" />
        <canvas ref={stillRef} className="pc-minimap__still" aria-hidden="true" />
        <canvas ref={movingRef} className="pc-minimap__moving" style={SIZE} aria-hidden="true" />
        <div ref={viewRef} className="pc-minimap__view" />
      </div>
    </Panel>
  );
}

export const MiniMap = memo(MiniMapInner);
