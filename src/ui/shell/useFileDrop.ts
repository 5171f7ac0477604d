import { useEffect, useState } from 'react';
import { isComposeFileName, openFiles } from '../../app/documents';
import type { DesignStoreApi } from '../../app/store';
import { PALETTE_MIME } from '../palette/paletteModel';

const carriesFiles = (e: DragEvent) =>
  !!e.dataTransfer && e.dataTransfer.types.includes('Files') && !e.dataTransfer.types.includes(PALETTE_MIME);

interface FolderItem {
  getAsFileSystemHandle?: () => Promise<FileSystemHandle | null>;
}

/**
 * A dropped folder: an exported project opens with its design (Chromium hands the folder over as
 * a handle, which must be asked for during the drop). True when the drop was a folder.
 */
function dropFolder(store: DesignStoreApi, e: DragEvent): boolean {
  const item = e.dataTransfer?.items[0];
  if (!item || item.kind !== 'file' || !item.webkitGetAsEntry()?.isDirectory) return false;
  const name = item.webkitGetAsEntry()?.name ?? 'the folder';
  const getHandle = (item as DataTransferItem & FolderItem).getAsFileSystemHandle;
  if (!getHandle) {
    store.getState().notify({
      tone: 'error',
      placement: 'toast',
      title: `Could not open ${name}`,
      text: 'This browser cannot open a dropped folder: drop the project zip, or its polyglot.design.json. Your current design was not changed.',
    });
    return true;
  }
  void getHandle.call(item).then(async (handle) => {
    if (handle?.kind !== 'directory') return;
    const { openProjectFolder } = await import('../../app/projectOpen');
    await openProjectFolder(store, handle as FileSystemDirectoryHandle);
  });
  return true;
}

/**
 * Opening a design (.json), an exported project (zip or folder), importing a compose file (.yaml,
 * .yml) or contracts (.proto files, OpenAPI and AsyncAPI documents, several at once) by dropping
 * them anywhere on the window. Palette drags carry their own
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
      if (dropFolder(store, e)) return;
      const files = [...(e.dataTransfer?.files ?? [])];
      const file = files.find(
        (f) =>
          !/\.(json|zip|proto)$/i.test(f.name) &&
          f.type !== 'application/json' &&
          f.type !== 'application/zip' &&
          !isComposeFileName(f.name),
      );
      if (file) {
        store.getState().notify({
          tone: 'error',
          placement: 'toast',
          title: `Could not open ${file.name}`,
          text: 'Only design files (.json), exported project zips and folders, compose files (.yaml, .yml) and contracts (.proto, OpenAPI, AsyncAPI) can be opened here. Your current design was not changed.',
        });
        return;
      }
      void openFiles(store, files);
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
