import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GO_HANDLERS, IMPLEMENTED, implementHandler, weekMonday, weekThursday } from '../conformance/fixtures/week';
import { removeElements, updateNode } from '../src/core/ops/ops';
import type { Design } from '../src/core/model/types';
import { runCli } from './fixtures/cli';
import { readTree } from './fixtures/load';

const tmp = mkdtempSync(join(tmpdir(), 'pgc-update-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = runCli;

let n = 0;
/** A design written to a file of its own. */
function designFile(design: Design): string {
  const file = join(tmp, `design-${++n}.json`);
  writeFileSync(file, JSON.stringify(design));
  return file;
}

/** A fresh export of `design` into a new folder. */
async function exported(design: Design): Promise<string> {
  const dir = join(tmp, `project-${++n}`);
  const r = await run('export', designFile(design), '-o', dir);
  expect(r.code, r.err).toBe(0);
  return dir;
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const edit = (dir: string, path: string, f: (s: string) => string) =>
  writeFileSync(join(dir, path), f(read(dir, path)));

describe('export --update', () => {
  it("keeps the user's implementation and adds what the design added (a week with a project)", async () => {
    const dir = await exported(weekMonday());
    edit(dir, GO_HANDLERS, implementHandler);
    writeFileSync(join(dir, 'NOTES.md'), 'mine\n');
    const r = await run('export', designFile(weekThursday()), '-o', dir, '--update');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Updated .*: \d+ updated, \d+ added, 0 kept, 1 merged, 0 conflicts, 0 removed/);
    expect(r.out).toContain(`merged    ${GO_HANDLERS}`);
    const handlers = read(dir, GO_HANDLERS);
    expect(handlers).toContain(IMPLEMENTED);
    expect(handlers).toMatch(/func GetStockByIdHistory\(/);
    expect(handlers).toMatch(/func GetItem\(/);
    expect(read(dir, 'NOTES.md')).toBe('mine\n');
    // the project now is the new design's, with the user's handler: a second update changes nothing
    expect(JSON.parse(read(dir, 'polyglot.design.json'))).toEqual(weekThursday());
    const again = await run('update', dir);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/0 updated, 0 added, 1 kept, 0 merged, 0 conflicts, 0 removed/);
    expect(read(dir, GO_HANDLERS)).toBe(handlers);
  });

  it('writes a conflict with markers and exits 1 when the user and the design changed the same line', async () => {
    const monday = weekMonday();
    const dir = await exported(monday);
    const config = 'services/web/app/plumbing/config.py';
    edit(dir, config, (s) => s.replace('DEFAULT_PORT = 8000', 'DEFAULT_PORT = 9000'));
    const moved = updateNode(monday, 'web', { port: 8100 });
    if (!moved.ok) throw new Error(moved.reason);
    const r = await run('export', designFile(moved.design), '-o', dir, '--update');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/1 conflict,/);
    expect(r.out).toContain(`conflict  ${config} — 1 conflict`);
    expect(r.err).toContain('1 file has conflicts');
    expect(read(dir, config)).toContain(
      '<<<<<<< ours\nDEFAULT_PORT = 9000\n=======\nDEFAULT_PORT = 8100\n>>>>>>> theirs\n',
    );
    // the files the user did not touch follow the design
    expect(read(dir, 'compose.yaml')).toContain('8100:8100');
  });

  it('deletes what the design no longer makes only where the user did not change it', async () => {
    const monday = weekMonday();
    const dir = await exported(monday);
    edit(dir, 'services/web/README.md', (s) => `${s}\nMy notes.\n`);
    const r = await run('export', designFile(removeElements(monday, ['web'])), '-o', dir, '--update');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(
      'orphaned  services/web/README.md — the design no longer makes it, but you changed it: kept',
    );
    expect(existsSync(join(dir, 'services/web/README.md'))).toBe(true);
    expect(existsSync(join(dir, 'services/web/app/main.py'))).toBe(false);
    expect(existsSync(join(dir, 'services/web/app'))).toBe(false); // folders it emptied go too
    expect(existsSync(join(dir, 'k8s/web.yaml'))).toBe(false);
  });

  it('only tells with --dry-run', async () => {
    const monday = weekMonday();
    const dir = await exported(monday);
    const before = readTree(dir);
    const r = await run('export', designFile(weekThursday(monday)), '-o', dir, '--update', '--dry-run');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Would update/);
    expect(readTree(dir)).toEqual(before);
  });
});

describe('polyglot-canvas update', () => {
  it('regenerates from the design saved into the folder, with the last export as the base', async () => {
    const dir = await exported(weekMonday());
    edit(dir, GO_HANDLERS, implementHandler);
    // File → Save in the app, saved over the project's design
    writeFileSync(join(dir, 'polyglot.design.json'), JSON.stringify(weekThursday(), null, 2));
    const r = await run('update', dir);
    expect(r.code, r.err).toBe(0);
    expect(read(dir, GO_HANDLERS)).toContain(IMPLEMENTED);
    expect(read(dir, GO_HANDLERS)).toMatch(/func GetStockByIdHistory\(/);
    expect(JSON.parse(read(dir, '.polyglot/base.design.json'))).toEqual(weekThursday());
  });

  it('refuses a folder that is not an exported project, and says why', async () => {
    const dir = join(tmp, 'plain');
    const r1 = await run('update', dir);
    expect(r1.code).toBe(1);
    expect(r1.err).toContain('is not a folder');
    const project = await exported(weekMonday());
    rmSync(join(project, '.polyglot'), { recursive: true });
    const r2 = await run('update', project);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('has no .polyglot/manifest.json');
    const r3 = await run('export', designFile(weekMonday()), '-o', project, '--update');
    expect(r3.code).toBe(1);
    expect(r3.err).toContain('has no .polyglot/manifest.json');
  });

  it('never writes through a symbolic link, nor deletes outside the folder for a hostile manifest', async () => {
    const outside = join(tmp, 'outside.txt');
    writeFileSync(outside, 'precious\n');
    const dir = await exported(weekMonday());
    const compose = join(dir, 'compose.yaml');
    unlinkSync(compose);
    symlinkSync(outside, compose);
    const r = await run('export', designFile(weekThursday()), '-o', dir, '--update');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Refusing compose\.yaml: .* is a symbolic link/);
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');

    const dir2 = await exported(weekMonday());
    const hash = '0'.repeat(64);
    edit(dir2, '.polyglot/manifest.json', (s) =>
      s.replace('"files": {', `"files": {\n    "../outside.txt": "${hash}",\n    "/etc/hostname": "${hash}",`),
    );
    const r2 = await run('update', dir2);
    expect(r2.code, r2.err).toBe(0);
    expect(r2.out).toContain('refused   ../outside.txt');
    expect(r2.out).toContain('refused   /etc/hostname');
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');
  });
});

describe('polyglot-canvas import of an exported project', () => {
  it('writes the design a project zip or folder carries', async () => {
    const dir = await exported(weekThursday());
    const zip = join(tmp, 'week.zip');
    expect((await run('export', join(dir, 'polyglot.design.json'), '-o', zip)).code).toBe(0);
    for (const from of [dir, zip]) {
      const out = join(tmp, `imported-${++n}.json`);
      const r = await run('import', from, '-o', out);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('2 nodes, 2 links');
      expect(JSON.parse(read(tmp, out.slice(tmp.length + 1)))).toEqual(weekThursday());
    }
  });
});

describe('secret values of an exported project', () => {
  /** weekMonday with a secret value on its first service. */
  function withSecret(): Design {
    const d = weekMonday();
    const first = d.nodes[0];
    if (!first) throw new Error('the week has nodes');
    const r = updateNode(d, first.id, { env: [{ key: 'API_TOKEN', value: 'tok-3141', secret: true }] });
    if (!r.ok) throw new Error('edit');
    return r.design;
  }

  it('are in .env, not in the design the project carries, and come back from .env on import and update', async () => {
    const design = withSecret();
    const dir = await exported(design);
    expect(read(dir, 'polyglot.design.json')).not.toContain('tok-3141');
    expect(read(dir, '.polyglot/base.design.json')).not.toContain('tok-3141');
    expect(read(dir, '.env')).toMatch(/__API_TOKEN=tok-3141$/m);
    const back = join(tmp, `back-${++n}.json`);
    const imported = await run('import', dir, '-o', back);
    expect(imported.code, imported.err).toBe(0);
    expect(JSON.parse(readFileSync(back, 'utf8'))).toEqual(design);
    const again = await run('update', dir);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/0 updated, 0 added, 0 kept, 0 merged, 0 conflicts, 0 removed/);
  });

  it('without .env (a fresh clone), update refuses to empty them, and names them', async () => {
    const dir = await exported(withSecret());
    const before = readTree(dir);
    unlinkSync(join(dir, '.env'));
    const r = await run('update', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the secret values API_TOKEN of \S+ \(\S+__API_TOKEN\) are not in .*\.env/);
    // nothing was written
    before.delete('.env');
    expect(readTree(dir)).toEqual(before);
  });
});
