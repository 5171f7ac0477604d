import type { Design } from '../model/types';

/** One file of an exported project: a relative POSIX path and its text. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** A generator: a pure, deterministic function from the design to files. */
export type Generator = (design: Design) => GeneratedFile[];

/**
 * Texts made before, each in a slot with the data it was made from (see the export worker's
 * `ExportCache`): `text(slot, data, make)` gives the text last made in that slot when `data` is
 * the same as then (`sameData`), or makes it. `data` must be everything `make` reads, and is not
 * changed afterwards. Generators that take one give the same files with or without it.
 */
export interface TextMemo {
  text(slot: string, data: unknown, make: () => string): string;
  /**
   * The data kept in `slot` last time when it is the same as `data` (`sameData`), else `data`,
   * kept for next time: data made again on every export becomes the same objects as last time,
   * so that comparing what is made from it finds them equal at once.
   */
  data<T>(slot: string, data: T): T;
}

/**
 * Whether two values are the same plain data (objects, arrays, strings, numbers, booleans, null,
 * undefined): the same keys in the same order, with the same values, telling apart what
 * `JSON.stringify` writes alike (a key whose value is undefined and no key, -0 and 0, NaN and
 * null). The same object is the same data (data is never changed in place); anything else that is
 * not plain data (a function, a Map, an object of a class) is never the same as another value.
 * So a text written from plain data, reading nothing else, is the same for the same data.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || !Object.is(a, -0) === !Object.is(b, -0);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // NaN is NaN's twin; anything else unequal by `===` differs
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlainObject(a) || !isPlainObject(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i] || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
