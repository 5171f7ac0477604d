import { describe, expect, it } from 'vitest';
import { addNode } from '../../core/ops/ops';
import { emptyDesign, type Design, type NodeKind } from '../../core';
import { findNodes } from './findModel';

function design(nodes: [string, NodeKind][]): Design {
  let d = emptyDesign('find');
  nodes.forEach(([name, kind], i) => {
    const added = addNode(d, { kind, name, position: { x: i * 300, y: 0 } });
    if (!added.ok) throw new Error(added.reason);
    d = added.design;
  });
  return d;
}

const d = design([
  ['orders', 'go-nethttp'],
  ['order-history', 'python-fastapi'],
  ['back-orders', 'java-spring'],
  ['events', 'kafka'],
  ['store', 'postgres'],
  ['payments', 'rust-axum'],
]);
const names = (query: string, limit?: number) => findNodes(d.nodes, query, limit).hits.map((h) => h.name);

describe('findNodes', () => {
  it('puts the exact name first, then names that start with the query, then names containing it', () => {
    expect(names('orders')).toEqual(['orders', 'back-orders']);
    expect(names('order')).toEqual(['order-history', 'orders', 'back-orders']);
    expect(names('ORD')).toEqual(['order-history', 'orders', 'back-orders']);
  });

  it('finds nodes by their kind, language or product when the name does not match', () => {
    expect(names('kafka')).toEqual(['events']);
    expect(names('python')).toEqual(['order-history']);
    expect(names('postgresql')).toEqual(['store']);
    // every word must match somewhere
    expect(names('order java')).toEqual(['back-orders']);
    expect(names('order rust')).toEqual([]);
  });

  it('ranks whole words of the kind before parts of words: "java" finds Java before JavaScript', () => {
    const mixed = design([
      ['api', 'node-express'],
      ['billing', 'java-spring'],
      ['catalog', 'node-express'],
      ['ledger', 'java-spring'],
    ]);
    const found = (q: string) => findNodes(mixed.nodes, q).hits.map((h) => h.name);
    expect(found('java')).toEqual(['billing', 'ledger', 'api', 'catalog']);
    expect(found('javascript')).toEqual(['api', 'catalog']);
  });

  it('lists every node by name for an empty query, and counts what the limit leaves out', () => {
    expect(names('  ')).toEqual(['back-orders', 'events', 'order-history', 'orders', 'payments', 'store']);
    expect(findNodes(d.nodes, '', 2)).toMatchObject({ total: 6, hits: [{ name: 'back-orders' }, { name: 'events' }] });
  });

  it('says what each hit is', () => {
    expect(findNodes(d.nodes, 'payments').hits).toEqual([
      expect.objectContaining({ name: 'payments', kind: 'Rust · axum', id: d.nodes[5]?.id }),
    ]);
  });
});
