import { useEffect, useState } from 'react';
import { isComposeFileName, openDesignFile } from '../../app/documents';
import type { DesignStoreApi } from '../../app/store';
import { PALETTE_MIME } from '../palette/paletteModel';

const carriesFiles = (e: DragEvent) =>
  !!e.dataTransfer && e.dataTransfer.types.includes('Files') && !e.dataTransfer.types.includes(PALETTE_MIME);

/**
 * Opening a design (.json) or importing a compose file (.yaml, .yml) by dropping it anywhere on the window. Palette drags carry their own
 * type and are left to the canvas. Returns whether a file is being dragged over the window.
 */
export function useFileDrop(store: DesignStoreApi): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the browser would navigate away to show the file.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      if (!/\.json$/i.test(file.name) && file.type !== 'application/json' && !isComposeFileName(file.name)) {
        store.getState().notify({
          tone: 'error',
          placement: 'toast',
          title: `Could not open ${file.name}`,
          text: 'Only design files (.json) and compose files (.yaml, .yml) can be opened here. Your current design was not changed.',
        });
        return;
      }
      void openDesignFile(store, file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [store]);
  return over;
}
