import { Suspense, lazy, useCallback, useRef } from 'react';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { ExportButton } from './ExportButton';
import { UpdateFolderMenu } from './UpdateFolderMenu';

// The panel pulls in every generator: it loads when first opened, not with the page.
const PreviewPanel = lazy(() => import('./PreviewPanel').then((m) => ({ default: m.PreviewPanel })));

/** The preview panel bound to the store: the design, and the selected node's files. */
export function ConnectedPreview({ onClose }: { onClose: () => void }) {
  const design = useDesignStore((s) => s.design);
  const selectedNodeId = useDesignStore((s) => {
    if (s.selection.length !== 1) return null;
    const id = s.selection[0] ?? null;
    return id && s.design.nodes.some((n) => n.id === id) ? id : null;
  });
  return (
    <Suspense fallback={<p className="preview-empty">Loading the preview…</p>}>
      <PreviewPanel design={design} selectedNodeId={selectedNodeId} onClose={onClose} />
    </Suspense>
  );
}

/** Preview toggle and Export, for the top bar. */
export function ExportToolbar({ previewOpen, onTogglePreview }: { previewOpen: boolean; onTogglePreview: () => void }) {
  const store = useDesignStoreApi();
  const getDesign = useCallback(() => store.getState().design, [store]);
  const onMessage = useCallback(
    (text: string, kind: 'error' | 'info') =>
      store.getState().notify({
        tone: kind === 'error' ? 'error' : 'info',
        placement: kind === 'error' ? 'banner' : 'toast',
        title: kind === 'error' ? 'Export' : undefined,
        text,
      }),
    [store],
  );
  const runExport = useRef<() => void>(null);
  return (
    <>
      <button type="button" aria-pressed={previewOpen} onClick={onTogglePreview}>
        Preview
      </button>
      <div className="pc-split">
        <ExportButton getDesign={getDesign} onMessage={onMessage} runRef={runExport} />
        <UpdateFolderMenu onDownloadZip={() => runExport.current?.()} />
      </div>
    </>
  );
}
