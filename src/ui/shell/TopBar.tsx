import { memo, useRef, type ChangeEvent, type ReactNode } from 'react';
import { OPEN_ACCEPT, openDesignFile, saveDesignFile } from '../../app/documents';
import { useDesignStore, useDesignStoreApi } from '../../app/storeContext';
import { ProjectNameField } from './ProjectNameField';

interface Props {
  onNew: () => void;
  /** Extra buttons at the end of the bar (Export, Templates …). */
  extras?: ReactNode;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

/** Brand, project name, document actions, undo and redo, and a slot for later buttons. */
export const TopBar = memo(function TopBar({ onNew, extras }: Props) {
  const store = useDesignStoreApi();
  const canUndo = useDesignStore((s) => s.history.past.length > 0);
  const canRedo = useDesignStore((s) => s.history.future.length > 0);
  const fileInput = useRef<HTMLInputElement>(null);
  const composeInput = useRef<HTMLInputElement>(null);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Reset, so picking the same file again still fires a change.
    e.target.value = '';
    if (file) void openDesignFile(store, file);
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
        <button type="button" onClick={onNew}>
          New
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Open…
        </button>
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
        <button
          type="button"
          onClick={() => composeInput.current?.click()}
          title="Import a compose.yaml or docker-compose.yml as a new design"
        >
          Import compose…
        </button>
        <input
          ref={composeInput}
          type="file"
          accept=".yaml,.yml"
          className="pc-sr-only"
          tabIndex={-1}
          aria-label="Import a compose file"
          data-testid="import-compose-input"
          onChange={onFile}
        />
        <button type="button" onClick={() => saveDesignFile(store)}>
          Save
        </button>
        <span className="pc-toolbar__sep" aria-hidden="true" />
        <button
          type="button"
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
          title={`Undo (${MOD}Z)`}
          aria-keyshortcuts="Control+Z Meta+Z"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
          title={`Redo (${MOD}Shift+Z)`}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        >
          Redo
        </button>
      </nav>
      <div className="pc-toolbar pc-toolbar--end" data-slot="toolbar-end">
        {extras}
      </div>
    </header>
  );
});
