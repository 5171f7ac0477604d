/**
 * Golden tests of the contract importers: each set of contract files written for the tests, as
 * the design it imports to (with its warnings and counts). `npm run golden:update` rewrites them;
 * review the diff.
 */
import { describe, expect, it } from 'vitest';
import { importContracts, type ContractImportRequest } from '../../src/core/importers/contracts';
import { contractFiles } from '../../src/core/importers/contracts/fixtures.testkit';

const events = () => Object.fromEntries(Object.entries(contractFiles('asyncapi')).map(([k, v]) => [`events/${k}`, v]));

const CASES: Record<string, () => ContractImportRequest> = {
  proto: () => ({ files: contractFiles('proto') }),
  openapi: () => ({ files: contractFiles('openapi') }),
  asyncapi: () => ({ files: events() }),
  everything: () => ({
    files: { ...contractFiles('proto'), ...contractFiles('openapi'), ...events() },
    options: { project: 'shop', runtime: 'python-fastapi' },
  }),
};

describe('contract import golden files', () => {
  for (const [name, request] of Object.entries(CASES))
    it(`${name}: the design the contracts import to`, async () => {
      const r = await importContracts(request());
      await expect(JSON.stringify(r, null, 2) + '\n').toMatchFileSnapshot(`golden/${name}.json`);
    });
});
