import { useCallback, useEffect, useState } from 'react';
import { clampWidth, panelLayout, parseChoices, type PanelChoices, type PanelId } from './panelLayout';

/** Where the browser remembers which panels are collapsed and how wide they are. */
export const PANELS_KEY = 'polyglot-canvas/panels';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}

/** The side panels' state: the user's choices (remembered) and the widths this window gives them. */
export function usePanels(previewOpen: boolean) {
  const [choices, setChoices] = useState<PanelChoices>(() => parseChoices(storage()?.getItem(PANELS_KEY) ?? null));
  const windowWidth = useWindowWidth();
  useEffect(() => {
    try {
      storage()?.setItem(PANELS_KEY, JSON.stringify(choices));
    } catch {
      // Storage full or refused: the panels still work, they are just not remembered.
    }
  }, [choices]);
  // Panels the user opened again while the preview made them give way; forgotten with the preview.
  const [keepOpen, setKeepOpen] = useState<readonly PanelId[]>([]);
  if (!previewOpen && keepOpen.length > 0) setKeepOpen([]);
  const layout = panelLayout(choices, windowWidth, previewOpen, keepOpen);
  const yielded = layout.yielded.join(' ');
  const setCollapsed = useCallback(
    (id: PanelId, collapsed: boolean) => {
      setChoices((c) => ({ ...c, [id]: { ...c[id], collapsed } }));
      if (collapsed) setKeepOpen((k) => k.filter((x) => x !== id));
      else if (yielded.split(' ').includes(id)) setKeepOpen((k) => [...k, id]);
    },
    [yielded],
  );
  const setWidth = useCallback((id: PanelId, width: number) => {
    setChoices((c) => ({ ...c, [id]: { collapsed: false, width: clampWidth(id, width) } }));
  }, []);
  return { layout, setCollapsed, setWidth };
}
