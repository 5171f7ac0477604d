import type { Design } from '../model/types';

export type Severity = 'error' | 'warning' | 'info';

/** One finding of the design checker, pointing at the nodes and links it is about. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  nodeIds: string[];
  linkIds: string[];
}

/** A checker rule: an id, a severity, one sentence on why it matters, and the check itself. */
export interface Rule {
  id: string;
  severity: Severity;
  title: string;
  /** Why it matters, in one sentence a student understands. */
  why: string;
  check(design: Design): Omit<Finding, 'rule' | 'severity'>[];
}
