import { useCallback } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { NodeKind, XY } from '../../core';
import { freeSpot } from '../../app/designEdits';
import { useDesignStoreApi } from '../../app/storeContext';
import type { AddResult } from '../../app/store';
import { NODE_SIZE } from './flowModel';

/**
 * Adds a node centred on a point of the canvas (flow coordinates), or on the middle of what the
 * user sees when no point is given; where a card is already in the way, the node goes to the
 * nearest free place instead, so new cards never land on top of others.
 */
export function useAddNode(): (kind: NodeKind, at?: XY) => AddResult {
  const flow = useStoreApi();
  const store = useDesignStoreApi();
  return useCallback(
    (kind, at) => {
      let centre = at;
      if (!centre) {
        const { width, height, transform } = flow.getState();
        const [tx, ty, zoom] = transform;
        centre = { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom };
      }
      const corner = { x: centre.x - NODE_SIZE.width / 2, y: centre.y - NODE_SIZE.height / 2 };
      const s = store.getState();
      return s.addNode(kind, freeSpot(s.design, corner, NODE_SIZE));
    },
    [flow, store],
  );
}
