import { beforeAll, expect, it } from 'vitest';
import { goChecker } from '../yamlcheck/readers';
import { fuzzExports } from './hostileDesigns';

// Half of the seeded fuzz of the export (the other half is in export-2.test.ts, so the two
// run side by side): see hostileDesigns.ts.
beforeAll(() => void goChecker(), 300_000);

it('fuzz: 2,500 hostile designs load and export without a crash, with safe paths and YAML every reader agrees on', () => {
  const report = fuzzExports(1401, 2500);
  expect(report.designs).toBe(2500);
  // most hostile designs are exportable once restore has repaired them
  expect(report.exported).toBeGreaterThan(1000);
  expect(report.yamlChecked).toBeGreaterThan(100);
}, 120_000);
