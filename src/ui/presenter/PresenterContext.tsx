import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { presentationSteps, type PresentationStep } from '../../core';
import { createPresenterStore, type PresenterStore, type PresenterStoreApi } from '../../app/presenter';
import { useDesignStore } from '../../app/storeContext';

const PresenterContext = createContext<PresenterStoreApi | null>(null);

/** Gives the tree one presenter: whether the design is being presented, and at which step. */
export function PresenterProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createPresenterStore);
  return <PresenterContext.Provider value={store}>{children}</PresenterContext.Provider>;
}

export function usePresenterApi(): PresenterStoreApi {
  const store = useContext(PresenterContext);
  if (!store) throw new Error('usePresenter must be used inside <PresenterProvider>.');
  return store;
}

export function usePresenter<T>(selector: (state: PresenterStore) => T): T {
  return useStore(usePresenterApi(), selector);
}

const NO_STEPS: readonly PresentationStep[] = [];

/**
 * The steps of the current design, recomputed only when its elements or its order change, and
 * only while `enabled` (the canvas asks on every drag step, when nobody is presenting).
 */
export function useSteps(enabled = true): readonly PresentationStep[] {
  const nodes = useDesignStore((s) => s.design.nodes);
  const links = useDesignStore((s) => s.design.links);
  const presentation = useDesignStore((s) => s.design.presentation);
  const boundaries = useDesignStore((s) => s.design.boundaries);
  return useMemo(
    () => (enabled ? presentationSteps({ nodes, links, presentation, boundaries }) : NO_STEPS),
    [enabled, nodes, links, presentation, boundaries],
  );
}

/** What the canvas shows while presenting: the revealed ids and the one just revealed. */
export interface RevealView {
  visible: ReadonlySet<string>;
  latest: string | null;
}

/** The canvas's view of the presentation, or null while editing. */
export function useRevealView(): RevealView | null {
  const active = usePresenter((s) => s.active);
  const step = usePresenter((s) => s.step);
  const revealing = usePresenter((s) => s.revealing);
  const steps = useSteps(active);
  return useMemo(() => {
    if (!active) return null;
    const count = Math.min(step, steps.length);
    const visible = new Set(steps.slice(0, count).map((s) => s.id));
    const latest = revealing && count > 0 ? (steps[count - 1]?.id ?? null) : null;
    return { visible, latest };
  }, [active, step, revealing, steps]);
}
