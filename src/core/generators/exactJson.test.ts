import { describe, expect, it } from 'vitest';
import { exactJson } from './types';

describe('exactJson', () => {
  it('tells apart the data JSON.stringify writes alike', () => {
    const same: [unknown, unknown][] = [
      [{ a: undefined }, {}],
      [[undefined], [null]],
      [0, -0],
      [NaN, null],
      [Infinity, null],
      ['\u0000undefined', undefined],
      ['\u0000#NaN', NaN],
    ];
    for (const [a, b] of same) {
      expect(JSON.stringify(a) === JSON.stringify(b) || typeof a === 'string').toBe(true);
      expect(exactJson(a), String(a)).not.toBe(exactJson(b));
    }
  });

  it('gives equal texts for equal plain data, in key order', () => {
    expect(exactJson({ a: [1, 'x', null, true], b: { c: 'é' } })).toBe(
      exactJson({ a: [1, 'x', null, true], b: { c: 'é' } }),
    );
    expect(exactJson({ a: 1, b: 2 })).not.toBe(exactJson({ b: 2, a: 1 }));
  });

  it('refuses what is not plain data', () => {
    expect(() => exactJson({ f: () => 1 })).toThrow(/function/);
    expect(() => exactJson({ m: new Map() })).toThrow(/class/);
  });
});
