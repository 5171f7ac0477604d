import { describe, expect, it } from 'vitest';
import type { LinkFlowEdge, ServiceFlowNode } from '../canvas/flowModel';
import { presenterCommand } from './keys';
import { revealEdges, revealNodes } from './reveal';

const key = (k: string, mods: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}) =>
  presenterCommand({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('presenter keys', () => {
  it('maps the keyboard and a clicker to steps', () => {
    expect(['ArrowRight', ' ', 'PageDown'].map((k) => key(k))).toEqual(['next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp', 'Backspace'].map((k) => key(k))).toEqual(['previous', 'previous', 'previous']);
    expect([key('Home'), key('End'), key('Escape')]).toEqual(['first', 'last', 'exit']);
  });

  it('swallows editing keys and leaves the rest alone', () => {
    expect(key('Delete')).toBe('swallow');
    expect(key('z', { ctrlKey: true })).toBe('swallow');
    expect(key('V', { metaKey: true })).toBe('swallow');
    expect(key('l', { ctrlKey: true })).toBeNull();
    expect(key('Tab')).toBeNull();
    expect(key('ArrowRight', { altKey: true })).toBeNull();
  });
});

describe('reveal', () => {
  const nodes = ['a', 'b'].map(
    (id) =>
      ({
        id,
        type: 'service',
        position: { x: 0, y: 0 },
        data: { name: id, kind: 'redis', port: 1 },
      }) as ServiceFlowNode,
  );
  const edges = [
    {
      id: 'ab',
      source: 'a',
      target: 'b',
      type: 'link',
      data: { kind: 'rest', label: 'REST' },
      className: 'pc-edge--rest',
    },
  ] as LinkFlowEdge[];

  it('passes the editor’s objects through untouched when not presenting', () => {
    expect(revealNodes(nodes, null)).toBe(nodes);
    expect(revealEdges(edges, null)).toBe(edges);
  });

  it('hides what is not revealed, marks the latest, and locks editing', () => {
    const view = { visible: new Set(['a', 'b', 'ab']), latest: 'ab' };
    const shown = revealNodes(nodes, { visible: new Set(['a']), latest: 'a' });
    expect(shown.map((n) => [n.id, n.hidden, n.className, n.draggable])).toEqual([
      ['a', false, 'pc-reveal', false],
      ['b', true, undefined, false],
    ]);
    const [edge] = revealEdges(edges, view);
    expect(edge).toMatchObject({ hidden: false, deletable: false, className: 'pc-edge--rest pc-reveal' });
    expect(edge?.data?.label.trim()).toBe('REST');
    expect(revealEdges(edges, { visible: new Set(['a', 'b']), latest: null })[0]?.hidden).toBe(true);
  });
});
