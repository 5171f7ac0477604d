import type { Reserved } from './types';

/** protobuf's field numbers: 1 to 2^29 - 1, without 19,000–19,999 (kept for its own use). */
export const MAX_FIELD_NUMBER = 536_870_911;
export const ENUM_MIN = -2_147_483_648;
export const ENUM_MAX = 2_147_483_647;

/** Whether protobuf accepts a number for a field (reserved ranges aside). */
export function validFieldNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_FIELD_NUMBER && !(n >= 19_000 && n <= 19_999);
}

/** Whether a number falls in one of the reserved ranges. */
export function inReserved(n: number, reserved: Reserved | undefined): boolean {
  return reserved?.ranges.some(([a, b]) => n >= a && n <= b) ?? false;
}

/**
 * The number a new field takes: the one after the highest in use, stepping over protobuf's own
 * range and the reserved ones. Numbers are never reused or renumbered: a gap stays a gap.
 */
export function nextFieldNumber(used: Iterable<number>, reserved?: Reserved): number {
  let n = 1;
  for (const u of used) if (u >= n) n = u + 1;
  for (let guard = 0; guard < 10_000; guard++) {
    if (n >= 19_000 && n <= 19_999) n = 20_000;
    const range = reserved?.ranges.find(([a, b]) => n >= a && n <= b);
    if (!range) break;
    n = range[1] + 1;
  }
  return Math.min(n, MAX_FIELD_NUMBER);
}
