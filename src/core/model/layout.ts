import type { Design } from './types';

/**
 * Whether two designs differ at most in layout: node positions and the viewport. Nothing but the
 * canvas reads those, so the checker and the generators can keep their last answer through a drag
 * or a pan. Unchanged parts keep their identity (the ops replace only what they edit), so this is
 * a shallow walk, cheap on every frame.
 */
export function sameExceptLayout(a: Design, b: Design): boolean {
  if (a === b) return true;
  if (a.name !== b.name || a.links !== b.links || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (x === y) continue;
    if (!x || !y) return false;
    if (x.id !== y.id || x.kind !== y.kind || x.name !== y.name || x.port !== y.port) return false;
    if (x.grpcPort !== y.grpcPort || x.replicas !== y.replicas) return false;
    if (x.env !== y.env || x.description !== y.description) return false;
  }
  return true;
}
