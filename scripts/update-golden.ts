/**
 * Rewrites test/golden/<fixture>/ from the generators: `npm run golden:update`. Review the diff:
 * it shows exactly what changed in the exported projects.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { exportFiles } from '../src/core/record/exportFiles';
import { GOLDEN_DIR, fixtureNames, goldenDiff, loadFixture, readTree, writeGolden } from '../test/fixtures/load';

const names = fixtureNames();
for (const name of names) {
  const files = exportFiles(loadFixture(name));
  const changes = goldenDiff(name, files, readTree(join(GOLDEN_DIR, name)));
  writeGolden(name, files);
  console.log(`${name}: ${files.length} files, ${changes.length} changed`);
}
// a fixture that was removed takes its golden folder with it
for (const dir of readTree(GOLDEN_DIR).keys()) {
  const top = dir.split('/')[0] ?? '';
  if (top && !names.includes(top)) rmSync(join(GOLDEN_DIR, top), { recursive: true, force: true });
}
// An exported project ignores its own `.env`, so git would leave those golden files out of a
// clone: name them so they are added with `git add -f`.
const ignored = spawnSync('git', ['ls-files', '--others', '--ignored', '--exclude-standard', GOLDEN_DIR], {
  encoding: 'utf8',
});
const lost = ignored.status === 0 ? ignored.stdout.split('\n').filter(Boolean) : [];
if (lost.length > 0) {
  console.log(`\nignored by the exported .gitignore, add them with git add -f:\n  ${lost.join('\n  ')}`);
}
