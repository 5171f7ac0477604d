import type { Design } from '../model/types';

/** The result of a pure edit: the new design and what it made, or why it was refused. */
export type OpResult<T = object> = ({ ok: true; design: Design } & T) | { ok: false; reason: string };

let counter = 0;
let counted: { n: number } | null = null;

/**
 * Runs `make` with ids counted from 1 (`t_1`, `rpc_2`, …) instead of random ones, so that a design
 * a script writes to a file (a fixture) comes out the same every time.
 */
export function withCountedIds<T>(make: () => T): T {
  const saved = counted;
  counted = { n: 0 };
  try {
    return make();
  } finally {
    counted = saved;
  }
}

/** A fresh id: random when crypto is there, counted otherwise. Ids never reach generated output. */
export function newId(prefix: string): string {
  if (counted) return `${prefix}_${++counted.n}`;
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  const rnd = c?.randomUUID ? c.randomUUID().slice(0, 8) : (++counter).toString(36);
  return `${prefix}_${rnd}${(++counter).toString(36)}`;
}
