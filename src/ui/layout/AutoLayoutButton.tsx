import { useCallback, useEffect } from 'react';
import { useStore } from 'zustand';
import { useReactFlow } from '@xyflow/react';
import type { NodeSize } from '../../core';
import { autoLayout } from '../../app/autoLayout';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { isTextEntry } from '../shell/textEntry';
import { useFitView } from '../canvas/useFitView';
import './autoLayout.css';

const SHORTCUT = 'L';

/**
 * Auto-layout: the top bar's button and its shortcut (Shift+L). Lays the design out in call
 * direction as one undo step, then fits the view. Cards are laid out at the size the canvas drew
 * them.
 */
export function AutoLayoutButton() {
  const store = useDesignStoreApi();
  const flow = useReactFlow();
  const fit = useFitView();
  const running = useStore(autoLayout.status, (s) => s.running);
  const empty = useDesignStore((s) => s.design.nodes.length === 0);

  const run = useCallback(async () => {
    const sizes = new Map<string, NodeSize>();
    for (const n of flow.getNodes()) {
      const { width, height } = n.measured ?? {};
      if (width && height) sizes.set(n.id, { width, height });
    }
    const outcome = await autoLayout.run(store, sizes);
    if (outcome === 'applied' || outcome === 'unchanged')
      // Let the canvas draw the new positions before fitting them into view.
      window.setTimeout(() => fit({ padding: 0.1, duration: 250, maxZoom: 1.2 }), 40);
  }, [flow, store, fit]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !e.shiftKey) return;
      if (e.key.toUpperCase() !== SHORTCUT || e.repeat || isTextEntry(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      void run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run]);

  return (
    <button
      type="button"
      className={running ? 'pc-autolayout pc-autolayout--busy' : 'pc-autolayout'}
      onClick={() => void run()}
      disabled={empty}
      aria-busy={running}
      aria-keyshortcuts={`Shift+${SHORTCUT}`}
      title={`Arrange the design in call direction (Shift+${SHORTCUT})`}
    >
      Auto-layout
    </button>
  );
}
