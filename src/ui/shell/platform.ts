/** Whether the page runs on a Mac (or iPhone, iPad), whose shortcuts use ⌘ instead of Ctrl. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The shortcut modifier's name: ⌘ on a Mac, Ctrl elsewhere. */
export const MOD_KEY = IS_MAC ? '⌘' : 'Ctrl';

/** A shortcut written the platform's way: `modShortcut('Z')` is ⌘Z on a Mac, Ctrl+Z elsewhere. */
export function modShortcut(keys: string): string {
  return IS_MAC ? `⌘${keys}` : `Ctrl+${keys}`;
}
