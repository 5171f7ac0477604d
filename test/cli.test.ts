import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './fixtures/cli';
import { exportFiles } from '../src/core/record/exportFiles';
import { zipFilesSync } from '../src/export/zip';
import { FIXTURE_DIR, loadFixture, readTree } from './fixtures/load';

const ROOT = join(FIXTURE_DIR, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'pgc-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'polyglot-canvas.mjs'), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const fixture = (name: string) => join(FIXTURE_DIR, `${name}.json`);

/** The same command line in this process: faster, for the cases that do not need the real binary. */
const run = runCli;

describe('polyglot-canvas export', () => {
  it('prints help with its commands', async () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: polyglot-canvas <command>');
    expect(r.out).toContain('export');
    expect((await run('export', '--help')).out).toContain('-o, --out');
  });

  it('writes a fixture into a folder, file for file as exportFiles (with the design and manifest)', async () => {
    const dir = join(tmp, 'shop');
    const r = cli('export', fixture('polyglot-shop'), '-o', `${dir}/`);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const files = exportFiles(loadFixture('polyglot-shop'));
    const written = readTree(dir);
    expect([...written.keys()].sort()).toEqual(files.map((f) => f.path).sort());
    for (const f of files) expect(written.get(f.path), f.path).toBe(f.content);
    expect(JSON.parse(written.get('polyglot.design.json') ?? '')).toEqual(loadFixture('polyglot-shop'));
    expect(r.out).toContain(`Wrote ${files.length} files`);
    // an exported project is not exported over: --update merges into it
    const again = await run('export', fixture('polyglot-shop'), '-o', dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('holds an exported project. Pass --update');
    // --overwrite replaces, naming every file of the user's it overwrote
    const handlers = join(dir, 'services', 'orders', 'README.md');
    writeFileSync(handlers, 'my notes\n');
    const over = await run('export', fixture('polyglot-shop'), '-o', dir, '--overwrite');
    expect(over.code).toBe(0);
    expect(over.err).toContain('--overwrite replaced services/orders/README.md, which you had changed');
    // any other folder that is not empty is left alone unless asked
    writeFileSync(join(tmp, 'keep.txt'), 'x');
    expect((await run('export', fixture('seed-kafka'), '-o', tmp)).err).toContain('is not empty');
  });

  it('reads the design from an exported zip or folder', async () => {
    const zip = join(tmp, 'from.zip');
    expect((await run('export', fixture('seed-kafka'), '-o', zip)).code).toBe(0);
    const fromZip = await run('export', zip, '-o', join(tmp, 'again.zip'));
    expect(fromZip.code).toBe(0);
    expect(Buffer.compare(readFileSync(zip), readFileSync(join(tmp, 'again.zip')))).toBe(0);
    const dir = join(tmp, 'seed-folder');
    expect((await run('export', zip, '-o', dir)).code).toBe(0);
    expect((await run('export', dir, '-o', join(tmp, 'again2.zip'))).code).toBe(0);
    expect(Buffer.compare(readFileSync(zip), readFileSync(join(tmp, 'again2.zip')))).toBe(0);
    // a zip of something else, and a file that only says it is a zip
    const other = join(tmp, 'other.zip');
    writeFileSync(other, zipFilesSync([{ path: 'README.md', content: 'hello' }]));
    const r1 = await run('export', other, '-o', join(tmp, 'never.zip'));
    expect(r1.code).toBe(1);
    expect(r1.err).toContain('There is no polyglot.design.json in it');
    const fake = join(tmp, 'fake.zip');
    writeFileSync(fake, 'not a zip');
    const r2 = await run('export', fake, '-o', join(tmp, 'never.zip'));
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('not a readable zip');
    expect(readTree(tmp).has('never.zip')).toBe(false);
  });

  it('writes the same zip from the binary and in process, holding the files of exportFiles', async () => {
    const a = join(tmp, 'a', 'hostile.zip');
    const b = join(tmp, 'b.zip');
    expect(cli('export', fixture('hostile-names'), '-o', a).code).toBe(0);
    expect((await run('export', fixture('hostile-names'), '--out', b)).code).toBe(0);
    const bytes = readFileSync(a);
    expect(Buffer.compare(bytes, readFileSync(b))).toBe(0);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    const files = exportFiles(loadFixture('hostile-names'));
    expect(names).toEqual(files.map((f) => f.path));
    expect(await zip.file('README.md')?.async('string')).toBe(files.find((f) => f.path === 'README.md')?.content);
  });

  it('checks a design without writing', async () => {
    const r = await run('export', fixture('seed-kafka'), '--check');
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 error(s)');
  });

  it('refuses a design with export errors, prints them, and exports with --force', async () => {
    const design = JSON.parse(readFileSync(fixture('polyglot-shop'), 'utf8')) as { nodes: { port: number }[] };
    for (const n of design.nodes) n.port = 8080;
    const file = join(tmp, 'clash.json');
    writeFileSync(file, JSON.stringify(design));
    const r = await run('export', file, '-o', join(tmp, 'clash.zip'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('publish host port 8080');
    expect(r.err).toContain('--force');
    const check = await run('export', file, '--check');
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/^error: .*publish host port 8080/m);
    expect((await run('export', file, '-o', join(tmp, 'clash.zip'), '--force')).code).toBe(0);
  });

  it('fails with a message on a corrupt file, a foreign JSON file and a missing file', async () => {
    const corrupt = join(tmp, 'corrupt.json');
    writeFileSync(corrupt, '{"format": "polyglot-canvas/design", "version": 1, "nodes": [');
    const r1 = cli('export', corrupt, '-o', join(tmp, 'x.zip'));
    expect(r1.code).toBe(1);
    expect(r1.err).toContain('not valid JSON');
    const foreign = join(tmp, 'package.json');
    writeFileSync(foreign, JSON.stringify({ name: 'something-else', version: '1.0.0' }));
    const r2 = await run('export', foreign, '-o', join(tmp, 'y.zip'));
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('not a Polyglot Canvas design');
    const r3 = await run('export', join(tmp, 'nope.json'));
    expect(r3.code).toBe(1);
    expect(r3.err).toContain('cannot read');
    expect(readTree(tmp).has('x.zip') || readTree(tmp).has('y.zip')).toBe(false);
  });

  it('prints restore warnings and still exports what it could repair', async () => {
    const file = join(tmp, 'repairable.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'polyglot-canvas/design',
        version: 1,
        name: 'repairable',
        nodes: [
          { id: 'a', kind: 'go-nethttp', name: 'api', port: 8080 },
          { id: 'b', kind: 'quantum-db' },
        ],
        links: [],
      }),
    );
    const r = await run('export', file, '-o', join(tmp, 'repairable'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: .*unknown kind/);
  });

  it('answers a usage mistake with exit code 2 and the usage', async () => {
    const r = cli('export');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: polyglot-canvas export');
    expect((await run('export', fixture('empty'), '--bogus')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  });
});
