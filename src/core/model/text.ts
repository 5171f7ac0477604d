/**
 * Helpers for untrusted text: unpaired surrogates (a string that holds one is not Unicode, so no
 * file can carry it), and short, bounded renderings of values for messages.
 */

/** An unpaired UTF-16 surrogate. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `s` with every unpaired surrogate replaced by U+FFFD, the replacement character. */
export function wellFormed(s: string): string {
  return LONE_SURROGATE.test(s) ? s.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd') : s;
}

/** The first `max` UTF-16 units of `s`, never ending in half of a surrogate pair. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Any value as a short, one-line text for a message: `"text"`, `42`, `null`, `a list`, `an object`. */
export function show(v: unknown, max = 40): string {
  if (typeof v === 'string') {
    const s = JSON.stringify(cut(wellFormed(v), max));
    return v.length > max ? `${s.slice(0, -1)}…"` : s;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** "a", "a and b", "a, b and c", or the first `shown` then "and N more". */
export function someOf(items: readonly string[], shown = 3): string {
  if (items.length > shown + 1) return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "a, b, c", at most `shown` of them, then " and N more": a list that stays short. */
export function firstOf(items: readonly string[], shown = 10): string {
  const head = items.slice(0, shown).join(', ');
  return items.length > shown ? `${head} and ${items.length - shown} more` : head;
}

/**
 * The longest texts a design keeps: what restore() cuts (with a warning) on load, and what the
 * inspector refuses to apply, so that an edit never comes back cut.
 */
export const TEXT_LIMITS = {
  description: 2000,
  envValue: 4000,
  topic: 200,
  path: 300,
  /** Names of RPCs and fields. */
  name: 100,
} as const;
