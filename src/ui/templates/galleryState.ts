import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** Whether the templates gallery is open; the top bar and the empty canvas both open it. */
const galleryStore = createStore<{ open: boolean }>()(() => ({ open: false }));

export function openTemplates(): void {
  galleryStore.setState({ open: true });
}

export function closeTemplates(): void {
  galleryStore.setState({ open: false });
}

export function useTemplatesOpen(): boolean {
  return useStore(galleryStore, (s) => s.open);
}
