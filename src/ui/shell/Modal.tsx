import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  className: string;
  /** The id of the dialog's heading. */
  labelledBy: string;
  /** Escape, or whatever else cancels the dialog. */
  onClose: () => void;
  /** Where the focus goes once the dialog is open (by default the browser's choice). */
  initialFocus?: (dialog: HTMLDialogElement) => void;
  children: ReactNode;
}

/**
 * A modal <dialog>: it opens when mounted (the rest of the page becomes inert, so the focus stays
 * inside), Escape calls `onClose`, and when it unmounts the focus goes back to what had it before.
 */
export function Modal({ className, labelledBy, onClose, initialFocus, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const focusFirst = useRef(initialFocus);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    focusFirst.current?.(dialog);
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}

/**
 * Copies text to the clipboard; without clipboard permission (an embedded page, an old browser)
 * it selects the field's text for Ctrl+C instead. True when copied.
 */
export async function copyOrSelect(field: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field.focus();
    field.select();
    return false;
  }
}
