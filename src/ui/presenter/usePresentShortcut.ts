import { useEffect } from 'react';
import { useDesignStoreApi } from '../../app/storeContext';
import { usePresenterApi } from './PresenterContext';
import { isTextEntry } from '../shell/textEntry';

/** P starts presenting from the editor (outside text fields and dialogs). */
export function usePresentShortcut(): void {
  const presenter = usePresenterApi();
  const store = useDesignStoreApi();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.key.toLowerCase() !== 'p') return;
      if (presenter.getState().active || isTextEntry(e.target) || document.querySelector('dialog[open]')) return;
      if (store.getState().design.nodes.length === 0) return;
      e.preventDefault();
      presenter.getState().start();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [presenter, store]);
}
