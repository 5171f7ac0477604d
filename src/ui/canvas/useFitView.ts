import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useDesignStoreApi } from '../../app/storeContext';
import { fitCards, type Size } from './fitView';
import { NODE_SIZE } from './flowModel';
import { minimapCorner } from './minimapGeometry';

export interface FitRequest {
  /** Only these nodes (default: all). */
  ids?: readonly string[];
  padding?: number;
  minZoom?: number;
  maxZoom?: number;
  duration?: number;
  /** The pane's size when React Flow may not know it yet (right after a layout change). */
  pane?: Size;
}

/**
 * Fit view as the canvas does it: frames the cards so that the minimap in the corner covers none
 * of them. Returns whether there was anything to frame.
 */
export function useFitView() {
  const flow = useReactFlow();
  const rf = useStoreApi();
  const store = useDesignStoreApi();
  return useCallback(
    (r: FitRequest = {}): boolean => {
      const s = rf.getState();
      const pane = r.pane ?? { width: s.width, height: s.height };
      const only = r.ids ? new Set(r.ids) : null;
      const cards = store
        .getState()
        .design.nodes.filter((n) => !only || only.has(n.id))
        .map((n) => ({ x: n.position.x, y: n.position.y, ...NODE_SIZE }));
      const vp = fitCards(cards, pane, {
        padding: r.padding ?? 0.1,
        minZoom: r.minZoom ?? s.minZoom,
        maxZoom: r.maxZoom ?? 1,
        corner: minimapCorner(pane, window.innerWidth),
      });
      if (!vp) return false;
      void flow.setViewport(vp, r.duration ? { duration: r.duration } : undefined);
      return true;
    },
    [flow, rf, store],
  );
}
