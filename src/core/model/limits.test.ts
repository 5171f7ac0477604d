import { describe, expect, it } from 'vitest';
import { addNode } from '../ops/ops';
import { restore, type RestoreResult } from './restore';
import { emptyDesign } from './types';

function withLimits(limits: unknown): unknown {
  const r = addNode(emptyDesign('x'), { kind: 'python-fastapi', name: 'orders', position: { x: 0, y: 0 }, id: 'n1' });
  if (!r.ok) throw new Error(r.reason);
  const design = JSON.parse(JSON.stringify(r.design)) as { nodes: Record<string, unknown>[] };
  design.nodes[0]!.limits = limits;
  return design;
}

function loaded(r: RestoreResult) {
  if (!r.ok) throw new Error(r.error);
  return { node: r.design.nodes[0], warnings: r.warnings };
}

describe('resource limits of a node', () => {
  it('keeps valid limits as they are, without a warning', () => {
    const { node, warnings } = loaded(restore(withLimits({ cpu: 0.25, memoryMiB: 512 })));
    expect(node?.limits).toEqual({ cpu: 0.25, memoryMiB: 512 });
    expect(warnings).toEqual([]);
  });

  it('a node without limits has none', () => {
    const { node, warnings } = loaded(restore(withLimits(undefined)));
    expect(node).not.toHaveProperty('limits');
    expect(warnings).toEqual([]);
  });

  it('drops each unusable value with a warning naming the node and the reason', () => {
    const { node, warnings } = loaded(restore(withLimits({ cpu: 0.0001, memoryMiB: 512, gpu: 1 })));
    expect(node?.limits).toEqual({ memoryMiB: 512 });
    expect(warnings).toEqual([
      'The CPU limit of orders was removed: a CPU limit has at most three decimals (millicores).',
      'The resource limits of orders had unknown keys, dropped: gpu.',
    ]);
    for (const [limits, word] of [
      [{ cpu: -1 }, 'CPU'],
      [{ cpu: '2' }, 'CPU'],
      [{ memoryMiB: 1.5 }, 'memory'],
      [{ memoryMiB: 2 }, 'memory'],
    ] as const) {
      const r = loaded(restore(withLimits(limits)));
      expect(r.node).not.toHaveProperty('limits');
      expect(r.warnings.join(' ')).toContain(`The ${word} limit of orders was removed`);
    }
    const bad = loaded(restore(withLimits('lots')));
    expect(bad.node).not.toHaveProperty('limits');
    expect(bad.warnings).toEqual([
      'The resource limits of orders were removed: they are an object with "cpu" and "memoryMiB".',
    ]);
  });
});
