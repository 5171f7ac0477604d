import { createStore } from 'zustand/vanilla';
import { withPresentationOrder } from '../core';
import { record } from './history';
import type { DesignStoreApi } from './store';

/**
 * The presenter view's own state. It is kept out of the design store on purpose: presenting
 * shows the design, it never edits it, so nothing here reaches autosave or the undo history.
 */
export interface PresenterState {
  active: boolean;
  /** How many steps are revealed: 0 shows only the title, the step count shows everything. */
  step: number;
  /** Whether the last move revealed a new element (it is then briefly highlighted). */
  revealing: boolean;
  orderOpen: boolean;
}

export interface PresenterActions {
  start(): void;
  stop(): void;
  /** Goes to a step, clamped to 0 … total. */
  go(step: number, total: number): void;
  next(total: number): void;
  previous(total: number): void;
  setOrderOpen(open: boolean): void;
}

export type PresenterStore = PresenterState & PresenterActions;
export type PresenterStoreApi = ReturnType<typeof createPresenterStore>;

const clamp = (n: number, total: number) => Math.max(0, Math.min(total, Math.floor(n)));

export function createPresenterStore() {
  return createStore<PresenterStore>()((set, get) => ({
    active: false,
    step: 0,
    revealing: false,
    orderOpen: false,
    start: () => set({ active: true, step: 0, revealing: false, orderOpen: false }),
    stop: () => set({ active: false, step: 0, revealing: false, orderOpen: false }),
    go(step, total) {
      const s = get();
      const target = clamp(step, total);
      const from = clamp(s.step, total);
      set({ step: target, revealing: target === from + 1 });
    },
    next(total) {
      get().go(clamp(get().step, total) + 1, total);
    },
    previous(total) {
      get().go(clamp(get().step, total) - 1, total);
    },
    setOrderOpen: (orderOpen) => set({ orderOpen }),
  }));
}

/**
 * Sets the presenter's order of steps (null: back to the order of adding) as one undoable edit.
 * The presentation order is part of the design, so it is saved and shared with it.
 */
export function setPresentationOrder(store: DesignStoreApi, order: readonly string[] | null, now = Date.now()): void {
  const s = store.getState();
  const next = withPresentationOrder(s.design, order);
  if (next === s.design) return;
  store.setState({ design: next, history: record(s.history, s.design, { now }) });
}
