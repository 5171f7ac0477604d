import { Suspense, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Template } from '../../core/templates';
import { isEmptyDesign } from '../../app/documents';
import { useDesignStoreApi } from '../../app/storeContext';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { closeTemplates, openTemplates, useTemplatesOpen } from './galleryState';
import { lazyNamed, preloadWhenIdle } from '../lazyNamed';

// The gallery (every template and its picture) is loaded once the page is idle after opening, or
// when it is first opened if sooner.
const GalleryDialog = lazyNamed(() => import('./GalleryDialog'), 'GalleryDialog');

/** The top bar's Templates button, with the gallery and the question before replacing work. */
export function TemplatesButton() {
  const open = useTemplatesOpen();
  const store = useDesignStoreApi();
  const [pending, setPending] = useState<Template | null>(null);
  useEffect(() => preloadWhenIdle([GalleryDialog]), []);

  const load = (template: Template) => {
    // One loadDesign call: the whole template is one undo step; the canvas frames it.
    store.getState().loadDesign(template.build(), 'fit');
  };

  const choose = (template: Template) => {
    closeTemplates();
    if (isEmptyDesign(store.getState().design)) load(template);
    else setPending(template);
  };

  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={openTemplates}>
        Templates
      </button>
      {/* In the body, not the top bar, so the bar's button styles stay out of the dialogs. */}
      {open
        ? createPortal(
            <Suspense fallback={null}>
              <GalleryDialog onChoose={choose} onClose={closeTemplates} />
            </Suspense>,
            document.body,
          )
        : null}
      {pending
        ? createPortal(
            <ConfirmDialog
              title={`Replace your design with “${pending.title}”?`}
              confirmLabel="Replace with template"
              onCancel={() => setPending(null)}
              onConfirm={() => {
                load(pending);
                setPending(null);
              }}
            >
              <p>Your current design will be replaced. Undo brings it back.</p>
            </ConfirmDialog>,
            document.body,
          )
        : null}
    </>
  );
}
