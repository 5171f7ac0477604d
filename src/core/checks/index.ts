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
