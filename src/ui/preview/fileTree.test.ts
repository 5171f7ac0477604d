import { describe, expect, it } from 'vitest';
import { treeRows } from './fileTree';

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
