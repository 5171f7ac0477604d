import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFiles } from '../src/core/record/exportFiles';
import { restore } from '../src/core/model/restore';
import { FIXTURES } from './fixtures/make-fixtures';
import { FIXTURE_DIR, GOLDEN_DIR, fixtureNames, goldenDiff, loadFixture, readTree } from './fixtures/load';

describe('fixtures', () => {
  const names = fixtureNames();

  it('are the designs make-fixtures.ts writes', () => {
    expect(names).toEqual(Object.keys(FIXTURES).sort());
    for (const name of names)
      expect(JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8')), name).toEqual(FIXTURES[name]);
  });

  it('restore without a single warning, unchanged', () => {
    for (const name of names) {
      const raw: unknown = JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8'));
      const r = restore(raw);
      expect(r.ok && r.warnings, name).toEqual([]);
      expect(r.ok && r.design, name).toEqual(raw);
    }
  });
});

describe('goldenDiff', () => {
  it('names new, missing and changed files and shows the first changed line', () => {
    const golden = new Map([
      ['a.txt', 'one\ntwo\nthree\n'],
      ['gone.txt', 'x'],
    ]);
    const diff = goldenDiff(
      'demo',
      [
        { path: 'a.txt', content: 'one\nTWO\nthree\n' },
        { path: 'new.txt', content: 'y' },
      ],
      golden,
    );
    expect(diff).toEqual([
      'demo/a.txt: differs\n  at line 2 (golden 4 lines, generated 4):\n  - two\n  - three\n  - \n  + TWO\n  + three\n  + ',
      'demo/new.txt: generated, but not in test/golden (new file)',
      'demo/gone.txt: in test/golden, but no longer generated',
    ]);
    expect(
      goldenDiff(
        'demo',
        [
          { path: 'a.txt', content: 'one\ntwo\nthree\n' },
          { path: 'gone.txt', content: 'x' },
        ],
        golden,
      ),
    ).toEqual([]);
  });
});

describe('golden exports (refresh with `npm run golden:update`)', () => {
  for (const name of fixtureNames()) {
    it(`${name}: every generated file matches test/golden/${name}/`, () => {
      const golden = readTree(join(GOLDEN_DIR, name));
      expect(golden.size, `test/golden/${name}/ is missing: run npm run golden:update`).toBeGreaterThan(0);
      const diff = goldenDiff(name, exportFiles(loadFixture(name)), golden);
      expect(diff, `\n${diff.join('\n\n')}\n`).toEqual([]);
    });
  }
});
