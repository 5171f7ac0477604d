import { describe, expect, it } from 'vitest';
import { addNode, duplicateElements, updateNode } from '../ops/ops';
import { restore, type RestoreResult } from './restore';
import { NATIVE_INFO, NATIVE_KINDS, nativeFits, nativeKindsFor } from './native';
import { emptyDesign, type Design } from './types';
import type { NodeKind } from '../catalog/catalog';
import { checkDesign } from '../checks';

function one(kind: NodeKind, native?: unknown): Design {
  const r = addNode(emptyDesign('x'), { kind, name: 'orders', position: { x: 0, y: 0 }, id: 'n1' });
  if (!r.ok) throw new Error(r.reason);
  const d = JSON.parse(JSON.stringify(r.design)) as Design & { nodes: Record<string, unknown>[] };
  if (native !== undefined) (d.nodes[0] as Record<string, unknown>).native = native;
  return d;
}

function loaded(r: RestoreResult) {
  if (!r.ok) throw new Error(r.error);
  return { node: r.design.nodes[0], warnings: r.warnings, design: r.design };
}

describe('in-process modules in the design', () => {
  it('offers the Python kinds on Python services, GraalPy and Jython on Spring, nothing elsewhere', () => {
    for (const k of ['python-fastapi', 'python-flask', 'python-django'] as const)
      expect(nativeKindsFor(k)).toEqual(['ctypes', 'cffi', 'cython', 'pyo3']);
    expect(nativeKindsFor('java-spring')).toEqual(['graalpy', 'jython']);
    for (const k of ['go-nethttp', 'python-celery', 'rust-axum', 'kafka'] as const)
      expect(nativeKindsFor(k)).toEqual([]);
    expect(nativeFits('pyo3', 'java-spring')).toBe(false);
  });

  it('says each trade-off in two sentences', () => {
    for (const k of NATIVE_KINDS) expect(NATIVE_INFO[k].tradeoff.match(/[.!?](\s|$)/g)?.length, k).toBe(2);
  });

  it('restore keeps a module that fits, without a warning', () => {
    for (const [rt, kind] of [
      ['python-fastapi', 'pyo3'],
      ['python-flask', 'ctypes'],
      ['python-django', 'cython'],
      ['python-fastapi', 'cffi'],
      ['java-spring', 'graalpy'],
      ['java-spring', 'jython'],
    ] as const) {
      const { node, warnings } = loaded(restore(one(rt, { kind })));
      expect(node?.native, `${rt} ${kind}`).toEqual({ kind });
      expect(warnings).toEqual([]);
    }
  });

  it('restore removes an unknown kind, naming it, and keeps the rest of the node', () => {
    const d = one('python-fastapi', { kind: 'fortran' });
    (d.nodes[0] as { description: string }).description = 'keeps this';
    const { node, warnings } = loaded(restore(d));
    expect(node).not.toHaveProperty('native');
    expect(node?.description).toBe('keeps this');
    expect(node?.name).toBe('orders');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/in-process module of orders \("fortran"\) was removed/);
  });

  it('restore removes a kind that does not fit the runtime, naming both', () => {
    const { node, warnings } = loaded(restore(one('go-nethttp', { kind: 'pyo3' })));
    expect(node).not.toHaveProperty('native');
    expect(warnings).toEqual([
      expect.stringMatching(/orders \(Rust through PyO3 \(maturin\)\) was removed: Go · net\/http cannot host it/),
    ]);
    const spring = loaded(restore(one('java-spring', { kind: 'cython' })));
    expect(spring.warnings[0]).toMatch(/Cython.*was removed: Java · Spring Boot cannot host it/);
    expect(loaded(restore(one('python-flask', 'pyo3'))).warnings[0]).toMatch(/"pyo3"\) was removed/);
    expect(loaded(restore(one('python-flask', null))).warnings[0]).toMatch(/null\) was removed/);
  });

  it('round-trips through a design file', () => {
    const first = loaded(restore(one('python-fastapi', { kind: 'pyo3' }))).design;
    const again = loaded(restore(JSON.parse(JSON.stringify(first))));
    expect(again.node?.native).toEqual({ kind: 'pyo3' });
    expect(again.warnings).toEqual([]);
  });

  it('an edit refuses a kind that does not fit, and a runtime switch drops what the new runtime cannot host', () => {
    const d = loaded(restore(one('python-fastapi'))).design;
    const bad = updateNode(d, 'n1', { native: { kind: 'graalpy' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/cannot host Python embedded with GraalPy/);
    const good = updateNode(d, 'n1', { native: { kind: 'pyo3' } });
    if (!good.ok) throw new Error(good.reason);
    expect(good.design.nodes[0]?.native).toEqual({ kind: 'pyo3' });
    const flask = updateNode(good.design, 'n1', { kind: 'python-flask' });
    if (!flask.ok) throw new Error(flask.reason);
    expect(flask.design.nodes[0]?.native).toEqual({ kind: 'pyo3' });
    const go = updateNode(good.design, 'n1', { kind: 'go-nethttp' });
    if (!go.ok) throw new Error(go.reason);
    expect(go.design.nodes[0]).not.toHaveProperty('native');
    const none = updateNode(good.design, 'n1', { native: undefined });
    if (!none.ok) throw new Error(none.reason);
    expect(none.design.nodes[0]).not.toHaveProperty('native');
  });

  it('a copy of the node keeps its module', () => {
    const r = updateNode(loaded(restore(one('python-fastapi'))).design, 'n1', { native: { kind: 'cython' } });
    if (!r.ok) throw new Error(r.reason);
    const copy = duplicateElements(r.design, r.design.nodes, []);
    expect(copy.design.nodes[1]?.native).toEqual({ kind: 'cython' });
  });

  it('the checker says what a module costs, on the node that has one', () => {
    const plain = loaded(restore(one('python-fastapi'))).design;
    expect(checkDesign(plain).filter((f) => f.rule === 'native-module-cost')).toEqual([]);
    const rust = loaded(restore(one('python-fastapi', { kind: 'pyo3' }))).design;
    const [finding, ...more] = checkDesign(rust).filter((f) => f.rule === 'native-module-cost');
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ severity: 'info', nodeIds: ['n1'] });
    expect(finding?.message).toMatch(/^orders: the Rust toolchain joins the build stage.*first build compiles PyO3/);
    const graal = loaded(restore(one('java-spring', { kind: 'graalpy' }))).design;
    expect(checkDesign(graal).find((f) => f.rule === 'native-module-cost')?.message).toMatch(/JDK 21 or newer/);
  });
});
