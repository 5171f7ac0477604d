import { createStore } from 'zustand/vanilla';
import {
  buildLayoutGraph,
  positionsFromLayout,
  type Design,
  type LaidOutGraph,
  type LayoutGraph,
  type NodeSize,
} from '../core';
import type { DesignStoreApi } from './store';

/** Lays out an ELK graph; the app's engine runs elkjs in a Web Worker. */
export type LayoutEngine = (graph: LayoutGraph) => Promise<LaidOutGraph>;

/** How a run ended. */
export type LayoutOutcome = 'applied' | 'unchanged' | 'empty' | 'busy' | 'stale' | 'failed';

export interface AutoLayout {
  /** `running` is true from the click until the result is applied or refused. */
  status: ReturnType<typeof createStatus>;
  /**
   * Lays out the whole design in call direction and applies it as one undo step. A second call
   * while one runs does nothing. Failures leave the design as it was and say so in a notice.
   */
  run(store: DesignStoreApi, sizes?: ReadonlyMap<string, NodeSize>): Promise<LayoutOutcome>;
}

const createStatus = () => createStore<{ running: boolean }>()(() => ({ running: false }));

/** Loads the worker engine on first use, so elkjs stays out of the page's first download. */
const lazyWorkerEngine: LayoutEngine = async (graph) => {
  const { workerEngine } = await import('./autoLayoutEngine');
  return workerEngine(graph);
};

/** Whether the nodes and links are still the ones that were laid out (positions may differ). */
function sameStructure(a: Design, b: Design): boolean {
  if (a.links !== b.links || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((n, i) => n.id === b.nodes[i]?.id);
}

function reasonOf(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === 'string' && err) return err;
  return 'The layout engine stopped unexpectedly.';
}

export function createAutoLayout(engine: LayoutEngine = lazyWorkerEngine): AutoLayout {
  const status = createStatus();
  const run = async (store: DesignStoreApi, sizes?: ReadonlyMap<string, NodeSize>): Promise<LayoutOutcome> => {
    if (status.getState().running) return 'busy';
    const before = store.getState().design;
    if (before.nodes.length === 0) return 'empty';
    status.setState({ running: true });
    try {
      const laidOut = await engine(buildLayoutGraph(before, sizes));
      const positions = positionsFromLayout(before, laidOut);
      const now = store.getState();
      if (!sameStructure(before, now.design)) {
        now.notify({
          tone: 'info',
          placement: 'toast',
          title: 'Auto-layout skipped',
          text: 'The design changed while it was being laid out. Run Auto-layout again.',
        });
        return 'stale';
      }
      if (now.applyLayout(positions)) return 'applied';
      if (!now.dragOrigin)
        now.notify({ tone: 'info', placement: 'toast', text: 'The design is already laid out: nothing moved.' });
      return 'unchanged';
    } catch (err) {
      store.getState().notify({
        tone: 'error',
        placement: 'toast',
        title: 'Auto-layout failed',
        text: `${reasonOf(err)} Your design was not changed.`,
      });
      return 'failed';
    } finally {
      status.setState({ running: false });
    }
  };
  return { status, run };
}

/** The page's one auto-layout. */
export const autoLayout = createAutoLayout();
