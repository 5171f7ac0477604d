import { useEffect, useRef } from 'react';
import { useStoreApi, type Transform } from '@xyflow/react';

/** Where the grid layer sits and how its tiles are sized for a camera: pure, so it is unit-tested. */
export function dotGridPlacement([x, y, zoom]: Transform, gap: number) {
  const step = gap * zoom;
  // Tile centres (where the dots are) fall on flow coordinates that are multiples of `gap`; the layer
  // starts less than one tile left of and above the canvas, so it always covers it.
  const offset = (v: number) => ((((v - step / 2) % step) + step) % step) - step;
  return { step, x: offset(x), y: offset(y) };
}

/**
 * The tile the grid is painted with for a step between dots (CSS px), and the scale the layer is
 * shown at so that the tiles are `step` apart on screen: a whole number of pixels, never smaller
 * than the step (so the layer, sized for the step, still covers the canvas). The grid is painted
 * again at each zoom step; painted at a fractional tile size, that dropped about twice as many
 * frames during a zoom (docs/performance.md, "Zoom frames at 2,000 and 5,000 services").
 */
export function dotGridTile(step: number): { tile: number; scale: number } {
  const tile = Math.max(1, Math.floor(step));
  return { tile, scale: step / tile };
}

/**
 * The canvas's dotted grid. React Flow's `<Background>` redraws an SVG pattern over the whole canvas
 * on every pan frame (a React render and a full repaint); this grid is one element painted with a
 * CSS gradient in its own layer, moved by a transform: panning repaints nothing, only a zoom does,
 * with a tile of whole pixels (`dotGridTile`).
 * The camera is read from React Flow's store directly, without rendering.
 */
export function DotGrid({ gap = 20, dot = 1.4, color }: { gap?: number; dot?: number; color: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const store = useStoreApi();
  useEffect(() => {
    let lastStep = NaN;
    let scale = 1;
    const apply = (t: Transform) => {
      const el = ref.current;
      if (!el) return;
      const { step, x, y } = dotGridPlacement(t, gap);
      if (step !== lastStep) {
        lastStep = step;
        const painted = dotGridTile(step);
        scale = painted.scale;
        // painted at 1 / scale, so that the dots and their soft edge have their size on screen
        const r = Math.max((dot * t[2]) / 2, 0.4) / scale;
        el.style.backgroundImage = `radial-gradient(circle, ${color} ${r}px, transparent ${r + 0.6 / scale}px)`;
        el.style.backgroundSize = `${painted.tile}px ${painted.tile}px`;
      }
      el.style.transform = scale === 1 ? `translate(${x}px, ${y}px)` : `translate(${x}px, ${y}px) scale(${scale})`;
    };
    apply(store.getState().transform);
    return store.subscribe((s, prev) => {
      if (s.transform !== prev.transform) apply(s.transform);
    });
  }, [store, gap, dot, color]);
  return <div ref={ref} className="react-flow__background pc-dots" aria-hidden="true" />;
}
