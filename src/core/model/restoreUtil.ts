/** Small readers of untrusted JSON shared by the parts of restore(). */

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const str = (v: unknown, max = 1000): string | undefined =>
  typeof v === 'string' ? v.slice(0, max) : undefined;

export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Limits that keep a hostile file from freezing the tab. */
export const LIMITS = {
  nodes: 5000,
  links: 20000,
  fieldsPerList: 200,
  envPerNode: 200,
  types: 20000,
  fieldsPerMessage: 2000,
  valuesPerEnum: 2000,
  methodsPerNode: 2000,
  warnings: 200,
} as const;

/** Up to `max` items of an array, each read by `f`; what `f` refuses is left out. */
export function list<T>(v: unknown, f: (x: unknown, i: number) => T | null, max: number = LIMITS.fieldsPerList): T[] {
  if (!Array.isArray(v)) return [];
  const out: T[] = [];
  for (const [i, x] of v.slice(0, max).entries()) {
    const r = f(x, i);
    if (r) out.push(r);
  }
  // A copy holds exactly its items: a list grown by push keeps room for 16 more (a design's
  // thousands of one-item lists of endpoints, parameters and fields would each hold it).
  return out.slice();
}

/** A name or value in a warning: a number as it is, anything else quoted, on one line, at most 60 characters. */
export function q(name: unknown): string {
  if (typeof name === 'number') return String(name);
  const s = String(name).replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);
}

/**
 * Keeps the list of warnings readable however bad the input: each at most 400 characters, and
 * past `LIMITS.warnings` one line that counts the rest.
 */
export function boundWarnings(warnings: string[]): string[] {
  const clipped = warnings.map((w) => (w.length > 400 ? `${w.slice(0, 397)}…` : w));
  if (clipped.length <= LIMITS.warnings) return clipped;
  const more = clipped.length - (LIMITS.warnings - 1);
  return [...clipped.slice(0, LIMITS.warnings - 1), `…and ${more} more repairs.`];
}
