import { useRef, type ReactNode } from 'react';
import { Modal } from './Modal';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question rendered by the page (not window.confirm), so it matches the app and tests can
 * answer it. The safe answer, Cancel, has the focus; Escape cancels.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      className="pc-dialog"
      labelledBy="pc-dialog-title"
      onClose={onCancel}
      initialFocus={() => cancelRef.current?.focus()}
    >
      <h2 id="pc-dialog-title">{title}</h2>
      <div className="pc-dialog__body">{children}</div>
      <div className="pc-dialog__actions">
        <button ref={cancelRef} type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="pc-danger-btn" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
