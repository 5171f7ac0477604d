import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importContracts } from '../../core/importers/contracts';
import { placeReferencedFiles } from './flatFiles';

const read = (p: string) => readFileSync(new URL(`../../../test/contracts/${p}`, import.meta.url), 'utf8');

describe('placeReferencedFiles', () => {
  it('puts a file given by name where a document $refs it, so the import resolves', async () => {
    const flat = { 'shop-api.yaml': read('openapi/shop-api.yaml'), 'common.yaml': read('openapi/schemas/common.yaml') };
    const placed = placeReferencedFiles(flat);
    expect(Object.keys(placed).sort()).toEqual(['schemas/common.yaml', 'shop-api.yaml']);
    const r = await importContracts({ files: placed });
    expect(r.ok ? r.summary.endpointsAdded : r.error).toBeGreaterThan(0);
  });

  it('leaves files alone when a name is ambiguous or the path exists', () => {
    const doc =
      "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: './s/x.yaml#/A'}\n";
    expect(Object.keys(placeReferencedFiles({ 'a.yaml': doc, 'x.yaml': 'A: {}' }))).toEqual(['a.yaml', 's/x.yaml']);
    expect(Object.keys(placeReferencedFiles({ 'a.yaml': doc, 's/x.yaml': 'A: {}', 'x.yaml': 'B: {}' })).sort()).toEqual(
      ['a.yaml', 's/x.yaml', 'x.yaml'],
    );
  });
});
