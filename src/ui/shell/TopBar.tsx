import { memo, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { CONTRACT_ACCEPT } from '../../app/contractImport';
import { OPEN_ACCEPT, importManifestFolder, isEmptyDesign, openFiles, saveDesignFile } from '../../app/documents';
import { canPickFolders, pickFolder } from '../../app/folderSupport';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { ConfirmDialog } from './ConfirmDialog';
import { Menu } from './Menu';
import { ProjectNameField } from './ProjectNameField';
import { modShortcut } from './platform';

interface Props {
  onNew: () => void;
  /**
   * The buttons after undo and redo (checks, Templates … Export); an element with the class
   * `pc-toolbar__gap` among them pushes the ones after it to the right edge.
   */
  extras?: ReactNode;
}

/** Brand, project name, the File menu, undo and redo, and a slot for the other tools. */
export const TopBar = memo(function TopBar({ onNew, extras }: Props) {
  const store = useDesignStoreApi();
  const canUndo = useDesignStore((s) => s.history.past.length > 0);
  const canRedo = useDesignStore((s) => s.history.future.length > 0);
  const fileInput = useRef<HTMLInputElement>(null);
  const composeInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const contractInput = useRef<HTMLInputElement>(null);
  // What was picked, waiting for the user to agree that it replaces the design on the canvas.
  const [replacing, setReplacing] = useState<{ name: string; open: () => void } | null>(null);

  /** Like Templates and Share: a design with something in it is replaced only when the user says so. */
  const replaceWith = (name: string, open: () => void) => {
    if (isEmptyDesign(store.getState().design)) open();
    else setReplacing({ name, open });
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    // Reset, so picking the same file again still fires a change.
    e.target.value = '';
    const [file] = files;
    if (!file) return;
    // A contract (.proto) adds to the design and replaces nothing, so it needs no question.
    if (/\.proto$/i.test(file.name)) void openFiles(store, files);
    else replaceWith(files.length === 1 ? file.name : `${files.length} files`, () => void openFiles(store, files));
  };

  const onFolder = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    const top = (files[0]?.webkitRelativePath ?? '').split('/')[0] || 'the folder';
    if (files.length > 0) replaceWith(top, () => void importManifestFolder(store, files));
  };

  const onContracts = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (files.length > 0) void openFiles(store, files);
  };
  const current = () => {
    const { nodes, links } = store.getState().design;
    return `${nodes.length} node${nodes.length === 1 ? '' : 's'} and ${links.length} link${links.length === 1 ? '' : 's'}`;
  };

  const openFolder = async () => {
    const handle = await pickFolder('read').catch(() => null);
    if (!handle) return;
    const { openProjectFolder } = await import('../../app/projectOpen');
    await openProjectFolder(store, handle);
  };

  return (
    <header className="pc-topbar">
      <div className="pc-brand" aria-label="Polyglot Canvas">
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <circle cx="5" cy="12" r="3.2" fill="#38bdf8" />
          <circle cx="19" cy="5.5" r="3.2" fill="#a78bfa" />
          <circle cx="19" cy="18.5" r="3.2" fill="#fb923c" />
          <path d="M8 11 16 6.5M8 13l8 4.5" stroke="#e2e8f0" strokeWidth="1.6" />
        </svg>
        <span className="pc-brand__name">Polyglot Canvas</span>
      </div>
      <ProjectNameField />
      <nav className="pc-toolbar" aria-label="Design">
        <Menu id="pc-file-menu" label="File" button="File" align="start">
          <button type="button" role="menuitem" onClick={onNew}>
            New
          </button>
          <button type="button" role="menuitem" onClick={() => fileInput.current?.click()}>
            Open…
          </button>
          {canPickFolders() ? (
            <button
              type="button"
              role="menuitem"
              onClick={() => void openFolder()}
              title="Open the design of a project folder exported by Polyglot Canvas"
            >
              Open project folder…
            </button>
          ) : null}
          <button
            type="button"
            role="menuitem"
            onClick={() => composeInput.current?.click()}
            title="Import a compose.yaml or docker-compose.yml, or Kubernetes manifests (one file or several), as a new design"
          >
            Import compose or Kubernetes…
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => folderInput.current?.click()}
            title="Import a folder of Kubernetes manifests, or one with a kustomization, as a new design"
          >
            Import Kubernetes folder…
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => contractInput.current?.click()}
            title="Add the services and types of .proto files, OpenAPI or AsyncAPI documents to the design (pick several at once for imports between them)"
          >
            Import…
          </button>
          <div className="pc-menu__sep" role="separator" />
          <button
            type="button"
            role="menuitem"
            onClick={() => saveDesignFile(store)}
            title={`Download the design as a .json file (${modShortcut('S')})`}
            aria-keyshortcuts="Control+S Meta+S"
          >
            Save
          </button>
        </Menu>
        <input
          ref={fileInput}
          type="file"
          accept={OPEN_ACCEPT}
          className="pc-sr-only"
          tabIndex={-1}
          aria-label="Open a design file"
          data-testid="open-file-input"
          onChange={onFile}
        />
        <input
          ref={composeInput}
          type="file"
          accept=".yaml,.yml"
          className="pc-sr-only"
          tabIndex={-1}
          multiple
          aria-label="Import a compose file or Kubernetes manifests"
          data-testid="import-compose-input"
          onChange={onFile}
        />
        <input
          ref={folderInput}
          type="file"
          // a folder picker in every current browser (React passes the attribute through)
          {...{ webkitdirectory: '' }}
          className="pc-sr-only"
          tabIndex={-1}
          aria-label="Import a folder of Kubernetes manifests"
          data-testid="import-folder-input"
          onChange={onFolder}
        />
        <input
          ref={contractInput}
          type="file"
          multiple
          accept={CONTRACT_ACCEPT}
          className="pc-sr-only"
          tabIndex={-1}
          aria-label="Import contract files"
          data-testid="import-contracts-input"
          onChange={onContracts}
        />
        <button
          type="button"
          className="pc-icon-btn"
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
          aria-label="Undo"
          title={`Undo (${modShortcut('Z')})`}
          aria-keyshortcuts="Control+Z Meta+Z"
        >
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
            <path d="M7.5 5 3.5 9l4 4" />
            <path d="M4 9h8a4.5 4.5 0 0 1 0 9h-2" />
          </svg>
        </button>
        <button
          type="button"
          className="pc-icon-btn"
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
          aria-label="Redo"
          title={`Redo (${modShortcut('Shift+Z')})`}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        >
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
            <path d="M12.5 5l4 4-4 4" />
            <path d="M16 9H8a4.5 4.5 0 0 0 0 9h2" />
          </svg>
        </button>
        <span className="pc-toolbar__sep" aria-hidden="true" />
      </nav>
      <div className="pc-toolbar pc-toolbar--tools" data-slot="toolbar-tools">
        {extras}
      </div>
      {replacing ? (
        <ConfirmDialog
          title={`Open “${replacing.name}”?`}
          confirmLabel="Open and replace"
          onCancel={() => setReplacing(null)}
          onConfirm={() => {
            const { open } = replacing;
            setReplacing(null);
            open();
          }}
        >
          <p>
            It takes the place of the current design ({current()}) on the canvas. Save it first if you want to keep a
            copy; Undo also brings it back.
          </p>
        </ConfirmDialog>
      ) : null}
    </header>
  );
});
