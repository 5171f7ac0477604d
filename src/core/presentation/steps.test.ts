import { describe, expect, it } from 'vitest';
import { addNode, connect, duplicateElements, removeElements } from '../ops/ops';
import { emptyDesign, type Design } from '../model/types';
import {
  canSwapWithPrevious,
  defaultSteps,
  moveStep,
  presentationSteps,
  pruneOrder,
  revealed,
  withPresentationOrder,
} from './steps';

/** web -> api (REST), api -> db, web added first, db last; plus a REST link web -> auth added last. */
function sample(): Design {
  let d = emptyDesign('shop');
  for (const [id, kind] of [
    ['web', 'node-express'],
    ['api', 'go-nethttp'],
    ['db', 'postgres'],
    ['auth', 'python-fastapi'],
  ] as const) {
    const r = addNode(d, { kind, id, name: id, position: { x: 0, y: 0 } });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
  }
  for (const [source, target, kind] of [
    ['api', 'db', 'database'],
    ['web', 'api', 'rest'],
    ['web', 'auth', 'rest'],
  ] as const) {
    const r = connect(d, { source, target, kind, id: `${source}-${target}` });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
  }
  return d;
}

const ids = (d: Design) => presentationSteps(d).map((s) => s.id);

describe('presentation steps: default order', () => {
  it('shows nodes in the order they were added, each link right after its second end', () => {
    const d = sample();
    expect(defaultSteps(d).map((s) => `${s.kind}:${s.id}`)).toEqual([
      'node:web',
      'node:api',
      'link:web-api',
      'node:db',
      'link:api-db',
      'node:auth',
      'link:web-auth',
    ]);
    expect(ids(d)).toEqual(defaultSteps(d).map((s) => s.id));
  });

  it('has one step per element and nothing for an empty design', () => {
    expect(presentationSteps(emptyDesign())).toEqual([]);
    const d = sample();
    expect(new Set(ids(d)).size).toBe(d.nodes.length + d.links.length);
  });

  it('reveals the first n steps', () => {
    const steps = presentationSteps(sample());
    expect(revealed(steps, 0)).toEqual(new Set());
    expect(revealed(steps, 3)).toEqual(new Set(['web', 'api', 'web-api']));
    expect(revealed(steps, 99).size).toBe(7);
  });

  it('keeps a meaningful order after a duplicate: the copies come last, their link after both', () => {
    const d = sample();
    const r = duplicateElements(
      d,
      d.nodes.filter((n) => n.id === 'web' || n.id === 'api'),
      d.links.filter((l) => l.id === 'web-api'),
      { x: 40, y: 40 },
    );
    const steps = presentationSteps(r.design);
    const added = steps.slice(7).map((s) => s.kind);
    expect(added).toEqual(['node', 'node', 'link']);
  });
});

describe('presentation steps: the presenter’s order', () => {
  it('follows a custom order', () => {
    const d = { ...sample(), presentation: { order: ['db', 'api', 'api-db', 'auth', 'web', 'web-auth', 'web-api'] } };
    expect(ids(d)).toEqual(['db', 'api', 'api-db', 'auth', 'web', 'web-auth', 'web-api']);
  });

  it('holds a link back until both of its ends are shown', () => {
    const d = { ...sample(), presentation: { order: ['web-api', 'web', 'db', 'api'] } };
    expect(ids(d).slice(0, 5)).toEqual(['web', 'db', 'api', 'web-api', 'api-db']);
  });

  it('skips stale and repeated ids and appends what the order misses', () => {
    const d = { ...sample(), presentation: { order: ['gone', 'auth', 'auth', 'web', 'web-auth'] } };
    expect(ids(d)).toEqual(['auth', 'web', 'web-auth', 'api', 'web-api', 'db', 'api-db']);
  });

  it('never shows a deleted node or its links', () => {
    const d = removeElements({ ...sample(), presentation: { order: ['db', 'api', 'api-db', 'web'] } }, ['api']);
    expect(ids(d)).toEqual(['db', 'web', 'auth', 'web-auth']);
  });
});

describe('presentation order edits', () => {
  it('sets, keeps identity when unchanged, and resets', () => {
    const d = sample();
    const custom = withPresentationOrder(d, ['auth']);
    expect(custom.presentation?.order).toEqual(['auth', 'web', 'web-auth', 'api', 'web-api', 'db', 'api-db']);
    expect(withPresentationOrder(custom, custom.presentation!.order)).toBe(custom);
    const reset = withPresentationOrder(custom, null);
    expect(reset).toEqual(d);
    expect('presentation' in reset).toBe(false);
    expect(withPresentationOrder(d, null)).toBe(d);
  });

  it('moves a step up or down, but never a link above its own end', () => {
    const d = sample();
    // web, api, web-api, db, api-db, auth, web-auth
    expect(moveStep(d, 3, -1)).toEqual(['web', 'api', 'db', 'web-api', 'api-db', 'auth', 'web-auth']);
    expect(moveStep(d, 1, -1)).toEqual(['api', 'web', 'web-api', 'db', 'api-db', 'auth', 'web-auth']);
    expect(moveStep(d, 2, -1)).toBeNull(); // web-api above api
    expect(moveStep(d, 1, 1)).toBeNull(); // api below web-api
    expect(moveStep(d, 0, -1)).toBeNull();
    expect(moveStep(d, 6, 1)).toBeNull();
    const steps = presentationSteps(d);
    expect(canSwapWithPrevious(d, steps, 5)).toBe(true);
    expect(canSwapWithPrevious(d, steps, 4)).toBe(false);
  });

  it('every possible move gives an order that needs no repair', () => {
    const d = sample();
    for (let i = 0; i < 7; i++)
      for (const delta of [-1, 1] as const) {
        const order = moveStep(d, i, delta);
        if (order) expect(ids({ ...d, presentation: { order } })).toEqual(order);
      }
  });

  it('drops deleted ids from the order when elements are removed', () => {
    const d = withPresentationOrder(sample(), ['auth', 'web']);
    const after = removeElements(d, ['web-auth', 'db']);
    expect(after.presentation?.order).toEqual(['auth', 'web', 'api', 'web-api']);
    expect(pruneOrder(after)).toBe(after);
    const allGone = removeElements(withPresentationOrder(sample(), ['auth']), ['web', 'api', 'db', 'auth']);
    expect(allGone.presentation).toBeUndefined();
  });
});
