import type { Design } from '../core';
import type { DesignStoreApi } from './store';

/**
 * A read-only window onto the editor for end-to-end tests and for curious users in the console.
 * It only hands out copies, so nothing outside the editor can change the design through it.
 */
export interface TestBridge {
  getDesign(): Design;
  getSelection(): string[];
  canUndo(): boolean;
  canRedo(): boolean;
}

declare global {
  interface Window {
    __polyglotCanvas?: TestBridge;
  }
}

export function installTestBridge(store: DesignStoreApi): void {
  const bridge: TestBridge = {
    getDesign: () => structuredClone(store.getState().design),
    getSelection: () => [...store.getState().selection],
    canUndo: () => store.getState().history.past.length > 0,
    canRedo: () => store.getState().history.future.length > 0,
  };
  Object.defineProperty(window, '__polyglotCanvas', { value: Object.freeze(bridge), configurable: true });
}
