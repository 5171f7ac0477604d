import { RAW_UNSAFE, plainSafe } from './rule';

/**
 * How one string is written: plain when every reader reads it back as itself, else quoted (single
 * quotes when that needs no escape and avoids escaping a `"`, else double quotes with every
 * character outside the safe printable set escaped), or, for a multi-line value, a literal block
 * when its lines need nothing special.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\x0b': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
};

// What a double-quoted scalar escapes; an unpaired surrogate (matched alone under the `u` flag)
// becomes U+FFFD, since no escape can carry it to a reader that decodes UTF-8.
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/gu;

function escape(c: string): string {
  const known = ESCAPES[c];
  if (known) return known;
  const code = c.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase()}`;
}

/** A double-quoted scalar that every reader reads back as `s`, on one line. */
export function doubleQuoted(s: string): string {
  return `"${s.replace(NEEDS_ESCAPE, escape)}"`;
}

const SINGLE_OK = /^[^\t\n\r']*$/;

/** `s` on one line: plain, single- or double-quoted. */
export function inlineScalar(s: string): string {
  if (plainSafe(s)) return s;
  // the `yaml` package's choice, kept so that familiar output stays as it was: single quotes
  // around a string with a double quote and no single quote
  if (s.includes('"') && SINGLE_OK.test(s) && !RAW_UNSAFE.test(s)) return `'${s}'`;
  return doubleQuoted(s);
}

const TRAILING_SPACE = / \n| $/;
const BLANK_LINE = /(?:^|\n) +(?:\n|$)/;

/**
 * A multi-line value as a literal block (`|` or `|-`) indented by `indent`, or null when one of
 * its lines would not read back exactly: an escape needed, a tab or carriage return, a leading
 * space on the first line (which would need an indentation indicator), a line of spaces only or
 * with trailing spaces, or more than one final line break.
 */
export function literalBlock(s: string, indent: string): string | null {
  if (indent === '' || RAW_UNSAFE.test(s) || /[\t\r]/.test(s)) return null;
  const keep = s.endsWith('\n');
  const body = keep ? s.slice(0, -1) : s;
  if (body === '' || body.startsWith(' ') || body.startsWith('\n') || body.endsWith('\n')) return null;
  if (TRAILING_SPACE.test(body) || BLANK_LINE.test(body)) return null;
  let out = keep ? '|' : '|-';
  for (const line of body.split('\n')) out += line === '' ? '\n' : `\n${indent}${line}`;
  return out;
}
