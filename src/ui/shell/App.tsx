import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { isEmptyDesign, newDesign } from '../../app/documents';
import { DesignStoreProvider, useDesignStore } from '../../app/storeContext';
import type { DesignStoreApi } from '../../app/store';
import { Canvas } from '../canvas/Canvas';
import { Inspector } from '../inspector/Inspector';
import { Palette } from '../palette/Palette';
import { ConfirmDialog } from './ConfirmDialog';
import { Banners, Toasts } from './Notices';
import { ShortcutsDialog } from './ShortcutsDialog';
import { TopBar } from './TopBar';
import { useFileDrop } from './useFileDrop';
import { useShortcuts } from './useShortcuts';
import { PanelSlot } from './PanelSlot';
import { usePanels } from './usePanels';
import { PresenterProvider, usePresenter } from '../presenter/PresenterContext';
import { usePresentShortcut } from '../presenter/usePresentShortcut';
import { lazyNamed, preloadWhenIdle } from '../lazyNamed';

// Loaded once the page is idle after opening (or when presenting starts, if sooner): opening the
// editor does not wait for the presenter's controls, and a key pressed right after Present is not lost.
const PresenterOverlay = lazyNamed(() => import('../presenter/PresenterOverlay'), 'PresenterOverlay');

export interface AppProps {
  store: DesignStoreApi;
  /** Buttons added at the end of the top bar (Export, Templates …). Rendered inside the store. */
  toolbarExtras?: ReactNode;
  /** A panel to the right of the inspector (the export preview). Rendered inside the store. */
  sidePanel?: ReactNode;
}

/** The editor: top bar, palette, canvas, inspector, and room for more panels. */
export function App({ store, toolbarExtras, sidePanel }: AppProps) {
  return (
    <DesignStoreProvider store={store}>
      <ReactFlowProvider>
        <PresenterProvider>
          <Shell store={store} toolbarExtras={toolbarExtras} sidePanel={sidePanel} />
        </PresenterProvider>
      </ReactFlowProvider>
    </DesignStoreProvider>
  );
}

function Shell({ store, toolbarExtras, sidePanel }: AppProps) {
  const [confirmNew, setConfirmNew] = useState(false);
  const projectName = useDesignStore((s) => s.design.name);
  useEffect(() => {
    document.title = `${projectName} · Polyglot Canvas`;
  }, [projectName]);
  useShortcuts(store);
  usePresentShortcut();
  useEffect(() => preloadWhenIdle([PresenterOverlay]), []);
  // Presenting keeps only the canvas and the presenter's controls; the panels come back after.
  const presenting = usePresenter((s) => s.active);
  const fileOver = useFileDrop(store);
  const panels = usePanels(!!sidePanel);
  const { layout } = panels;
  const columns = presenting
    ? undefined
    : [
        `${layout.palette}px`,
        'minmax(0, 1fr)',
        `${layout.inspector}px`,
        ...(sidePanel ? [`${layout.preview}px`] : []),
      ].join(' ');
  const summary = () => {
    const { nodes, links } = store.getState().design;
    return `${nodes.length} node${nodes.length === 1 ? '' : 's'} and ${links.length} link${links.length === 1 ? '' : 's'}`;
  };

  const onNew = () => {
    if (isEmptyDesign(store.getState().design)) newDesign(store);
    else setConfirmNew(true);
  };

  return (
    <div
      className={presenting ? 'pc-app pc-app--presenting' : sidePanel ? 'pc-app pc-app--with-panel' : 'pc-app'}
      style={columns ? { gridTemplateColumns: columns } : undefined}
    >
      {presenting ? null : <TopBar onNew={onNew} extras={toolbarExtras} />}
      {presenting ? null : (
        <PanelSlot
          id="palette"
          title="Palette"
          side="left"
          width={layout.palette}
          collapsible
          onCollapse={(c) => panels.setCollapsed('palette', c)}
          onResize={(w) => panels.setWidth('palette', w)}
        >
          <Palette />
        </PanelSlot>
      )}
      <main className="pc-main" aria-label="Canvas">
        <Banners />
        <Canvas />
        {presenting ? (
          <Suspense fallback={null}>
            <PresenterOverlay />
          </Suspense>
        ) : null}
        <Toasts />
      </main>
      {presenting ? null : (
        <PanelSlot
          id="inspector"
          title="Inspector"
          side="right"
          width={layout.inspector}
          collapsible
          onCollapse={(c) => panels.setCollapsed('inspector', c)}
          onResize={(w) => panels.setWidth('inspector', w)}
        >
          <Inspector />
        </PanelSlot>
      )}
      {sidePanel && !presenting && layout.preview !== null ? (
        <PanelSlot
          id="preview"
          title="Preview"
          side="right"
          width={layout.preview}
          collapsible={false}
          onCollapse={() => undefined}
          onResize={(w) => panels.setWidth('preview', w)}
        >
          <div className="pc-side">{sidePanel}</div>
        </PanelSlot>
      ) : null}
      {fileOver ? (
        <div className="pc-dropzone" aria-hidden="true">
          <div>Drop a design file (.json) to open it, or a compose file (.yaml) to import it</div>
        </div>
      ) : null}
      <ShortcutsDialog />
      {confirmNew ? (
        <ConfirmDialog
          title="Start a new design?"
          confirmLabel="Discard and start new"
          onCancel={() => setConfirmNew(false)}
          onConfirm={() => {
            setConfirmNew(false);
            newDesign(store);
          }}
        >
          <p>
            The current design ({summary()}) will be replaced by an empty one. Save it first if you want to keep a copy;
            Undo also brings it back.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
