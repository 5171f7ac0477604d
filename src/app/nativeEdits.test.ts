import { describe, expect, it } from 'vitest';
import { addNode, emptyDesign } from '../core';
import { createDesignStore } from './store';
import { decodeShareFragment, encodeShareFragment } from './share/shareLink';

function store() {
  const r = addNode(emptyDesign('x'), { kind: 'python-fastapi', name: 'search', position: { x: 0, y: 0 }, id: 'n1' });
  if (!r.ok) throw new Error(r.reason);
  return createDesignStore({ design: r.design });
}

describe('an in-process module through the store', () => {
  it('is one undo step, and redo brings it back', () => {
    const s = store();
    expect(s.getState().updateNode('n1', { native: { kind: 'pyo3' } })).toEqual({ ok: true });
    expect(s.getState().design.nodes[0]?.native).toEqual({ kind: 'pyo3' });
    expect(s.getState().undo()).toBe(true);
    expect(s.getState().design.nodes[0]).not.toHaveProperty('native');
    expect(s.getState().redo()).toBe(true);
    expect(s.getState().design.nodes[0]?.native).toEqual({ kind: 'pyo3' });
  });

  it('a runtime that cannot host it drops it with a notice naming it; undo restores both', () => {
    const s = store();
    s.getState().updateNode('n1', { native: { kind: 'ctypes' } });
    expect(s.getState().setNodeKind('n1', 'go-nethttp')).toEqual({ ok: true });
    expect(s.getState().design.nodes[0]).not.toHaveProperty('native');
    expect(s.getState().notices.at(-1)).toMatchObject({
      tone: 'info',
      text: expect.stringMatching(/Go · net\/http cannot host the C library through ctypes of search/),
    });
    s.getState().undo();
    expect(s.getState().design.nodes[0]).toMatchObject({ kind: 'python-fastapi', native: { kind: 'ctypes' } });
  });

  it('refuses a kind the runtime cannot host and changes nothing', () => {
    const s = store();
    const before = s.getState().design;
    const r = s.getState().updateNode('n1', { native: { kind: 'jython' } });
    expect(r.ok).toBe(false);
    expect(s.getState().design).toBe(before);
  });

  it('travels in a share link', async () => {
    const s = store();
    s.getState().updateNode('n1', { native: { kind: 'cffi' } });
    const fragment = await encodeShareFragment(s.getState().design);
    const back = await decodeShareFragment(fragment);
    if (!back?.ok) throw new Error('share link did not decode');
    expect(back.design.nodes[0]?.native).toEqual({ kind: 'cffi' });
    expect(back.warnings).toEqual([]);
  });
});
