import { TEMPLATES, type Template } from '../../core/templates';
import { Modal } from '../shell/Modal';
import { TemplateThumbnail } from './TemplateThumbnail';

/** The templates to start from, each with its picture and what it teaches. */
export function GalleryDialog({ onChoose, onClose }: { onChoose: (t: Template) => void; onClose: () => void }) {
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
