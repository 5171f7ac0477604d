import { useState } from 'react';
import { canPickFolders, pickFolder } from '../../app/folderSupport';
import type { FolderUpdate } from '../../app/folderUpdate';
import { useDesignStoreApi } from '../../app/storeContext';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { Menu } from '../shell/Menu';
import { Modal } from '../shell/Modal';

type State = { step: 'idle' } | { step: 'busy' } | { step: 'confirm'; update: FolderUpdate } | { step: 'unsupported' };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * The Export button's menu: Update a project folder… merges the current design into a folder
 * exported before (three ways, keeping the user's code), after showing what it will do and
 * asking. Where the browser cannot write folders, it offers the zip and the command that merges it.
 */
export function UpdateFolderMenu({ onDownloadZip }: { onDownloadZip: () => void }) {
  const store = useDesignStoreApi();
  const [state, setState] = useState<State>({ step: 'idle' });
  const notify = store.getState().notify;

  const start = async () => {
    if (!canPickFolders()) return setState({ step: 'unsupported' });
    const design = store.getState().design;
    let handle: FileSystemDirectoryHandle | null;
    try {
      handle = await pickFolder('readwrite');
    } catch (e) {
      notify({ tone: 'error', placement: 'banner', title: 'Update a project folder', text: String(e) });
      return;
    }
    if (!handle) return;
    setState({ step: 'busy' });
    const [{ planFolderUpdate }, { exportProblems }] = await Promise.all([
      import('../../app/folderUpdate'),
      import('../../core/generators/problems'),
    ]);
    const errors = exportProblems(design).filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      setState({ step: 'idle' });
      notify({
        tone: 'error',
        placement: 'banner',
        title: 'Update a project folder',
        text: `Fix these before exporting: ${errors.map((e) => e.message).join(' ')}`,
      });
      return;
    }
    const r = await planFolderUpdate(handle, design);
    if (!r.ok) {
      setState({ step: 'idle' });
      notify({ tone: 'error', placement: 'banner', title: 'Update a project folder', text: r.error });
      return;
    }
    setState({ step: 'confirm', update: r.update });
  };

  const apply = async (update: FolderUpdate) => {
    setState({ step: 'busy' });
    const { applyFolderUpdate } = await import('../../app/folderUpdate');
    const { summarize } = await import('../../core/record/plan');
    try {
      await applyFolderUpdate(update);
    } catch (e) {
      notify({
        tone: 'error',
        placement: 'banner',
        title: `Updating ${update.name} stopped`,
        text: `${e instanceof Error ? e.message : String(e)} Files written before this are in the folder; update again to finish.`,
      });
      setState({ step: 'idle' });
      return;
    }
    setState({ step: 'idle' });
    const [head = '', ...lines] = summarize(update.plan);
    const conflicts = update.plan.counts.conflict;
    notify(
      conflicts > 0
        ? {
            tone: 'warning',
            placement: 'banner',
            title: `Updated ${update.name}: ${plural(conflicts, 'file')} with conflicts`,
            text: `${head}. Resolve the lines between <<<<<<< ours and >>>>>>> theirs in:`,
            details: lines.filter((l) => l.trimStart().startsWith('conflict')).map((l) => l.trim().slice(9).trim()),
          }
        : { tone: 'info', placement: 'toast', title: `Updated ${update.name}`, text: head },
    );
  };

  return (
    <>
      <Menu
        id="pc-export-menu"
        label="Export"
        button=""
        className="pc-export-more"
        buttonProps={{
          'aria-label': 'More ways to export',
          title: 'More ways to export',
          disabled: state.step === 'busy',
        }}
      >
        <button
          type="button"
          role="menuitem"
          onClick={() => void start()}
          title="Merge the design into a folder exported before: your code is kept"
        >
          Update a project folder…
        </button>
      </Menu>
      {state.step === 'confirm' ? (
        <UpdateDialog
          update={state.update}
          onCancel={() => setState({ step: 'idle' })}
          onConfirm={() => void apply(state.update)}
        />
      ) : null}
      {state.step === 'unsupported' ? (
        <Modal className="pc-dialog" labelledBy="pc-update-title" onClose={() => setState({ step: 'idle' })}>
          <h2 id="pc-update-title">Update a project folder</h2>
          <div className="pc-dialog__body">
            <p>
              This browser cannot write into a folder on your computer (Chrome, Edge and other Chromium browsers can).
              Download the project zip instead, and merge it into your folder from a terminal — your code is kept the
              same way:
            </p>
            <pre className="pc-update-command">npx polyglot-canvas export my-project.zip -o my-project/ --update</pre>
          </div>
          <div className="pc-dialog__actions">
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              Close
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                setState({ step: 'idle' });
                onDownloadZip();
              }}
            >
              Download zip
            </button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}

/** What the update will do, file by file, and the question. */
function UpdateDialog({
  update,
  onCancel,
  onConfirm,
}: {
  update: FolderUpdate;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const c = update.plan.counts;
  // what needs a look first: conflicts, merges, what is kept; then what simply follows the design
  const order = ['conflict', 'refused', 'merged', 'orphaned', 'kept', 'removed', 'added', 'updated'];
  const listed = update.plan.files
    .filter((f) => f.outcome !== 'unchanged')
    .sort((a, b) => order.indexOf(a.outcome) - order.indexOf(b.outcome));
  return (
    <ConfirmDialog
      title={update.fresh ? `Export into “${update.name}”?` : `Update “${update.name}”?`}
      confirmLabel={update.fresh ? 'Export into folder' : 'Update folder'}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p data-testid="update-summary">
        {c.updated} updated, {c.added} added, {c.kept + c.orphaned} kept, {c.merged} merged,{' '}
        {plural(c.conflict, 'conflict')}, {c.removed} removed, {c.unchanged} unchanged.
      </p>
      {c.conflict > 0 ? (
        <p className="pc-update-warn">
          {plural(c.conflict, 'file')} will get conflict markers (&lt;&lt;&lt;&lt;&lt;&lt;&lt; ours …
          &gt;&gt;&gt;&gt;&gt;&gt;&gt; theirs) where you and the design changed the same lines.
        </p>
      ) : null}
      {update.notes.map((n) => (
        <p key={n} className="pc-update-note">
          {n}
        </p>
      ))}
      <ul className="pc-update-list" aria-label="Files that change">
        {listed.map((f) => (
          <li key={f.path} data-outcome={f.outcome}>
            <span className="pc-update-outcome">{f.outcome}</span> <code>{f.path}</code>
            {f.note ? <span className="pc-update-why"> — {f.note}</span> : null}
          </li>
        ))}
      </ul>
      <p>Files you added yourself are not touched.</p>
    </ConfirmDialog>
  );
}
