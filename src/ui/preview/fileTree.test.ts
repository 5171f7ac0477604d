import { describe, expect, it } from 'vitest';
import { firstLines, treeRows, visibleWindow } from './fileTree';

const files = ['compose.yaml', 'services/b/main.go', 'services/a/app.py', 'README.md', 'k8s/a.yaml'].map((path) => ({
  path,
  content: '',
}));

describe('treeRows', () => {
  it('lists folders first, then files, sorted, with depth', () => {
    const rows = treeRows(files, new Set());
    expect(rows.map((r) => `${'  '.repeat(r.depth)}${r.name}${r.folder ? '/' : ''}`)).toEqual([
      'k8s/',
      '  a.yaml',
      'services/',
      '  a/',
      '    app.py',
      '  b/',
      '    main.go',
      'README.md',
      'compose.yaml',
    ]);
  });

  it('hides the children of a collapsed folder', () => {
    const rows = treeRows(files, new Set(['services']));
    expect(rows.map((r) => r.path)).toEqual(['k8s', 'k8s/a.yaml', 'services', 'README.md', 'compose.yaml']);
  });
});

describe('visibleWindow', () => {
  it('draws the rows in view and the overscan on each side, within the list', () => {
    expect(visibleWindow(1000, 0, 220, 22, 5)).toEqual({ first: 0, last: 15 });
    expect(visibleWindow(1000, 2200, 220, 22, 5)).toEqual({ first: 95, last: 115 });
    // a row cut by the bottom edge is drawn
    expect(visibleWindow(1000, 11, 220, 22, 0)).toEqual({ first: 0, last: 11 });
    expect(visibleWindow(1000, 22_000 - 220, 220, 22, 5)).toEqual({ first: 985, last: 1000 });
    expect(visibleWindow(3, 0, 220, 22, 5)).toEqual({ first: 0, last: 3 });
    expect(visibleWindow(0, 0, 220, 22, 5)).toEqual({ first: 0, last: 0 });
    // a scroll position left over from a longer list
    expect(visibleWindow(10, 5000, 220, 22, 5)).toEqual({ first: 10, last: 10 });
  });
});

describe('firstLines', () => {
  it('keeps the first lines, line ends included, or the whole text when it is shorter', () => {
    expect(firstLines('a\nb\nc\n', 2)).toBe('a\nb\n');
    expect(firstLines('a\nb\nc', 3)).toBe('a\nb\nc');
    expect(firstLines('a\nb', 5)).toBe('a\nb');
    expect(firstLines('', 5)).toBe('');
    expect(firstLines('x\n'.repeat(50_000), 200)).toHaveLength(400);
  });
});
