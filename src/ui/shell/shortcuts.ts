/**
 * Every keyboard shortcut of the app, in one table: the `?` overlay shows it and the README's
 * "Keyboard shortcuts" section is generated from it (`npm run readme:shortcuts`); a unit test
 * fails when the two differ. The handlers live where the keys act (the canvas, the presenter …);
 * this table is what people read.
 */
export interface Shortcut {
  /** Alternative keys, each written the README's way: `Ctrl/Cmd+Z`, `Shift+L`, `→`. */
  keys: readonly string[];
  action: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: readonly Shortcut[];
}

export const SHORTCUTS = [
  {
    title: 'Editing',
    shortcuts: [
      { keys: ['Ctrl/Cmd+Z'], action: 'undo' },
      { keys: ['Ctrl/Cmd+Shift+Z', 'Ctrl+Y'], action: 'redo' },
      {
        keys: ['Ctrl/Cmd+C', 'Ctrl/Cmd+V'],
        action: 'copy and paste the selection: cards, boundaries with their cards, notes',
      },
      { keys: ['Ctrl/Cmd+A'], action: 'select everything' },
      { keys: ['Delete', 'Backspace'], action: 'delete the selection' },
      { keys: ['Escape'], action: 'clear the selection' },
      { keys: ['Shift+click', 'Ctrl/Cmd+click'], action: 'add to the selection' },
      {
        keys: ['F2', 'Double-click a name'],
        action: 'rename the node or boundary, or edit the note, in place (Enter keeps, Escape cancels)',
      },
      { keys: ['Shift+F10', 'Right-click'], action: 'the menu of the selected node or link, or of the canvas' },
    ],
  },
  {
    title: 'Design',
    shortcuts: [
      { keys: ['Ctrl/Cmd+S'], action: 'save the design file (File → Save)' },
      { keys: ['Ctrl/Cmd+K'], action: 'find a service' },
      { keys: ['Shift+L'], action: 'auto-layout' },
      { keys: ['P'], action: 'present' },
      { keys: ['?'], action: 'show these shortcuts' },
    ],
  },
  {
    title: 'Presenting',
    shortcuts: [
      { keys: ['→', 'Space', 'PageDown'], action: 'next step (clickers send PageUp and PageDown)' },
      { keys: ['←', 'PageUp', 'Backspace'], action: 'previous step' },
      { keys: ['Home', 'End'], action: 'back to the start · show everything' },
      { keys: ['F'], action: 'full screen' },
      { keys: ['Escape'], action: 'leave the presenter view' },
    ],
  },
] as const satisfies readonly ShortcutGroup[];

export const README_START = '<!-- shortcuts:start (generated from src/ui/shell/shortcuts.ts) -->';
export const README_END = '<!-- shortcuts:end -->';

/** The README's shortcut tables, one per group, between the two markers. */
export function shortcutsMarkdown(groups: readonly ShortcutGroup[] = SHORTCUTS): string {
  const lines: string[] = [README_START];
  for (const g of groups) {
    lines.push('', `| ${g.title} | |`, '| --- | --- |');
    for (const s of g.shortcuts) lines.push(`| ${s.keys.join(' · ')} | ${s.action} |`);
  }
  lines.push('', README_END);
  return lines.join('\n');
}

/** The README with its shortcut section replaced by the table's; null when it has no markers. */
export function withShortcuts(readme: string, groups: readonly ShortcutGroup[] = SHORTCUTS): string | null {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return null;
  return readme.slice(0, start) + shortcutsMarkdown(groups) + readme.slice(end + README_END.length);
}
