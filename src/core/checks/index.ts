import type { Design } from '../model/types';
import { RULES } from './rules';
import type { Finding } from './types';

export { RULES, MAX_SYNC_DEPTH } from './rules';
export type { Finding, Rule, Severity } from './types';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Runs every rule on a design: findings sorted by severity, then in rule order. */
export function checkDesign(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const rule of RULES) {
    for (const f of rule.check(design)) out.push({ rule: rule.id, severity: rule.severity, ...f });
  }
  return out.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/**
 * Whether two designs give the same findings. The checker reads no positions, viewport, env or
 * descriptions, so a drag (which replaces only moved node objects) never needs a new check.
 */
export function sameChecksInput(a: Design, b: Design): boolean {
  if (a === b) return true;
  if (a.links !== b.links || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (x === y) continue;
    if (!x || !y) return false;
    if (x.id !== y.id || x.kind !== y.kind || x.name !== y.name || x.port !== y.port) return false;
    if (x.grpcPort !== y.grpcPort || x.replicas !== y.replicas) return false;
  }
  return true;
}
