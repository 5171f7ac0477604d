import type { Finding, Severity } from '../../core/checks';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The worst severity per node, so each node's badge reads one value. */
export function severityByNode(findings: readonly Finding[]): Map<string, Severity> {
  const out = new Map<string, Severity>();
  for (const f of findings) {
    for (const id of f.nodeIds) {
      const had = out.get(id);
      if (had === undefined || RANK[f.severity] < RANK[had]) out.set(id, f.severity);
    }
  }
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The top bar's count: errors and warnings; notes only when there is nothing worse. */
export function findingsLabel(findings: readonly Finding[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const parts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean);
  if (parts.length > 0) return parts.join(', ');
  const infos = count('info');
  return infos ? plural(infos, 'note') : 'No issues';
}
