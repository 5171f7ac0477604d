import { describe, expect, it } from 'vitest';
import { INFRA_IDS, RUNTIME_IDS } from '../../core';
import { inkOn, paletteGroups } from './paletteModel';

describe('palette model', () => {
  it('lists every catalog entry once, grouped Services / Messaging / Data / Edge', () => {
    const groups = paletteGroups('');
    expect(groups.map((g) => g.title)).toEqual(['Services', 'Messaging', 'Data', 'Edge']);
    const kinds = groups.flatMap((g) => g.entries.map((e) => e.kind));
    expect(kinds.sort()).toEqual([...RUNTIME_IDS, ...INFRA_IDS].sort());
  });

  it('marks tier-2 runtimes as diagram only', () => {
    const services = paletteGroups('')[0]!.entries;
    expect(services.find((e) => e.kind === 'ruby-rails')?.diagramOnly).toMatch(/^No stub yet: .*RubyGems/);
    expect(services.find((e) => e.kind === 'go-nethttp')?.diagramOnly).toBeNull();
    expect(services.find((e) => e.kind === 'ruby-sinatra')?.diagramOnly).toBeNull();
    expect(services.find((e) => e.kind === 'scala-http4s')?.diagramOnly).toBeNull();
  });

  it('filters on label and keywords, every word must match', () => {
    expect(paletteGroups('golang').flatMap((g) => g.entries.map((e) => e.kind))).toEqual(['go-nethttp']);
    expect(paletteGroups('KAFKA').flatMap((g) => g.entries.map((e) => e.kind))).toEqual(['kafka']);
    expect(paletteGroups('python flask').flatMap((g) => g.entries.map((e) => e.kind))).toEqual(['python-flask']);
    // the Celery worker: a runnable stub, found by framework or by what it does
    for (const q of ['celery', 'python worker', 'background jobs'])
      expect(
        paletteGroups(q).flatMap((g) => g.entries.map((e) => e.kind)),
        q,
      ).toEqual(['python-celery']);
    expect(paletteGroups('celery')[0]?.entries[0]).toMatchObject({
      label: 'Python · Celery worker',
      diagramOnly: null,
    });
    const db = paletteGroups('database');
    expect(db.map((g) => g.title)).toEqual(['Data']);
    expect(paletteGroups('no such thing')).toEqual([]);
  });

  it('picks dark ink on light colours and white on dark ones', () => {
    expect(inkOn('#dea584')).toBe('#000');
    // Go's cyan and Java's brown: black ink reads better than white on both
    expect(inkOn('#00add8')).toBe('#000');
    expect(inkOn('#b07219')).toBe('#000');
    expect(inkOn('#231f20')).toBe('#fff');
  });
});
