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
 * The canvas's dotted grid. React Flow's `<Background>` redraws an SVG pattern over the whole canvas
 * on every pan frame (a React render and a full repaint); this grid is one element painted with a
 * CSS gradient in its own layer, moved by a transform: panning repaints nothing, only a zoom does.
 * The camera is read from React Flow's store directly, without rendering.
 */
export function DotGrid({ gap = 20, dot = 1.4, color }: { gap?: number; dot?: number; color: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const store = useStoreApi();
  useEffect(() => {
    let lastStep = NaN;
    const apply = (t: Transform) => {
      const el = ref.current;
      if (!el) return;
      const { step, x, y } = dotGridPlacement(t, gap);
      if (step !== lastStep) {
        lastStep = step;
        const r = Math.max((dot * t[2]) / 2, 0.4);
        el.style.backgroundImage = `radial-gradient(circle, ${color} ${r}px, transparent ${r + 0.6}px)`;
        el.style.backgroundSize = `${step}px ${step}px`;
      }
      el.style.transform = `translate(${x}px, ${y}px)`;
    };
    apply(store.getState().transform);
    return store.subscribe((s, prev) => {
      if (s.transform !== prev.transform) apply(s.transform);
    });
  }, [store, gap, dot, color]);
  return <div ref={ref} className="react-flow__background pc-dots" aria-hidden="true" />;
}
