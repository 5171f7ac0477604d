import { describe, expect, it } from 'vitest';
import { BINARY, planUpdate, summarize, type DiskFile, type PlanInput } from './plan';
import { sha256OfText } from './sha256';

/** A planner input from the last generation, the files on disk and the new generation. */
function input(
  base: Record<string, string>,
  disk: Record<string, DiskFile>,
  theirs: Record<string, string>,
  extraManifest: Record<string, string> = {},
): PlanInput {
  const manifest = new Map(Object.entries(base).map(([p, c]) => [p, sha256OfText(c)]));
  for (const [p, c] of Object.entries(extraManifest)) manifest.set(p, sha256OfText(c));
  return {
    manifest,
    base: new Map(Object.entries(base)),
    theirs: Object.entries(theirs).map(([path, content]) => ({ path, content })),
    disk: new Map(Object.entries(disk)),
  };
}

const outcomeOf = (plan: ReturnType<typeof planUpdate>, path: string) => plan.files.find((f) => f.path === path);
const writeOf = (plan: ReturnType<typeof planUpdate>, path: string) =>
  plan.writes.find((f) => f.path === path)?.content;

describe('planUpdate', () => {
  it('replaces a file the user did not touch, and leaves one that is already the new generation', () => {
    const plan = planUpdate(
      input({ a: 'old\n', b: 'same\n' }, { a: 'old\n', b: 'same\n' }, { a: 'new\n', b: 'same\n' }),
    );
    expect(outcomeOf(plan, 'a')?.outcome).toBe('updated');
    expect(writeOf(plan, 'a')).toBe('new\n');
    expect(outcomeOf(plan, 'b')?.outcome).toBe('unchanged');
    expect(writeOf(plan, 'b')).toBeUndefined();
  });

  it('keeps a file only the user changed', () => {
    const plan = planUpdate(input({ h: 'todo\n' }, { h: 'return 42\n' }, { h: 'todo\n' }));
    expect(outcomeOf(plan, 'h')?.outcome).toBe('kept');
    expect(plan.writes).toEqual([]);
  });

  it('merges a file both changed on different lines', () => {
    const base = 'import x\n\ndef a():\n    return TODO\n\ndef b():\n    return TODO\n';
    const ours = 'import x\n\ndef a():\n    return 6 * 7\n\ndef b():\n    return TODO\n';
    const theirs = 'import x\n\ndef a():\n    return TODO\n\ndef b():\n    return TODO\n\ndef c():\n    return TODO\n';
    const plan = planUpdate(input({ h: base }, { h: ours }, { h: theirs }));
    expect(outcomeOf(plan, 'h')?.outcome).toBe('merged');
    expect(writeOf(plan, 'h')).toBe(
      'import x\n\ndef a():\n    return 6 * 7\n\ndef b():\n    return TODO\n\ndef c():\n    return TODO\n',
    );
  });

  it('writes a conflict with markers when both changed the same lines', () => {
    const plan = planUpdate(input({ p: 'port = 8000\n' }, { p: 'port = 9000\n' }, { p: 'port = 8100\n' }));
    expect(outcomeOf(plan, 'p')).toMatchObject({ outcome: 'conflict', note: expect.stringMatching(/1 conflict/) });
    expect(writeOf(plan, 'p')).toBe('<<<<<<< ours\nport = 9000\n=======\nport = 8100\n>>>>>>> theirs\n');
    expect(plan.counts.conflict).toBe(1);
  });

  it('deletes a file the design no longer makes only when the user did not touch it', () => {
    const plan = planUpdate(input({ gone: 'x\n', mine: 'y\n' }, { gone: 'x\n', mine: 'y changed\n' }, {}));
    expect(plan.removes).toEqual(['gone']);
    expect(outcomeOf(plan, 'gone')?.outcome).toBe('removed');
    expect(outcomeOf(plan, 'mine')).toMatchObject({ outcome: 'orphaned', note: expect.stringMatching(/kept/) });
    expect(plan.writes).toEqual([]);
  });

  it('adds a newly generated file, and does not restore one the user deleted', () => {
    const plan = planUpdate(input({ del: 'x\n' }, { del: null }, { del: 'x2\n', fresh: 'new\n' }));
    expect(outcomeOf(plan, 'fresh')?.outcome).toBe('added');
    expect(writeOf(plan, 'fresh')).toBe('new\n');
    expect(outcomeOf(plan, 'del')).toMatchObject({ outcome: 'kept', note: expect.stringMatching(/deleted/) });
    expect(writeOf(plan, 'del')).toBeUndefined();
  });

  it('writes again a file of credentials kept out of git, which a clone does not have', () => {
    const base = { 'k8s/secrets/db-credentials.env': 'password=a\n', 'helm/values.secret.yaml': 'x: a\n', k: 'k\n' };
    const theirs = { 'k8s/secrets/db-credentials.env': 'password=b\n', 'helm/values.secret.yaml': 'x: b\n', k: 'k\n' };
    const plan = planUpdate(input(base, { k: 'k\n' }, theirs));
    expect(outcomeOf(plan, 'k8s/secrets/db-credentials.env')?.outcome).toBe('added');
    expect(writeOf(plan, 'k8s/secrets/db-credentials.env')).toBe('password=b\n');
    expect(writeOf(plan, 'helm/values.secret.yaml')).toBe('x: b\n');
    // its committed example, deleted by the user, is not
    const example = planUpdate(
      input({ 'k8s/secrets/d.env.example': 'p=\n' }, {}, { 'k8s/secrets/d.env.example': 'p=\n' }),
    );
    expect(outcomeOf(example, 'k8s/secrets/d.env.example')?.outcome).toBe('kept');
  });

  it('never names a file the user added; a user file where the design now makes one is a conflict', () => {
    const plan = planUpdate(input({ a: '1\n' }, { a: '1\n', clash: 'mine\n' }, { a: '1\n', clash: 'generated\n' }));
    expect(plan.files.map((f) => f.path)).toEqual(['a', 'clash']);
    expect(outcomeOf(plan, 'clash')?.outcome).toBe('conflict');
    expect(writeOf(plan, 'clash')).toBe('<<<<<<< ours\nmine\n=======\ngenerated\n>>>>>>> theirs\n');
  });

  it('leaves alone a file that is not text', () => {
    const plan = planUpdate(input({ img: 'x' }, { img: BINARY }, { img: 'y' }));
    expect(outcomeOf(plan, 'img')?.outcome).toBe('kept');
    expect(plan.writes).toEqual([]);
  });

  it('refuses paths of the manifest that would leave the folder, and never deletes them', () => {
    const bad = ['../outside.txt', '/etc/passwd', 'a/../../b', 'C:/x', 'a\\..\\b'];
    const plan = planUpdate(
      input({}, Object.fromEntries(bad.map((p) => [p, 'x'])), {}, Object.fromEntries(bad.map((p) => [p, 'x']))),
    );
    expect(plan.removes).toEqual([]);
    expect(plan.writes).toEqual([]);
    expect(plan.files.map((f) => f.outcome)).toEqual(bad.map(() => 'refused'));
  });

  it('summarizes counts and lists what needs a look, conflicts first', () => {
    const plan = planUpdate(
      input({ a: '1\n', c: 'x\n', r: 'r\n' }, { a: '1\n', c: 'mine\n', r: 'r\n' }, { a: '2\n', c: 'gen\n', n: 'n\n' }),
    );
    const lines = summarize(plan);
    expect(lines[0]).toBe('1 updated, 1 added, 0 kept, 0 merged, 1 conflict, 1 removed, 0 unchanged');
    expect(lines[1]).toMatch(/^ {2}conflict {2}c — 1 conflict/);
    expect(lines.slice(2)).toEqual(['  removed   r', '  added     n', '  updated   a']);
  });
});
