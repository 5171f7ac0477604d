import { restoreText, type Design } from '../core';
import type { DesignStoreApi } from './store';

/** Where the browser keeps the current design between visits. */
export const STORAGE_KEY = 'polyglot-canvas/design';
/** Prefix of the keys that keep saved values which could not be read, so nothing is lost. */
export const BACKUP_KEY = 'polyglot-canvas/design-unreadable';
export const AUTOSAVE_DELAY_MS = 400;

/** The part of the Web Storage API we use; tests pass a Map-backed fake. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type LoadOutcome =
  | { status: 'empty' }
  | { status: 'loaded'; design: Design; warnings: string[]; backupKey: string | null }
  | { status: 'corrupt'; error: string; backupKey: string | null }
  | { status: 'unavailable'; error: string };

/** The JSON text of a design as autosave and Save write it. */
export function serializeDesign(design: Design, pretty = false): string {
  return pretty ? JSON.stringify(design, null, 2) + '\n' : JSON.stringify(design);
}

/**
 * Copies a saved value that could not be read (fully) to a backup key before autosave overwrites
 * the main key. An existing backup with other content is never overwritten: the next free key
 * (`…-2`, `…-3`) is used. Returns the key, or null when storage refused the write.
 */
export function keepBackup(storage: StorageLike, raw: string): string | null {
  try {
    for (let i = 1; i < 1000; i++) {
      const key = i === 1 ? BACKUP_KEY : `${BACKUP_KEY}-${i}`;
      const existing = storage.getItem(key);
      if (existing === raw) return key;
      if (existing === null) {
        storage.setItem(key, raw);
        return key;
      }
    }
  } catch {
    // Quota or privacy settings: reported to the caller as "not kept".
  }
  return null;
}

/** Reads the autosaved design. Never throws; anything unreadable is backed up first. */
export function loadSaved(storage: StorageLike): LoadOutcome {
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch (e) {
    return { status: 'unavailable', error: `This browser does not let the page use local storage (${String(e)}).` };
  }
  if (raw === null) return { status: 'empty' };
  const r = restoreText(raw);
  if (!r.ok) return { status: 'corrupt', error: r.error, backupKey: keepBackup(storage, raw) };
  // A repaired design differs from what was stored; keep the original too.
  const backupKey = r.warnings.length > 0 ? keepBackup(storage, raw) : null;
  return { status: 'loaded', design: r.design, warnings: r.warnings, backupKey };
}

export interface Autosave {
  /** Writes a pending change now (the page is going away). */
  flush(): void;
  stop(): void;
}

export interface AutosaveOptions {
  delayMs?: number;
  /** Called when a write fails, once per run of failures. */
  onError?: (message: string) => void;
  /** Timer functions, injectable for tests. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** Saves the design to storage a short while after each change (debounced), never during a burst. */
export function startAutosave(store: DesignStoreApi, storage: StorageLike, opts: AutosaveOptions = {}): Autosave {
  const delay = opts.delayMs ?? AUTOSAVE_DELAY_MS;
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let failing = false;

  const write = () => {
    timer = null;
    try {
      storage.setItem(STORAGE_KEY, serializeDesign(store.getState().design));
      failing = false;
    } catch (e) {
      if (!failing) opts.onError?.(`Autosave failed, so changes are not kept in this browser: ${String(e)}`);
      failing = true;
    }
  };
  // A drag changes the design on every pointer move; writing it (a JSON text of up to megabytes,
  // hundreds of milliseconds at thousands of services) would stall the drag, so the write waits
  // for the drop and then the usual delay.
  let heldByDrag = false;
  const unsubscribe = store.subscribe((state, prev) => {
    const dropped = heldByDrag && !state.dragOrigin;
    if (state.design === prev.design && !dropped) return;
    if (timer !== null) clearTimer(timer);
    timer = null;
    heldByDrag = Boolean(state.dragOrigin);
    if (!heldByDrag) timer = setTimer(write, delay);
  });
  return {
    flush() {
      if (timer === null && !heldByDrag) return;
      if (timer !== null) clearTimer(timer);
      heldByDrag = false;
      write();
    },
    stop() {
      unsubscribe();
      if (timer !== null) clearTimer(timer);
      timer = null;
      heldByDrag = false;
    },
  };
}

/** The notice text for a saved design that could not be read. */
export function corruptMessage(error: string, backupKey: string | null): string {
  const kept =
    backupKey !== null
      ? `The broken copy was kept under key "${backupKey}".`
      : 'The broken copy could not be backed up, so autosave is paused to keep it under the usual key.';
  return `Your saved design could not be read: ${error} ${kept}`;
}
