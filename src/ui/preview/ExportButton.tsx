import { useState } from 'react';
import type { Design } from '../../core';
import { downloadBytes } from '../../app/exporter/download';
import { exportProject } from '../../app/exporter/exporter';

interface Props {
  getDesign: () => Design;
  onMessage: (message: string, kind: 'error' | 'info') => void;
}

/**
 * Generates the project from the current design and downloads it as `<project>.zip`; the worker
 * generates and zips, the page only hands the bytes to the browser.
 */
export function ExportButton({ getDesign, onMessage }: Props) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const result = await exportProject(getDesign());
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
      downloadBytes(result.fileName, result.zip);
      onMessage(`Exported ${result.fileCount} files.`, 'info');
    } catch (e) {
      onMessage(`Export failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="primary" onClick={() => void run()} disabled={busy}>
      {busy ? 'Exporting…' : 'Export'}
    </button>
  );
}
