import type { Design, OpResult } from '../../core';
import { useDesignStoreApi } from '../../app/storeContext';

/** An edit of the design as the inspector applies it: any pure op, as one undo step. */
export type DesignOp = (design: Design) => OpResult;

/**
 * `apply` runs an op for a field being typed in (its reason goes back to the field, `key`
 * coalesces the typing into one undo step); `run` runs an op for a click, and a refused one shows
 * its reason in a toast.
 */
export function useEdit() {
  const store = useDesignStoreApi();
  return {
    apply(op: DesignOp, key?: string): string | null {
      const r = store.getState().edit(op, key);
      return r.ok ? null : r.reason;
    },
    run(op: DesignOp, title = 'Not changed'): void {
      const r = store.getState().edit(op);
      if (!r.ok) store.getState().notify({ tone: 'error', placement: 'toast', title, text: r.reason });
    },
  };
}
