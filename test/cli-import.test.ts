import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import { importCompose } from '../src/core/importers/compose';
import { restoreText } from '../src/core/model/restore';
import { extendsChain } from './fixtures/compose/heavy';
import { FIXTURE_DIR } from './fixtures/load';

const ROOT = join(FIXTURE_DIR, '..', '..');
const COMPOSE = join(FIXTURE_DIR, 'compose');
const tmp = mkdtempSync(join(tmpdir(), 'pgc-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('polyglot-canvas import', () => {
  it('imports a multi-document Kubernetes manifest, listing the kinds it does not map', async () => {
    const out = join(tmp, 'k8s-shop.json');
    const r = await run('import', join(FIXTURE_DIR, 'kubernetes', 'shop.yaml'), '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*k8s-shop\.json: 9 nodes, 8 links/);
    expect(r.err).toContain('warning: Kinds the design does not map were left out: HorizontalPodAutoscaler (frontend)');
    const restored = restoreText(readFileSync(out, 'utf8'));
    expect(restored.ok && restored.design.nodes.map((n) => n.name)).toContain('orders-db');
  });

  it('imports a kustomization folder: an overlay follows its base, and a folder of overlays asks which', async () => {
    const k = join(FIXTURE_DIR, 'kubernetes', 'kustomize');
    const out = join(tmp, 'prod.json');
    const r = await run('import', join(k, 'overlays', 'prod'), '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*prod\.json: 3 nodes, 3 links/);
    expect(r.err).toContain('Parts of the kustomization were not applied: namespace');
    const restored = restoreText(readFileSync(out, 'utf8'));
    const api = restored.ok ? restored.design.nodes.find((n) => n.name === 'api') : undefined;
    expect(api?.image).toBe('ghcr.io/acme/orders-api:2.0.0');
    expect(restored.ok && restored.design.name).toBe('prod');

    const both = await run('import', k, '-o', join(tmp, 'both.json'));
    expect(both.code).toBe(1);
    expect(both.err).toMatch(/several kustomizations that none other includes \(overlays\/dev, overlays\/prod\)/);

    // a folder of plain manifests, and files given one by one
    const files = await run(
      'import',
      join(k, 'base', 'api.yaml'),
      join(k, 'base', 'db.yaml'),
      '-o',
      join(tmp, 'two.json'),
    );
    expect(files.code).toBe(0);
    expect(files.out).toMatch(/2 nodes/);
  });

  it('lists import in the help, with its own options', async () => {
    expect((await run('--help')).out).toMatch(
      /import\s+import a compose file, or .proto, OpenAPI and AsyncAPI contracts/,
    );
    expect((await run('import', '--help')).out).toContain('--force');
  });

  it('writes the design the importer makes, prints its warnings, and refuses to overwrite', async () => {
    const out = join(tmp, 'shop.json');
    const src = join(COMPOSE, 'shop-v3.yaml');
    const r = await run('import', src, '-o', out);
    expect(r.code).toBe(0);
    const want = importCompose(readFileSync(src, 'utf8'), 'shop-v3.yaml');
    if (!want.ok) throw new Error(want.error);
    const restored = restoreText(readFileSync(out, 'utf8'));
    expect(restored.ok && restored.design).toEqual(want.design);
    expect(r.out).toBe(`Wrote ${out}: 9 nodes, 8 links, ${want.warnings.length} warnings.`);
    for (const w of want.warnings) expect(r.err).toContain(`warning: ${w}`);

    writeFileSync(out, 'mine');
    const again = await run('import', src, '-o', out);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists; choose another path, or pass --force');
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await run('import', src, '-o', out, '--force')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"format": "polyglot-canvas/design"');
  });

  it('names the file after the project without -o, through the real binary', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'polyglot-canvas.mjs'), 'import', join(COMPOSE, 'long-syntax.yaml')],
      {
        cwd: tmp,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Wrote telemetry.json: 7 nodes');
    expect(r.stderr).toContain('warning: Every setting of base-worker, ingest, enricher');
    expect(existsSync(join(tmp, 'telemetry.json'))).toBe(true);
  });

  it('reports a broken file or a missing one with exit code 1, and bad usage with 2', async () => {
    const broken = await run('import', join(COMPOSE, 'broken.yaml'), '-o', join(tmp, 'b.json'));
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/error: .*broken\.yaml: The file is not valid YAML/);
    expect(existsSync(join(tmp, 'b.json'))).toBe(false);
    expect((await run('import', join(tmp, 'nope.yaml'))).err).toContain('cannot read');
    expect((await run('import')).code).toBe(2);
    const two = await run('import', join(COMPOSE, 'shop-v3.yaml'), join(COMPOSE, 'long-syntax.yaml'));
    expect(two.code).toBe(2);
    expect(two.err).toContain('A compose file is imported on its own');
  });

  it('refuses a 12,000-deep extends chain with a message through the real binary, not a stack overflow', () => {
    const file = join(tmp, 'chain.yaml');
    writeFileSync(file, extendsChain(12_000));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'polyglot-canvas.mjs'), 'import', file], {
      cwd: tmp,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'The service "s65" extends a chain of more than 64 services. That is over the import limit on the length of an extends chain (64), so the file was not imported.',
    );
    expect(r.stderr).not.toMatch(/Maximum call stack|RangeError/);
  });
});
