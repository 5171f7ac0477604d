import type { Design } from '../core';

/**
 * Undo history as plain data: snapshots of whole designs. Designs are immutable and untouched
 * nodes keep their identity, so a snapshot costs one array of references, not a deep copy.
 *
 * Coalescing: an edit may carry a key (for example `node:n_1:name`). When the next edit has the
 * same key and comes within `coalesceMs` of the previous one, no new step is pushed: the step
 * already on the stack holds the design from before the burst, so one undo reverts the whole
 * burst of typing. Any edit with another key, or none, ends the burst, and so do undo and redo.
 */
export interface History {
  readonly past: readonly Design[];
  readonly future: readonly Design[];
  /** Key and time of the last recorded edit, for coalescing. */
  readonly lastKey: string | null;
  readonly lastAt: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1000;

export const emptyHistory: History = { past: [], future: [], lastKey: null, lastAt: 0 };

export interface RecordOptions {
  /** Edits with the same key close together in time make one step. */
  key?: string;
  /** Forces this edit into the step on top of the stack (a follow-up of the previous action). */
  merge?: boolean;
  now: number;
  limit?: number;
  coalesceMs?: number;
}

/** Records that the design was `before` right before an edit. */
export function record(history: History, before: Design, opts: RecordOptions): History {
  const { key, now } = opts;
  const limit = opts.limit ?? HISTORY_LIMIT;
  const span = opts.coalesceMs ?? COALESCE_MS;
  const sameBurst =
    key !== undefined && key === history.lastKey && now - history.lastAt <= span && history.past.length > 0;
  if ((opts.merge && history.past.length > 0) || sameBurst) {
    return { past: history.past, future: [], lastKey: key ?? history.lastKey, lastAt: now };
  }
  const past = [...history.past, before];
  if (past.length > limit) past.splice(0, past.length - limit);
  return { past, future: [], lastKey: key ?? null, lastAt: now };
}

export interface Travel {
  history: History;
  design: Design;
}

/** Steps back one edit, or returns null when there is nothing to undo. */
export function undo(history: History, current: Design): Travel | null {
  const design = history.past[history.past.length - 1];
  if (!design) return null;
  return {
    design,
    history: { past: history.past.slice(0, -1), future: [...history.future, current], lastKey: null, lastAt: 0 },
  };
}

/** Steps forward one undone edit, or returns null when there is nothing to redo. */
export function redo(history: History, current: Design): Travel | null {
  const design = history.future[history.future.length - 1];
  if (!design) return null;
  return {
    design,
    history: { past: [...history.past, current], future: history.future.slice(0, -1), lastKey: null, lastAt: 0 },
  };
}
