import type { Design, DesignNode } from './types';

/**
 * Whether two designs differ at most in layout: node positions and the viewport. Nothing but the
 * canvas reads those, so the checker and the generators can keep their last answer through a drag
 * or a pan. Every other field counts, including fields added later. Unchanged parts keep their
 * identity (the ops replace only what they edit), so this is a shallow walk, cheap on every frame.
 */
export function sameExceptLayout(a: Design, b: Design): boolean {
  if (a === b) return true;
  if (!sameFields(a, b, 'viewport') || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (x === y) continue;
    if (!x || !y || !sameFields(x, y, 'position')) return false;
  }
  return true;
}

/** Shallow equality of two objects' fields, apart from `skip` (and a design's nodes, walked above). */
function sameFields<T extends Design | DesignNode>(a: T, b: T, skip: keyof T): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof T)[]);
  for (const k of keys) if (k !== skip && k !== 'nodes' && a[k] !== b[k]) return false;
  return true;
}
