import { ControlButton } from '@xyflow/react';
import { useUi } from '../shell/uiState';

/** The keyboard button in the canvas controls: the list of shortcuts, as `?` opens it. */
export function ShortcutsButton() {
  return (
    <ControlButton
      onClick={() => useUi.getState().setShortcutsOpen(true)}
      title="Keyboard shortcuts (?)"
      aria-label="Keyboard shortcuts"
      aria-keyshortcuts="?"
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <rect x="1.5" y="4" width="13" height="8.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <path d="M4 7h1M7.5 7h1M11 7h1M5 10h6" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
      </svg>
    </ControlButton>
  );
}
