import { roleOf } from '../../catalog/catalog';
import type { DesignNode, XY } from '../../model/types';

/** A node card is 224 × 58 on the canvas; the grid leaves room around each. */
const COLUMN = 260;
const ROW = 130;
const PER_ROW = 6;

/**
 * Positions for new nodes, below every existing card so none overlaps: services in rows of six,
 * brokers in the rows under them, in the order given.
 */
export function placeBelow(existing: readonly DesignNode[], added: readonly DesignNode[]): Map<string, XY> {
  const out = new Map<string, XY>();
  const left = existing.length > 0 ? Math.min(...existing.map((n) => n.position.x)) : 80;
  let y = existing.length > 0 ? Math.max(...existing.map((n) => n.position.y)) + ROW + 40 : 80;
  const groups = [
    added.filter((n) => roleOf(n.kind) !== 'broker'),
    added.filter((n) => roleOf(n.kind) === 'broker'),
  ].filter((g) => g.length > 0);
  for (const group of groups) {
    group.forEach((n, i) => {
      out.set(n.id, { x: Math.round(left + (i % PER_ROW) * COLUMN), y: Math.round(y + Math.floor(i / PER_ROW) * ROW) });
    });
    y += Math.ceil(group.length / PER_ROW) * ROW;
  }
  return out;
}
