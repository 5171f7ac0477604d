import { Suspense, lazy, memo, useMemo, useState } from 'react';
import type { Design, GeneratedFile } from '../../core';
import { filesForNode } from '../../core/generators/project';
import { useGeneratedProject } from '../../app/exporter/useProject';
import { ProjectTree } from './ProjectTree';
import { firstLines, treeRows } from './fileTree';

const CodeView = lazy(() => import('./CodeView'));

/**
 * While the editor loads, the file's first lines are shown as plain text: only the first ones, as
 * the compose file of 2,000 services is 40,000 lines that took the browser most of a second to lay
 * out, only to be replaced.
 */
const FALLBACK_LINES = 200;

interface Props {
  design: Design;
  /** The selected node: its files are shown first and the tree narrows to them. */
  selectedNodeId: string | null;
  onClose?: () => void;
}

/** The live export preview: the project's file tree and a read-only view of the chosen file. */
export const PreviewPanel = memo(function PreviewPanel({ design, selectedNodeId, onClose }: Props) {
  const result = useGeneratedProject(design);
  const [chosen, setChosen] = useState<string>('compose.yaml');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [onlySelected, setOnlySelected] = useState(true);

  const allFiles: GeneratedFile[] = useMemo(() => (result?.ok ? result.files : []), [result]);
  const nodeFiles = useMemo(
    () => (selectedNodeId ? filesForNode(design, selectedNodeId, allFiles) : null),
    [design, selectedNodeId, allFiles],
  );
  const shown = nodeFiles && onlySelected ? nodeFiles : allFiles;
  const rows = useMemo(() => treeRows(shown, collapsed), [shown, collapsed]);
  const current = allFiles.find((f) => f.path === chosen) ?? shown[0] ?? null;

  const toggle = (path: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  return (
    <section className="preview" aria-label="Export preview">
      <header className="preview-head">
        <h2>Export preview</h2>
        <span className="preview-count" data-testid="preview-count">
          {result?.ok ? `${allFiles.length} files · ${Math.round(result.ms)} ms` : ''}
        </span>
        {onClose && (
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close preview">
            ×
          </button>
        )}
      </header>
      {result && !result.ok && (
        <p role="alert" className="preview-error">
          The project could not be generated: {result.error}
        </p>
      )}
      {result?.ok && result.issues.length > 0 && (
        <ul className="preview-issues" aria-label="Export problems">
          {result.issues.map((i, n) => (
            <li key={n} className={`issue-${i.severity}`}>
              {i.message}
            </li>
          ))}
        </ul>
      )}
      {nodeFiles && (
        <label className="preview-filter">
          <input type="checkbox" checked={onlySelected} onChange={(e) => setOnlySelected(e.target.checked)} />
          Only the selected node&apos;s files ({nodeFiles.length})
        </label>
      )}
      <div className="preview-body">
        <ProjectTree
          rows={rows}
          current={current?.path ?? null}
          collapsed={collapsed}
          onToggle={toggle}
          onChoose={setChosen}
        />
        <div className="preview-code">
          {current ? (
            <Suspense fallback={<pre className="code-fallback">{firstLines(current.content, FALLBACK_LINES)}</pre>}>
              <CodeView path={current.path} content={current.content} />
            </Suspense>
          ) : (
            <p className="preview-empty">{result ? 'Nothing to show yet.' : 'Generating…'}</p>
          )}
        </div>
      </div>
    </section>
  );
});
