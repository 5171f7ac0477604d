import { numberText } from './rule';
import { inlineScalar, literalBlock } from './scalar';

/**
 * Block-style YAML of plain data: arrays, plain objects (with or without a prototype), Maps with
 * string keys, strings, numbers, booleans and null. Every string reads back as the same string
 * in YAML 1.1 and 1.2 readers alike (see `rule.ts`); a map key whose value is undefined is left
 * out; a shared object is written out each time, never as an anchor and alias; lines are never
 * folded. Anything else (a class instance, a function, a bigint) is a bug in the caller and throws.
 *
 * Why not the `yaml` package's `stringify`: no option of it escapes U+0085, U+2028 or U+2029 (it
 * writes them raw, and YAML 1.1 readers take them for line breaks) or quotes Go's number forms
 * such as `0O17` or `+0o1`. The property test beside this file reads what is written here with
 * Go's yaml.v3 and yaml.v2, PyYAML and the package in YAML 1.1 and 1.2.
 */
export function toYaml(value: unknown): string {
  if (!isCollection(value)) return `${scalar(value, '')}\n`;
  if (isEmpty(value)) return Array.isArray(value) ? '[]\n' : '{}\n';
  const out: string[] = [];
  block(value, '', '', out);
  return out.join('');
}

/** Several YAML documents in one file, in the given order. */
export function toYamlDocuments(values: readonly unknown[]): string {
  return values.map((v) => toYaml(v)).join('---\n');
}

type Collection = readonly unknown[] | ReadonlyMap<unknown, unknown> | Readonly<Record<string, unknown>>;

function isCollection(v: unknown): v is Collection {
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v) || v instanceof Map) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null)
    throw new TypeError(`cannot write a ${describe(v)} as YAML; pass plain data`);
  return true;
}

const describe = (v: object) => (v.constructor as { name?: string } | undefined)?.name ?? 'object';

/** No items; a key whose value is undefined is left out. */
function isEmpty(v: Collection): boolean {
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) {
    for (const x of v.values()) if (x !== undefined) return false;
    return true;
  }
  const o = v as Readonly<Record<string, unknown>>;
  for (const k in o) if (o[k] !== undefined) return false;
  return true;
}

// Single-line texts of strings by value: the same keys and values recur across a document.
const texts = new Map<string, string>();

function inline(s: string): string {
  const known = texts.get(s);
  if (known !== undefined) return known;
  const out = inlineScalar(s);
  if (texts.size < 50_000) texts.set(s, out);
  return out;
}

/** A scalar value; a multi-line string becomes a literal block indented by `indent` when it can. */
function scalar(v: unknown, indent: string): string {
  if (typeof v === 'string') return (v.includes('\n') && literalBlock(v, indent)) || inline(v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null || v === undefined) return 'null';
  throw new TypeError(`cannot write a ${typeof v} as YAML`);
}

// libyaml and PyYAML refuse an implicit key longer than 1024 characters; such a key is written
// explicitly (`? key` on its own line).
const LONG_KEY = 1000;

function keyText(k: unknown): string {
  if (typeof k !== 'string') throw new TypeError(`cannot write a ${typeof k} map key as YAML`);
  return inline(k);
}

/** Appends a collection's lines; the first line starts with `first` instead of `indent`. */
function block(v: Collection, indent: string, first: string, out: string[]): void {
  const inner = `${indent}  `;
  let lead = first;
  if (Array.isArray(v)) {
    for (const x of v as readonly unknown[]) {
      item(`${lead}-`, x, inner, true, out);
      lead = indent;
    }
    return;
  }
  const entry = (k: unknown, x: unknown) => {
    if (x === undefined) return;
    const key = keyText(k);
    if (key.length > LONG_KEY) {
      out.push(`${lead}? ${key}\n`);
      item(`${indent}:`, x, inner, false, out);
    } else item(`${lead}${key}:`, x, inner, false, out);
    lead = indent;
  };
  if (v instanceof Map) for (const [k, x] of v) entry(k, x);
  else {
    const o = v as Readonly<Record<string, unknown>>;
    for (const k in o) entry(k, o[k]);
  }
}

// A collection in a sequence starts on the dash's line, one in a map on the next line.
function item(prefix: string, x: unknown, inner: string, inSeq: boolean, out: string[]): void {
  if (!isCollection(x)) out.push(`${prefix} ${scalar(x, inner)}\n`);
  else if (isEmpty(x)) out.push(`${prefix} ${Array.isArray(x) ? '[]' : '{}'}\n`);
  else if (inSeq) block(x, inner, `${prefix} `, out);
  else {
    out.push(`${prefix}\n`);
    block(x, inner, inner, out);
  }
}
