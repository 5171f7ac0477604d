import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DesignStore, DesignStoreApi } from './store';

const DesignStoreContext = createContext<DesignStoreApi | null>(null);

/** Makes one design store available to the component tree. */
export function DesignStoreProvider({ store, children }: { store: DesignStoreApi; children: ReactNode }) {
  return <DesignStoreContext.Provider value={store}>{children}</DesignStoreContext.Provider>;
}

/** The store itself, for event handlers that read state at call time instead of subscribing. */
export function useDesignStoreApi(): DesignStoreApi {
  const store = useContext(DesignStoreContext);
  if (!store) throw new Error('useDesignStore must be used inside <DesignStoreProvider>.');
  return store;
}

/** Subscribes to one slice of the store. Keep selectors narrow: they decide what re-renders. */
export function useDesignStore<T>(selector: (state: DesignStore) => T): T {
  return useStore(useDesignStoreApi(), selector);
}
