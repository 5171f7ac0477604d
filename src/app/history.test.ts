import { describe, expect, it } from 'vitest';
import { emptyDesign, type Design } from '../core';
import { emptyHistory, record, redo, undo, type History } from './history';

const named = (name: string): Design => ({ ...emptyDesign(), name });

describe('history', () => {
  it('undoes and redoes in order', () => {
    const a = named('a');
    const b = named('b');
    const c = named('c');
    let h = record(emptyHistory, a, { now: 0 });
    h = record(h, b, { now: 5000 });
    // current design is c
    const u1 = undo(h, c);
    expect(u1?.design).toBe(b);
    const u2 = undo(u1!.history, u1!.design);
    expect(u2?.design).toBe(a);
    expect(undo(u2!.history, u2!.design)).toBeNull();
    const r1 = redo(u2!.history, a);
    expect(r1?.design).toBe(b);
    const r2 = redo(r1!.history, b);
    expect(r2?.design).toBe(c);
    expect(redo(r2!.history, c)).toBeNull();
  });

  it('clears the redo stack on a new edit', () => {
    const h = record(emptyHistory, named('a'), { now: 0 });
    const u = undo(h, named('b'))!;
    expect(u.history.future).toHaveLength(1);
    const h2 = record(u.history, u.design, { now: 10 });
    expect(h2.future).toHaveLength(0);
  });

  it('coalesces edits of the same key within the window into one step', () => {
    const start = named('start');
    let h: History = record(emptyHistory, start, { key: 'node:1:name', now: 0 });
    h = record(h, named('s'), { key: 'node:1:name', now: 400 });
    h = record(h, named('st'), { key: 'node:1:name', now: 900 });
    expect(h.past).toEqual([start]);
    // one undo goes back to before the burst
    expect(undo(h, named('sta'))?.design).toBe(start);
  });

  it('starts a new step after a pause, another key, or an undo', () => {
    let h = record(emptyHistory, named('0'), { key: 'k', now: 0 });
    h = record(h, named('1'), { key: 'k', now: 2001 });
    expect(h.past).toHaveLength(2);
    h = record(h, named('2'), { key: 'other', now: 2100 });
    expect(h.past).toHaveLength(3);
    h = record(h, named('3'), { now: 2200 });
    h = record(h, named('4'), { now: 2300 });
    expect(h.past).toHaveLength(5);
    const u = undo(h, named('5'))!;
    const after = record(u.history, u.design, { key: 'k', now: 2400 });
    expect(after.past).toHaveLength(5);
  });

  it('merges a follow-up edit into the step on top', () => {
    const before = named('before');
    let h = record(emptyHistory, before, { now: 0 });
    h = record(h, named('created'), { merge: true, now: 60_000 });
    expect(h.past).toEqual([before]);
  });

  it('caps the number of steps, dropping the oldest', () => {
    let h: History = emptyHistory;
    for (let i = 0; i < 250; i++) h = record(h, named(String(i)), { now: i * 10_000 });
    expect(h.past).toHaveLength(200);
    expect(h.past[0]?.name).toBe('50');
    expect(h.past[199]?.name).toBe('249');
    const capped = record(h, named('x'), { now: 1e9, limit: 3 });
    expect(capped.past.map((d) => d.name)).toEqual(['248', '249', 'x']);
  });
});
