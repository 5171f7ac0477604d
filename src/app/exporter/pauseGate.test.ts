import { describe, expect, it } from 'vitest';
import { pauseGate } from './pauseGate';

/** A gate on a hand-moved clock, whose turns of the event loop are counted. */
function gateAt() {
  let now = 0;
  let turns = 0;
  const gate = pauseGate({
    now: () => now,
    everyMs: 8,
    turn: () => {
      turns++;
      return Promise.resolve();
    },
  });
  return { gate, at: (ms: number) => (now = ms), turns: () => turns };
}
const settled = async (p: Promise<void> | undefined): Promise<boolean> => {
  let done = false;
  void p?.then(() => (done = true));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return p === undefined || done;
};

describe('pauseGate', () => {
  it('lets the work run on between turns of the event loop', async () => {
    const g = gateAt();
    g.at(7);
    expect(g.gate.between()).toBeUndefined();
    g.at(8);
    const wait = g.gate.between();
    expect(wait).toBeInstanceOf(Promise);
    expect(await settled(wait)).toBe(true);
    expect(g.turns()).toBe(1);
    g.at(15); // counted from the last turn
    expect(g.gate.between()).toBeUndefined();
  });

  it('holds the work while paused, and lets it go on when told', async () => {
    const g = gateAt();
    g.gate.pause(true);
    const wait = g.gate.between(); // paused: waits at once, however little ran
    expect(await settled(wait)).toBe(false);
    g.gate.pause(true);
    expect(await settled(wait)).toBe(false);
    g.gate.pause(false);
    expect(await settled(wait)).toBe(true);
    g.at(1);
    expect(g.gate.between()).toBeUndefined();
  });

  it('a pause asked and taken back before the work asks costs nothing but the turn', async () => {
    const g = gateAt();
    g.gate.pause(true);
    g.gate.pause(false);
    expect(g.gate.between()).toBeUndefined();
    g.at(100);
    expect(await settled(g.gate.between())).toBe(true);
  });
});
