/** What a presenter's key does. Clickers send PageUp and PageDown. */
export type PresenterCommand = 'next' | 'previous' | 'first' | 'last' | 'exit' | 'fullscreen';

const COMMANDS: Record<string, PresenterCommand> = {
  ArrowRight: 'next',
  ' ': 'next',
  PageDown: 'next',
  ArrowLeft: 'previous',
  PageUp: 'previous',
  Backspace: 'previous',
  Home: 'first',
  End: 'last',
  Escape: 'exit',
  f: 'fullscreen',
  F: 'fullscreen',
};

/** Keys that edit the design; presenting swallows them so nothing changes by accident. */
const EDIT_KEYS = new Set(['Delete', 'ArrowUp', 'ArrowDown']);
const EDIT_SHORTCUTS = new Set(['z', 'y', 'x', 'c', 'v', 'a']);

export function presenterCommand(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): PresenterCommand | 'swallow' | null {
  if (e.altKey) return null;
  if (e.ctrlKey || e.metaKey) return EDIT_SHORTCUTS.has(e.key.toLowerCase()) ? 'swallow' : null;
  return COMMANDS[e.key] ?? (EDIT_KEYS.has(e.key) ? 'swallow' : null);
}
