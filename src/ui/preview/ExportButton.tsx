import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import type { Design } from '../../core';
import { downloadBlob } from '../../app/exporter/download';
import { exportPreparer } from '../../app/exporter/exporter';
import { useDesignStoreApi } from '../../app/storeContext';

const subscribePrepared = (onChange: () => void) => exportPreparer().subscribe(onChange);
const preparedState = () => exportPreparer().state();

interface Props {
  getDesign: () => Design;
  onMessage: (message: string, kind: 'error' | 'info') => void;
  /** Set to the download, for other controls that offer the zip. */
  runRef?: RefObject<(() => void) | null>;
}

/**
 * Downloads the project of the current design as `<project>.zip`. The export worker checks,
 * generates and zips; it prepares the zip in the background once the design has stayed unchanged
 * for a moment, so on a large design the click usually only hands finished bytes to the browser.
 */
export function ExportButton({ getDesign, onMessage, runRef }: Props) {
  const [busy, setBusy] = useState(false);
  // how many workers made the last download (tests read it: a large design may be split)
  const [parts, setParts] = useState<number>();
  const prepared = useSyncExternalStore(subscribePrepared, preparedState);
  const store = useDesignStoreApi();
  useEffect(() => {
    const preparer = exportPreparer();
    const s = store.getState();
    preparer.update(s.design, s.dragOrigin !== null);
    const unsubscribeStore = store.subscribe((next, prev) => {
      if (next.design !== prev.design || next.dragOrigin !== prev.dragOrigin)
        preparer.update(next.design, next.dragOrigin !== null);
    });
    return unsubscribeStore;
  }, [store]);
  // what the click adds to a prepared zip is loaded while the zip is made, not at the click
  useEffect(() => {
    if (prepared !== 'idle') void import('../../app/exporter/withDesign');
  }, [prepared]);
  const run = async () => {
    const preparer = exportPreparer();
    const design = getDesign();
    // a prepared zip is handed over at once: no "Exporting…" flash (on a large canvas every
    // change of the page costs a repaint)
    const wait = !preparer.isReady(design);
    if (wait) setBusy(true);
    try {
      const result = await preparer.exportDesign(design);
      if (!result.ok) {
        onMessage(`Export failed: ${result.error}`, 'error');
        return;
      }
      const errors = result.issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        onMessage(`Fix these before exporting: ${errors.map((e) => e.message).join(' ')}`, 'error');
        return;
      }
      if (!result.zip) {
        onMessage('Export failed: no zip was made.', 'error');
        return;
      }
      // the design goes in as it is now: a zip prepared before a card was moved still gets the move
      const { zipForClick } = await import('../../app/exporter/withDesign');
      const zip = await zipForClick(result.zip, result, design);
      downloadBlob(result.fileName, zip.blob);
      setParts(result.parts ?? 1);
      onMessage(`Exported ${result.fileCount + zip.added} files.`, 'info');
    } catch (e) {
      onMessage(`Export failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      if (wait) setBusy(false);
    }
  };
  useEffect(() => {
    if (!runRef) return;
    runRef.current = () => void run();
    return () => {
      runRef.current = null;
    };
  });
  return (
    <button
      type="button"
      className="primary"
      onClick={() => void run()}
      disabled={busy}
      data-export={prepared}
      data-export-parts={parts}
    >
      {busy ? 'Exporting…' : 'Export'}
    </button>
  );
}
