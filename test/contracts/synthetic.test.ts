import { describe, expect, it } from 'vitest';
import { syntheticProtos } from '../../bench/contracts/synthetic';
import { importContracts } from '../../src/core/importers/contracts';

describe('the import benchmark contracts', () => {
  it('are 200 messages and 50 services that import cleanly', async () => {
    const r = await importContracts({ files: syntheticProtos(200, 50) });
    if (!r.ok) throw new Error(r.error);
    expect(r.design.types.filter((t) => t.kind === 'message')).toHaveLength(200);
    expect(r.design.nodes.flatMap((n) => n.api?.grpc ?? [])).toHaveLength(50);
    expect(r.design.nodes.flatMap((n) => n.api?.grpc ?? []).flatMap((g) => g.rpcs)).toHaveLength(200);
    expect(r.warnings).toEqual([]);
  });
});
