import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../core/checks';
import { findingsLabel, severityByNode } from './summary';

const f = (severity: Severity, nodeIds: string[] = []): Finding => ({
  rule: 'r',
  severity,
  message: 'm',
  nodeIds,
  linkIds: [],
});

describe('severityByNode', () => {
  it('keeps the worst severity of each node', () => {
    const m = severityByNode([f('info', ['a', 'b']), f('error', ['b']), f('warning', ['a', 'c']), f('info', ['c'])]);
    expect([...m.entries()].sort()).toEqual([
      ['a', 'warning'],
      ['b', 'error'],
      ['c', 'warning'],
    ]);
  });
});

describe('findingsLabel', () => {
  it('counts errors and warnings, notes only alone', () => {
    expect(findingsLabel([])).toBe('No issues');
    expect(findingsLabel([f('info'), f('info')])).toBe('2 notes');
    expect(findingsLabel([f('warning'), f('info')])).toBe('1 warning');
    expect(findingsLabel([f('warning'), f('warning'), f('error')])).toBe('1 error, 2 warnings');
  });
});
