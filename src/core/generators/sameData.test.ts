import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameData } from './types';

describe('sameData', () => {
  it('tells apart the data JSON.stringify writes alike, key order and shapes', () => {
    const apart: [unknown, unknown][] = [
      [{ a: undefined }, {}],
      [{}, { a: undefined }],
      [[undefined], [null]],
      [0, -0],
      [-0, 0],
      [{ n: 0 }, { n: -0 }],
      [NaN, null],
      [Infinity, null],
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ],
      [[1, 2], { 0: 1, 1: 2 }],
      [{ 0: 1, 1: 2 }, [1, 2]],
      [
        [1, 2],
        [1, 2, 3],
      ],
      ['1', 1],
      [null, {}],
      [{}, null],
      [undefined, null],
      // a difference after nested objects, and keys that differ only after them
      [
        { a: { x: 1, y: { z: 2 } }, b: 3 },
        { a: { x: 1, y: { z: 2 } }, b: 4 },
      ],
      [
        { a: { x: 1 }, b: 3 },
        { a: { x: 1 }, c: 3 },
      ],
    ];
    for (const [a, b] of apart) {
      expect(sameData(a, b), `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(false);
    }
  });

  it('is true for equal plain data, built apart, and for NaN and -0 against their twins', () => {
    const make = () => ({ a: [1, 'x', null, true, { b: -0, c: NaN, d: undefined }], e: { f: 'é' } });
    expect(sameData(make(), make())).toBe(true);
    const nested = () => ({ a: { x: 1, y: { z: [{ k: 2, l: { m: 3 } }] } }, b: { c: 4 }, d: 5 });
    expect(sameData(nested(), nested())).toBe(true);
    expect(sameData(NaN, NaN)).toBe(true);
    expect(sameData(-0, -0)).toBe(true);
    expect(sameData(Object.create(null), {})).toBe(true);
  });

  it('agrees with JSON (-0 spelled apart) for JSON data', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(sameData(a, structuredClone(a))).toBe(true);
        expect(sameData(a, b)).toBe(spelled(a) === spelled(b));
        expect(sameData(b, a)).toBe(spelled(a) === spelled(b));
      }),
      { numRuns: 300 },
    );
  });

  it('never takes what is not plain data for the same as another value', () => {
    expect(sameData(new Map([[1, 2]]), new Map([[1, 2]]))).toBe(false);
    expect(sameData({ d: new Date(0) }, { d: new Date(0) })).toBe(false);
    const f = () => 1;
    expect(sameData(f, () => 1)).toBe(false);
    // the same object is the same data
    expect(sameData(f, f)).toBe(true);
  });
});

/** JSON with -0 written apart from 0. */
function spelled(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (Object.is(x, -0) ? '\u0000-0' : x));
}
