import { isScalar } from '../../model/typeRefs';

/** A short, stable hash (FNV-1a, 32 bits) in base 36: ids stay deterministic. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * An id made from a name: letters, digits, `_` and `-` only, at most `max` characters (a long
 * name keeps its end and gains a hash of the whole), never a scalar's name.
 */
export function idFrom(name: string, fallback = 'id', max = 64): string {
  let id = name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || fallback;
  if (id.length > max) {
    const hash = shortHash(name);
    id = `${id.slice(id.length - (max - hash.length - 1))}_${hash}`.replace(/^[_-]+/, '');
  }
  return isScalar(id) ? `${id}_` : id;
}

/** Hands out ids that no one took yet: the wanted one, else the wanted one with `_2`, `_3`, … */
export class IdPool {
  private readonly taken: Set<string>;
  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken);
  }
  /** Marks an id as taken. */
  add(id: string): void {
    this.taken.add(id);
  }
  has(id: string): boolean {
    return this.taken.has(id);
  }
  /** A free id like `wanted` (already a valid id; suffixes keep it within 64 characters). */
  take(wanted: string): string {
    let id = wanted;
    for (let i = 2; this.taken.has(id); i++) id = `${wanted.slice(0, 60 - String(i).length)}_${i}`;
    this.taken.add(id);
    return id;
  }
}
