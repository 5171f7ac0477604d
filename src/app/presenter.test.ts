import { describe, expect, it } from 'vitest';
import { presentationSteps } from '../core';
import { createPresenterStore, setPresentationOrder } from './presenter';
import { createDesignStore } from './store';

function setup() {
  const store = createDesignStore({ now: () => 0 });
  const s = () => store.getState();
  const ids = ['python-fastapi', 'go-nethttp', 'redis'].map((kind, i) => {
    const r = s().addNode(kind as 'redis', { x: i * 300, y: 0 });
    if (!r.ok) throw new Error(r.reason);
    return r.id;
  });
  const link = s().connect(ids[0]!, ids[1]!);
  if (!link.ok) throw new Error(link.reason);
  return { store, s, ids, link: link.id };
}

describe('presenter', () => {
  it('steps forward and back within 0 … total, highlighting only what a step forward reveals', () => {
    const p = createPresenterStore();
    const ps = () => p.getState();
    ps().start();
    ps().previous(4);
    expect(ps().step).toBe(0);
    ps().next(4);
    expect(ps()).toMatchObject({ step: 1, revealing: true });
    ps().go(99, 4);
    expect(ps()).toMatchObject({ step: 4, revealing: false });
    ps().next(4);
    expect(ps().step).toBe(4);
    ps().previous(4);
    expect(ps()).toMatchObject({ step: 3, revealing: false });
    ps().stop();
    expect(ps()).toMatchObject({ active: false, step: 0 });
  });

  it('sets the order as one undoable edit, and leaves the rest of the design alone', () => {
    const { s, store, ids, link } = setup();
    const before = s().design;
    const pastBefore = s().history.past.length;
    setPresentationOrder(store, [ids[2]!]);
    expect(presentationSteps(s().design).map((x) => x.id)).toEqual([ids[2], ids[0], ids[1], link]);
    expect(s().design.nodes).toBe(before.nodes);
    expect(s().history.past.length).toBe(pastBefore + 1);
    // the same order again is no edit
    setPresentationOrder(store, s().design.presentation!.order);
    expect(s().history.past.length).toBe(pastBefore + 1);
    setPresentationOrder(store, null);
    expect(s().design.presentation).toBeUndefined();
    expect(s().undo()).toBe(true);
    expect(s().design.presentation?.order[0]).toBe(ids[2]);
    expect(s().undo()).toBe(true);
    expect(s().design).toEqual(before);
  });
});
