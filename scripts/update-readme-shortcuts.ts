/**
 * Rewrites the README's "Keyboard shortcuts" tables from src/ui/shell/shortcuts.ts:
 * `npm run readme:shortcuts`. The overlay that `?` opens reads the same table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withShortcuts } from '../src/ui/shell/shortcuts';

const readme = readFileSync('README.md', 'utf8');
const next = withShortcuts(readme);
if (next === null) {
  console.error('README.md has no shortcuts markers: add the start and end comments where the tables go.');
  process.exit(1);
}
writeFileSync('README.md', next);
console.log(next === readme ? 'README.md shortcuts are current.' : 'README.md shortcuts updated.');
