import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restore } from '../src/core/model/restore';
import { FIXTURES, FIXTURES_V2 } from './fixtures/make-fixtures';

describe('migration 2 -> 3: the fixtures', () => {
  it('turns each version-2 fixture into its version-3 file, the same every time', () => {
    for (const [name, doc] of Object.entries(FIXTURES_V2)) {
      const stored: unknown = JSON.parse(readFileSync(new URL(`./fixtures/v2/${name}.json`, import.meta.url), 'utf8'));
      expect(stored, name).toEqual(doc);
      const r = restore(structuredClone(stored));
      if (!r.ok) throw new Error(r.error);
      expect(r.warnings, name).toEqual([]);
      expect(r.design, name).toEqual(FIXTURES[name]);
      expect(restore(structuredClone(stored)), name).toEqual(r);
    }
  });
});
