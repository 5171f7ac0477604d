import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useFitView } from '../canvas/useFitView';
import type { Design } from '../../core';
import { isEmptyDesign, saveDesignFile } from '../../app/documents';
import type { DesignStoreApi } from '../../app/store';
import { shareLinkFor, watchShareLinks, type ShareLink } from '../../app/share/incoming';
import { useDesignStoreApi } from '../../app/storeContext';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { ShareDialog } from './ShareDialog';

interface Pending {
  design: Design;
  warnings: readonly string[];
}

/** Opens a shared design as one undo step, framed, with any repairs named in a banner. */
function openShared(store: DesignStoreApi, fit: ReturnType<typeof useFitView>, { design, warnings }: Pending) {
  const { loadDesign, notify } = store.getState();
  loadDesign(design);
  window.setTimeout(() => fit({ padding: 0.1, minZoom: 0.5 }), 60);
  if (warnings.length > 0)
    notify({
      tone: 'warning',
      placement: 'banner',
      title: 'The shared design was opened with repairs',
      text: 'Some parts of the link could not be used as they were:',
      details: warnings,
    });
}

/**
 * The Share button, and the question asked when the page is opened from a share link over a
 * design with something in it (an empty one is simply replaced: there is nothing to lose).
 */
export function ShareTools() {
  const store = useDesignStoreApi();
  const fit = useFitView();
  const [link, setLink] = useState<ShareLink | null>(null);
  const [sharing, setSharing] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  // the secret values the link would carry, named so the dialog can say so
  const [secrets, setSecrets] = useState<string[]>([]);

  useEffect(
    () =>
      watchShareLinks(window, (share) => {
        if (share.kind === 'error') {
          store.getState().notify({
            tone: 'error',
            placement: 'banner',
            title: 'Could not open the shared design',
            text: `${share.message} Your current design was not changed.`,
          });
        } else if (isEmptyDesign(store.getState().design)) {
          openShared(store, fit, share);
        } else {
          setPending({ design: share.design, warnings: share.warnings });
        }
      }),
    [store, fit],
  );

  const openShare = () => {
    const design = store.getState().design;
    setLink(null);
    setSecrets(design.nodes.flatMap((n) => n.env.filter((e) => e.secret).map((e) => `${e.key} of ${n.name}`)));
    setSharing(true);
    void shareLinkFor(window.location, design).then(setLink);
  };

  const current = store.getState().design;
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={openShare}>
        Share
      </button>
      {sharing
        ? createPortal(
            <ShareDialog
              link={link}
              secrets={secrets}
              onSaveFile={() => saveDesignFile(store)}
              onClose={() => setSharing(false)}
            />,
            document.body,
          )
        : null}
      {pending
        ? createPortal(
            <ConfirmDialog
              title={`Open the shared design “${pending.design.name}”?`}
              confirmLabel="Open shared design"
              onCancel={() => setPending(null)}
              onConfirm={() => {
                openShared(store, fit, pending);
                setPending(null);
              }}
            >
              <p>
                It has {pending.design.nodes.length} nodes and {pending.design.links.length} links and takes the place
                of “{current.name}” on the canvas. Your current design stays available with Undo.
              </p>
            </ConfirmDialog>,
            document.body,
          )
        : null}
    </>
  );
}
