import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATOR, manifestText, readManifest } from '../../src/core/record/manifest';

describe('the manifest', () => {
  it("names the generator by package.json's name and version", () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
    expect(GENERATOR).toEqual({ name: pkg.name, version: pkg.version });
  });

  it('reads back what it writes, sorted by path', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    const text = manifestText([
      { path: 'z.txt', sha256: a },
      { path: 'services/x/app.py', sha256: b },
    ]);
    expect(text.indexOf('services/x/app.py')).toBeLessThan(text.indexOf('z.txt'));
    const r = readManifest(text);
    expect(r.ok && [...r.manifest.files]).toEqual([
      ['services/x/app.py', b],
      ['z.txt', a],
    ]);
  });

  it('refuses what is not a manifest, or a newer one, with a reason', () => {
    expect(readManifest('{')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(readManifest('{"format":"x"}')).toMatchObject({ ok: false, error: expect.stringMatching(/not a polyglot/) });
    expect(readManifest('{"format":"polyglot-canvas/manifest","version":9,"files":{}}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/newer/),
    });
    expect(readManifest('{"format":"polyglot-canvas/manifest","version":1,"files":{"a":"nothex"}}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a SHA-256/),
    });
  });
});
