import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateProject } from '../../src/core/generators/project';
import { importCompose } from '../../src/core/importers/compose';
import { restore } from '../../src/core/model/restore';
import type { Design } from '../../src/core/model/types';
import { leavesOf, lostOrChanged } from './keys';

/**
 * The round trip of real-style compose files: import, export, and every key of every service
 * (and of the top level) comes back with its value. The figures are in the test names.
 */

const FILES = ['voting-app.yaml', 'shop-v3.yaml', 'long-syntax.yaml', 'legacy-v2.yml'];
const read = (f: string) => readFileSync(new URL(`../fixtures/compose/${f}`, import.meta.url), 'utf8');

function roundTrip(file: string) {
  const text = read(file);
  const r = importCompose(text, file);
  if (!r.ok) throw new Error(r.error);
  // through a save and a load, as the app and the CLI do
  const loaded = restore(JSON.parse(JSON.stringify(r.design)) as unknown);
  if (!loaded.ok) throw new Error(loaded.error);
  expect(loaded.warnings).toEqual([]);
  const files = new Map(generateProject(loaded.design).map((f) => [f.path, f.content]));
  const before = leavesOf(text);
  // the obsolete top-level `version` is the one key left out, and the notice says so
  before.delete('version');
  const after = leavesOf(files.get('compose.yaml') ?? '');
  return { r, design: loaded.design, files, before, after, lost: lostOrChanged(before, after, '') };
}

const figures = FILES.map((f) => {
  const { before, lost } = roundTrip(f);
  return { file: f, keys: before.size, kept: before.size - lost.length };
});
const total = figures.reduce((a, f) => ({ keys: a.keys + f.keys, kept: a.kept + f.kept }), { keys: 0, kept: 0 });

describe(`compose round trip: ${FILES.length} files, ${total.kept} of ${total.keys} keys kept`, () => {
  for (const f of figures)
    it(`${f.file}: ${f.kept} of ${f.keys} keys come back with their values`, () => {
      const { lost, r } = roundTrip(f.file);
      expect(lost).toEqual([]);
      // the obsolete version key is named in the notice when the file had one
      if (/^version:/m.test(read(f.file))) expect(r.warnings.join('\n')).toMatch(/top-level version: .* was left out/);
    });

  it('prints the figures', () => {
    for (const f of figures) console.log(`round trip ${f.file.padEnd(18)} ${f.kept}/${f.keys} keys`);
    expect(total.kept).toBe(total.keys);
  });
});

describe('the voting app', () => {
  const { design, files, r } = roundTrip('voting-app.yaml');
  const compose = parse(files.get('compose.yaml') ?? '') as { services: Record<string, Record<string, unknown>> };

  it('keeps the seeding job a one-shot job of its profile, with nothing invented', () => {
    const seed = compose.services.seed ?? {};
    expect(seed.restart).toBe('no');
    expect(seed.profiles).toEqual(['seed']);
    expect(seed.expose).toBeUndefined();
    expect(seed.healthcheck).toBeUndefined();
    expect(seed.build).toBe('./seed-data');
  });

  it('keeps every build as written and generates no stub over it', () => {
    expect(compose.services.worker?.build).toEqual({ context: './worker', dockerfile: 'Dockerfile' });
    expect(compose.services.worker?.image).toBeUndefined();
    expect(compose.services.vote).toMatchObject({ image: 'voting-app/vote:dev', build: { context: './vote' } });
    for (const name of ['vote', 'result', 'worker', 'seed'])
      expect(
        [...files.keys()].filter((p) => p.startsWith(`services/${name}/`)),
        name,
      ).toEqual([]);
    expect(r.warnings).toContain(
      'worker: keeps its own build (context ./worker, Dockerfile Dockerfile); the export writes it back as it was and generates no stub over it.',
    );
  });

  it("keeps PostgreSQL's own credentials: compose, .env and the Kubernetes Secret", () => {
    const db = compose.services.db ?? {};
    expect(db.environment).toEqual({
      POSTGRES_USER: 'postgres',
      POSTGRES_PASSWORD: 'postgres',
      POSTGRES_DB: 'postgres',
    });
    expect(compose.services.result?.environment).toContain(
      'DATABASE_URL=postgres://postgres:postgres@db:5432/postgres',
    );
    const dotenv = files.get('.env') ?? '';
    expect(dotenv).toMatch(/^DB_USER=postgres$/m);
    expect(dotenv).toMatch(/^DB_PASSWORD=postgres$/m);
    // the values of the Secret kustomize makes, in its git-ignored env file
    const secret = files.get('k8s/secrets/db-credentials.env') ?? '';
    expect(secret).toMatch(/^username=postgres$/m);
    expect(secret).toMatch(/^password=postgres$/m);
    expect(secret).not.toMatch(/=app$/m);
  });

  it('a link drawn after the import gets its address from the same credentials', () => {
    const vote = design.nodes.find((n) => n.name === 'vote');
    const db = design.nodes.find((n) => n.name === 'db');
    if (!vote || !db) throw new Error('missing nodes');
    const linked: Design = {
      ...design,
      links: [...design.links, { id: 'new', kind: 'database', source: vote.id, target: db.id, topic: '' }],
    };
    const out = parse(generateProject(linked).find((f) => f.path === 'compose.yaml')?.content ?? '') as typeof compose;
    const env = out.services.vote?.environment as Record<string, string>;
    expect(env.DB_URL).toBe('postgresql://postgres:postgres@db:5432/postgres');
    expect(out.services.vote?.depends_on).toMatchObject({
      redis: { condition: 'service_healthy' },
      db: { condition: 'service_healthy' },
    });
  });

  it('an edit in the design wins over the file', () => {
    const changed: Design = {
      ...design,
      nodes: design.nodes.map((n) =>
        n.name === 'redis' ? { ...n, env: [{ key: 'EXTRA', value: 'a$b' }], replicas: 1 } : n,
      ),
    };
    const out = parse(generateProject(changed).find((f) => f.path === 'compose.yaml')?.content ?? '') as typeof compose;
    expect(out.services.redis?.environment).toEqual({ EXTRA: 'a$$b' });
    expect(out.services.redis?.command).toEqual(['redis-server', '--save', '60', '1']);
  });
});
