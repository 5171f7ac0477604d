import { describe, expect, it } from 'vitest';
import { restore } from './restore';
import { DESIGN_FORMAT, DESIGN_VERSION, type Design } from './types';

const head = { format: DESIGN_FORMAT, version: DESIGN_VERSION };
const withEnv = (env: unknown[]) =>
  restore({ ...head, name: 'x', nodes: [{ id: 'n1', kind: 'python-fastapi', name: 'orders', env }] });

describe('restore: secret environment values', () => {
  it('keeps the mark of a secret value', () => {
    const r = withEnv([
      { key: 'API_KEY', value: 'k', secret: true },
      { key: 'LOG_LEVEL', value: 'debug' },
    ]);
    expect(r.ok).toBe(true);
    expect(r.ok && r.design.nodes[0]?.env).toEqual([
      { key: 'API_KEY', value: 'k', secret: true },
      { key: 'LOG_LEVEL', value: 'debug' },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('reads secret: false as an ordinary value, without a word', () => {
    const r = withEnv([{ key: 'LOG_LEVEL', value: 'debug', secret: false }]);
    expect(r.ok && r.design.nodes[0]?.env).toEqual([{ key: 'LOG_LEVEL', value: 'debug' }]);
    expect(r.warnings).toEqual([]);
  });

  it('says so when the mark is not true or false, and keeps the value', () => {
    const r = withEnv([{ key: 'API_KEY', value: 'k', secret: 'yes' }]);
    const design = (r.ok ? r.design : null) as Design | null;
    expect(design?.nodes[0]?.env).toEqual([{ key: 'API_KEY', value: 'k' }]);
    expect(r.warnings).toContain(
      'orders: API_KEY was marked secret with "yes", not true or false; it is an ordinary value now.',
    );
  });
});
