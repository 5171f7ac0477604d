import { useState } from 'react';
import type { Design } from '../../core';
import { downloadZip } from '../../app/exporter/download';
import { projectGenerator } from '../../app/exporter/useProject';

interface Props {
  getDesign: () => Design;
  onMessage: (message: string, kind: 'error' | 'info') => void;
}

/** Generates the project from the current design and downloads it as `<project>.zip`. */
export function ExportButton({ getDesign, onMessage }: Props) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const design = getDesign();
      const result = await projectGenerator().generate(design);
      if (!result.ok) {
        onMessage(`Export failed: ${result.error}`, 'error');
        return;
      }
      const errors = result.issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        onMessage(`Fix these before exporting: ${errors.map((e) => e.message).join(' ')}`, 'error');
        return;
      }
      const { projectFileName } = await import('../../core/generators/project');
      await downloadZip(projectFileName(design), result.files);
      onMessage(`Exported ${result.files.length} files.`, 'info');
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
