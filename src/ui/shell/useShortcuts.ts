import { useEffect } from 'react';
import type { DesignStoreApi } from '../../app/store';
import { saveDesignFile } from '../../app/documents';
import { isTextEntry } from './textEntry';
import { useUi } from './uiState';

/**
 * Editor shortcuts. Undo and redo work everywhere, text fields included: every keystroke there is
 * already a design change (coalesced per field), so the app's undo is the field's undo too.
 * Copy, paste and select-all belong to a text field while one has the focus.
 * Delete and Backspace are handled by the canvas itself. Ctrl/Cmd+S saves the design file, as
 * File → Save does, instead of the browser saving the page. The table in `shortcuts.ts` lists them.
 */
export function useShortcuts(store: DesignStoreApi): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const s = store.getState();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
        return;
      }
      if (mod && key === 's' && !e.shiftKey) {
        e.preventDefault();
        saveDesignFile(store);
        return;
      }
      if (mod && key === 'y' && !e.shiftKey) {
        e.preventDefault();
        s.redo();
        return;
      }
      if (isTextEntry(e.target)) return;
      if (e.key === '?' && !mod) {
        e.preventDefault();
        useUi.getState().setShortcutsOpen(true);
        return;
      }
      if (mod && key === 'c') {
        if (window.getSelection()?.toString()) return;
        if (s.copySelection() > 0) e.preventDefault();
      } else if (mod && key === 'v') {
        if (s.clipboard) {
          e.preventDefault();
          s.paste();
        }
      } else if (mod && key === 'a') {
        e.preventDefault();
        s.selectAll();
      } else if (key === 'escape' && s.selection.length > 0) {
        s.select([]);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
