import { Menu } from './Menu';
import { useTheme, type ThemeChoice } from './theme';

const CHOICES: { choice: ThemeChoice; label: string }[] = [
  { choice: 'system', label: 'Follow the system' },
  { choice: 'light', label: 'Light' },
  { choice: 'dark', label: 'Dark' },
];

/** The top bar's theme button: light, dark, or whatever the system uses. Remembered in the browser. */
export function ThemeMenu() {
  const choice = useTheme((s) => s.choice);
  const theme = useTheme((s) => s.theme);
  const choose = useTheme((s) => s.choose);
  return (
    <Menu
      id="pc-theme-menu"
      label="Theme"
      className="pc-theme"
      button={
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          {theme === 'dark' ? (
            <path d="M15.5 12.5A6.5 6.5 0 0 1 7.5 4.5a6.5 6.5 0 1 0 8 8Z" />
          ) : (
            <>
              <circle cx="10" cy="10" r="3.5" />
              <path d="M10 1.8v2M10 16.2v2M1.8 10h2M16.2 10h2M4.2 4.2l1.4 1.4M14.4 14.4l1.4 1.4M4.2 15.8l1.4-1.4M14.4 5.6l1.4-1.4" />
            </>
          )}
        </svg>
      }
      buttonProps={{
        className: 'pc-icon-btn',
        'aria-label': `Theme: ${CHOICES.find((c) => c.choice === choice)?.label ?? ''}`,
        title: 'Light or dark theme',
      }}
    >
      {CHOICES.map((c) => (
        <button
          key={c.choice}
          type="button"
          role="menuitemradio"
          aria-checked={choice === c.choice}
          onClick={() => choose(c.choice)}
        >
          <span className="pc-pictures__check" aria-hidden="true">
            {choice === c.choice ? '✓' : ''}
          </span>
          {c.label}
        </button>
      ))}
    </Menu>
  );
}
