/**
 * Import, then export: the exported .proto files must be wire-compatible with the originals, as
 * `buf breaking` with the WIRE_JSON rules judges it (field numbers and types, names JSON uses,
 * services, RPCs and their streaming, enum values).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateProto } from '../../src/core/generators/proto';
import { importContracts } from '../../src/core/importers/contracts';
import { CONTRACTS_DIR, contractFiles } from '../../src/core/importers/contracts/fixtures.testkit';

const BUF = join(dirname(createRequire(import.meta.url).resolve('@bufbuild/buf/package.json')), 'bin', 'buf');
const WIRE_JSON = JSON.stringify({ version: 'v2', breaking: { use: ['WIRE_JSON'] } });
const tmp = mkdtempSync(join(tmpdir(), 'pgc-wire-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `buf breaking <input> --against <against>` with the WIRE_JSON rules: exit status and findings. */
function bufBreaking(input: string, against: string): { status: number | null; output: string } {
  const r = spawnSync(BUF, ['breaking', input, '--against', against, '--config', WIRE_JSON], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

describe('import then export is wire-compatible', () => {
  it('buf finds a wire change when there is one (the check itself can fail)', () => {
    const changed = join(tmp, 'changed');
    cpSync(join(CONTRACTS_DIR, 'proto'), changed, { recursive: true });
    const common = join(changed, 'shop', 'v1', 'common.proto');
    writeFileSync(common, readFileSync(common, 'utf8').replace('int64 units = 2;', 'int64 units = 4;'));
    const r = bufBreaking(changed, join(CONTRACTS_DIR, 'proto'));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('Previously present field "2" with name "units" on message "Money" was deleted');
  });

  it('the shop protos, imported and exported, break nothing on the wire', async () => {
    // needs the version 3 proto generator (types, services and files of the design)
    const r = await importContracts({ files: contractFiles('proto') });
    if (!r.ok) throw new Error(r.error);
    const out = join(tmp, 'export');
    for (const f of generateProto(r.design)) {
      const p = join(out, f.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.content);
    }
    const result = bufBreaking(join(out, 'proto'), join(CONTRACTS_DIR, 'proto'));
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});
