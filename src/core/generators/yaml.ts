import { Document, stringify } from 'yaml';

/**
 * Block-style YAML of plain data (objects, arrays, strings, finite numbers, booleans, null),
 * byte for byte what `stringify(value, { version, lineWidth: 0, aliasDuplicateObjects: false })`
 * of the `yaml` package writes, without building the package's node tree. Every string is written
 * the way the package would write it: plain when it may be, otherwise the package's own quoting of
 * that string (cached). A map key whose value is undefined is left out, as the package does.
 * Anything outside that simple shape (an undefined list item, a multi-line string, a document
 * marker, another kind of object…) is handed to the package for the whole document.
 */
export function fastYaml(value: unknown, version: '1.1' | '1.2'): string {
  const w = writers[version];
  try {
    if (!isCollection(value)) return `${w.scalar(value)}\n`;
    if (isEmpty(value)) return Array.isArray(value) ? '[]\n' : '{}\n';
    const out: string[] = [];
    w.block(value, '', '', out);
    return out.join('');
  } catch (e) {
    if (e !== NOT_SIMPLE) throw e;
    return w.slow(value);
  }
}

const NOT_SIMPLE = new Error('not a simple YAML value');

type Collection = unknown[] | Record<string, unknown>;

function isCollection(v: unknown): v is Collection {
  if (Array.isArray(v)) return true;
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) throw NOT_SIMPLE;
  return true;
}

/** No items; a key whose value is undefined is left out, as the package does. */
function isEmpty(v: Collection): boolean {
  if (Array.isArray(v)) return v.length === 0;
  for (const k in v) if (v[k] !== undefined) return false;
  return true;
}

// What keeps a string from being written plain (the `yaml` package's own rule, for a
// single-line string outside a flow collection).
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const FORCE_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

interface Writer {
  scalar(v: unknown): string;
  block(v: Collection, indent: string, first: string, out: string[]): void;
  slow(v: unknown): string;
}

function writer(version: '1.1' | '1.2'): Writer {
  const options = { version, lineWidth: 0, aliasDuplicateObjects: false } as const;
  // The tests by which a string would read back as something else (a number, a boolean, a date…).
  const { tags, compat } = new Document(null, { version }).schema as unknown as {
    tags: { default?: boolean | string; tag: string; test?: RegExp }[];
    compat?: { default?: boolean | string; tag: string; test?: RegExp }[] | null;
  };
  const typed = [...tags, ...(compat ?? [])]
    .filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test)
    .map((t) => t.test as RegExp);
  const strings = new Map<string, string>();

  const string = (s: string): string => {
    const known = strings.get(s);
    if (known !== undefined) return known;
    if (s.includes('\n') || s.length > 1000 || DOCUMENT_MARKER.test(s) || s === '<<') throw NOT_SIMPLE;
    let out = s;
    if (s === '' || FORCE_DOUBLE.test(s) || NOT_PLAIN.test(s) || typed.some((t) => t.test(s))) {
      out = stringify(s, options).slice(0, -1);
      if (out.includes('\n')) throw NOT_SIMPLE;
    }
    if (strings.size < 50_000) strings.set(s, out);
    return out;
  };

  const scalar = (v: unknown): string => {
    if (typeof v === 'string') return string(v);
    if (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0)) return JSON.stringify(v);
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (v === null) return 'null';
    throw NOT_SIMPLE;
  };

  /** Appends a collection's lines; the first line starts with `first` instead of `indent`. */
  const block = (v: Collection, indent: string, first: string, out: string[]): void => {
    const inner = `${indent}  `;
    let lead = first;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) throw NOT_SIMPLE;
        item(`${lead}-`, v[i], inner, true, out);
        lead = indent;
      }
    } else {
      for (const k in v) {
        if (v[k] === undefined) continue;
        item(`${lead}${string(k)}:`, v[k], inner, false, out);
        lead = indent;
      }
    }
  };

  // A collection in a sequence starts on the dash's line, one in a map on the next line.
  const item = (prefix: string, x: unknown, inner: string, inSeq: boolean, out: string[]): void => {
    if (!isCollection(x)) out.push(`${prefix} ${scalar(x)}\n`);
    else if (isEmpty(x)) out.push(`${prefix} ${Array.isArray(x) ? '[]' : '{}'}\n`);
    else if (inSeq) block(x, inner, `${prefix} `, out);
    else {
      out.push(`${prefix}\n`);
      block(x, inner, inner, out);
    }
  };

  return { scalar, block, slow: (v) => stringify(v, options) };
}

const writers = { '1.1': writer('1.1'), '1.2': writer('1.2') };
