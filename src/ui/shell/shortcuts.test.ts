import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presenterCommand } from '../presenter/keys';
import { README_END, README_START, SHORTCUTS, shortcutsMarkdown, withShortcuts } from './shortcuts';

const KEY_OF: Record<string, string> = { '→': 'ArrowRight', '←': 'ArrowLeft', Space: ' ', Escape: 'Escape', F: 'f' };

describe('the shortcuts table', () => {
  it('is the README’s shortcut list, word for word (npm run readme:shortcuts rewrites it)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf(README_START);
    const end = readme.indexOf(README_END);
    expect(start, 'README.md lacks the shortcuts start marker').toBeGreaterThanOrEqual(0);
    expect(readme.slice(start, end + README_END.length)).toBe(shortcutsMarkdown());
  });

  it('replaces only what lies between the markers', () => {
    const doc = `before\n${README_START}\n| old | row |\n${README_END}\nafter`;
    const next = withShortcuts(doc) ?? '';
    expect(next.startsWith('before\n')).toBe(true);
    expect(next.endsWith('\nafter')).toBe(true);
    expect(next).not.toContain('| old | row |');
    expect(next).toContain('| Ctrl/Cmd+S | save the design file (File → Save) |');
    expect(withShortcuts('no markers')).toBeNull();
  });

  it('names the keys the presenter really answers to', () => {
    const presenting = SHORTCUTS.find((g) => g.title === 'Presenting');
    const keys = presenting?.shortcuts.flatMap((s) => s.keys) ?? [];
    expect(keys.length).toBeGreaterThan(5);
    for (const k of keys) {
      const key = KEY_OF[k] ?? k;
      expect(presenterCommand({ key, ctrlKey: false, metaKey: false, altKey: false }), k).not.toBeNull();
    }
  });

  it('lists no key twice in a group', () => {
    for (const g of SHORTCUTS) {
      const keys = g.shortcuts.flatMap((s) => s.keys);
      expect(new Set(keys).size, g.title).toBe(keys.length);
    }
  });
});
