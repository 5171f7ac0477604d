import { useState } from 'react';
import { createPortal } from 'react-dom';
import { TEMPLATES, type Template } from '../../core/templates';
import { isEmptyDesign } from '../../app/documents';
import { useDesignStoreApi } from '../../app/storeContext';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { Modal } from '../shell/Modal';
import { closeTemplates, openTemplates, useTemplatesOpen } from './galleryState';
import { TemplateThumbnail } from './TemplateThumbnail';

/** The top bar's Templates button, with the gallery and the question before replacing work. */
export function TemplatesButton() {
  const open = useTemplatesOpen();
  const store = useDesignStoreApi();
  const [pending, setPending] = useState<Template | null>(null);

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
      {open ? createPortal(<GalleryDialog onChoose={choose} onClose={closeTemplates} />, document.body) : null}
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

function GalleryDialog({ onChoose, onClose }: { onChoose: (t: Template) => void; onClose: () => void }) {
  return (
    <Modal
      className="pc-dialog pc-templates"
      labelledBy="pc-templates-title"
      onClose={onClose}
      initialFocus={(dialog) => dialog.querySelector<HTMLButtonElement>('.pc-template')?.focus()}
    >
      <h2 id="pc-templates-title">Start from a template</h2>
      <ul className="pc-templates__list">
        {TEMPLATES.map((t) => (
          <li key={t.id}>
            <button type="button" className="pc-template" onClick={() => onChoose(t)}>
              <TemplateThumbnail template={t} />
              <strong>{t.title}</strong>
              <span>{t.teaches}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="pc-dialog__actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
