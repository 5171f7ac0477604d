import type { Design } from '../model/types';

/** One file of an exported project: a relative POSIX path and its text. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** A generator: a pure, deterministic function from the design to files. */
export type Generator = (design: Design) => GeneratedFile[];

/**
 * Texts made before, each under a key of everything its making reads, written out in full (see
 * the export worker's `ExportCache`): `text(key, make)` gives the text last made under that key,
 * or makes it. Generators that take one give the same files with or without it.
 */
export interface TextMemo {
  text(key: string, make: () => string): string;
}

/** Marks a string of the data's own so that it cannot pass for one of `exactJson`'s spellings. */
const MARK = '\u0000';

/**
 * JSON of plain data (objects, arrays, strings, numbers, booleans, null) that also tells apart
 * what `JSON.stringify` writes alike: undefined (left out or null there), -0, NaN and the
 * infinities. Two values with the same text are the same data, so the text is an exact key.
 */
export function exactJson(value: unknown): string {
  return JSON.stringify(value, exactReplacer) ?? `${MARK}undefined`;
}

function exactReplacer(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith(MARK) ? MARK + value : value;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : `${MARK}#${value}`;
  if (value === undefined) {
    // a key whose value is undefined, or an array item: both spelled, not left out or nulled
    return `${MARK}undefined`;
  }
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
    throw new Error(`Not plain data: a ${typeof value} at ${key}`);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new Error(`Not plain data: an object of a class at ${key}`);
  }
  return value;
}
