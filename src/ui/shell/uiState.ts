import { create } from 'zustand';

/** State of the editor's chrome that is no part of the design (and so not in the design store). */
interface UiState {
  shortcutsOpen: boolean;
  setShortcutsOpen: (open: boolean) => void;
  /** The node whose name is being edited on its card, if any. */
  renaming: string | null;
  setRenaming: (id: string | null) => void;
}

export const useUi = create<UiState>((set) => ({
  shortcutsOpen: false,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  renaming: null,
  setRenaming: (renaming) => set({ renaming }),
}));
