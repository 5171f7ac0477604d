import { create } from 'zustand';

/** What the person chose: follow the system's light or dark setting, or one of them always. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const KEY = 'polyglot-canvas:theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function readChoice(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function systemTheme(): Theme {
  return typeof window !== 'undefined' && window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

const resolve = (choice: ThemeChoice): Theme => (choice === 'system' ? systemTheme() : choice);

interface ThemeState {
  choice: ThemeChoice;
  theme: Theme;
  choose: (choice: ThemeChoice) => void;
}

/** The page's colour theme: `data-theme` on <html> switches the CSS variables of src/ui/styles. */
export const useTheme = create<ThemeState>((set) => ({
  choice: 'system',
  theme: 'light',
  choose: (choice) => {
    try {
      if (choice === 'system') window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, choice);
    } catch {
      // without storage the choice lasts until the page is closed
    }
    set({ choice, theme: resolve(choice) });
  },
}));

/**
 * Reads the remembered choice, applies it before the first render (no flash of the other theme),
 * and follows the system's setting while the choice is "system".
 */
export function startTheme(): void {
  const choice = readChoice();
  useTheme.setState({ choice, theme: resolve(choice) });
  const apply = (theme: Theme) => {
    document.documentElement.dataset.theme = theme;
  };
  apply(useTheme.getState().theme);
  useTheme.subscribe((s) => apply(s.theme));
  window.matchMedia?.(DARK_QUERY).addEventListener('change', () => {
    const s = useTheme.getState();
    if (s.choice === 'system') useTheme.setState({ theme: systemTheme() });
  });
}
