import { describe, expect, it } from 'vitest';
import { planLayers, type MinimapNode } from './minimapPainter';

const node = (id: string, x = 0): MinimapNode => ({ id, position: { x, y: 0 }, data: { kind: 'postgres' } });
const byId = (nodes: MinimapNode[]) => new Map(nodes.map((n) => [n.id, n]));
const none = new Set<string>();

describe('planLayers', () => {
  const a = node('a');
  const b = node('b', 300);
  const c = node('c', 600);

  it('paints everything still the first time', () => {
    expect(planLayers(null, none, [a, b, c])).toEqual({ moving: none, changed: [], repaintStill: true });
  });

  it('leaves both layers alone when no node object changed', () => {
    const plan = planLayers(byId([a, b, c]), none, [a, b, c]);
    expect(plan.repaintStill).toBe(false);
    expect(plan.changed).toEqual([]);
  });

  it('moves a dragged node to the moving layer once, then repaints only that layer', () => {
    const b1 = node('b', 310);
    const first = planLayers(byId([a, b, c]), none, [a, b1, c]);
    expect([...first.moving]).toEqual(['b']);
    expect(first.changed).toEqual([b1]);
    expect(first.repaintStill).toBe(true);

    const b2 = node('b', 320);
    const second = planLayers(byId([a, b1, c]), first.moving, [a, b2, c]);
    expect(second.moving).toBe(first.moving);
    expect(second.changed).toEqual([b2]);
    expect(second.repaintStill).toBe(false);
  });

  it('repaints the still layer when another node starts to move', () => {
    const c1 = node('c', 610);
    const plan = planLayers(byId([a, b, c]), new Set(['b']), [a, b, c1]);
    expect([...plan.moving]).toEqual(['c']);
    expect(plan.repaintStill).toBe(true);
  });

  it('repaints everything still when nodes are added, removed or replaced', () => {
    const d = node('d');
    expect(planLayers(byId([a, b]), none, [a, b, d]).repaintStill).toBe(true);
    expect(planLayers(byId([a, b, c]), none, [a, b]).repaintStill).toBe(true);
    const swapped = planLayers(byId([a, b, c]), new Set(['c']), [a, b, d]);
    expect(swapped).toEqual({ moving: none, changed: [], repaintStill: true });
  });

  it('repaints everything still when many nodes change at once (a layout)', () => {
    const before = Array.from({ length: 10 }, (_, i) => node(`n${i}`, i));
    const after = before.map((n) => node(n.id, n.position.x + 1));
    const plan = planLayers(byId(before), none, after, 4);
    expect(plan).toEqual({ moving: none, changed: [], repaintStill: true });
    expect(planLayers(byId(before), none, after, 10).moving.size).toBe(10);
  });
});
