import { Document } from 'yaml';

/**
 * The rule by which a string reads back as the same string in every YAML reader that reads our
 * files: the `yaml` package (YAML 1.2 and 1.1), Go's `gopkg.in/yaml.v3` and `yaml.v2` (docker
 * compose, kubectl), and PyYAML (YAML 1.1). Each reader resolves plain scalars its own way, so a
 * string may be written plain only when no reader could take it for anything but a string; the
 * writer and the checkers of generated files share this one rule.
 */

/**
 * Characters that may not appear raw anywhere in a file: controls other than tab and line feed,
 * DEL and the C1 controls (YAML 1.1 readers refuse them or, for U+0085, read a line break), the
 * Unicode line and paragraph separators (line breaks in YAML 1.1), the byte order mark, the
 * non-characters U+FFFE and U+FFFF, and unpaired UTF-16 surrogates (not Unicode at all).
 */
export const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/u;

/**
 * Words some reader resolves to null, a boolean (YAML 1.1 has y, n, yes, no, on and off), a
 * special float, a merge key or a YAML 1.1 value key.
 */
const WORDS =
  /^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|=|<<|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN))$/;

/**
 * Numbers in any reader's syntax, as a superset: decimal, octal (`017`, `0o17`, `0O17`), hex and
 * binary in either case, with a sign, underscores (YAML 1.1 allows them), fractions and exponents.
 */
const NUMBER =
  /^[-+]?(?:0[xX][0-9a-fA-F_]*|0[oO][0-7_]*|0[bB][01_]*|(?:[0-9_]+(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9_]+)?)$/;

/** YAML 1.1's base-60 numbers (`22:22` is 1342, `1:30.5` is 90.5); `8080:80` is not one. */
const SEXAGESIMAL = /^[-+]?[0-9_]+(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** A date or date-time as YAML 1.1, PyYAML and Go read one (month and day may have one digit). */
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt \t])/;

/**
 * Where a plain scalar's text would end or change meaning: a leading indicator, a lone or
 * spaced `-`, `?` or `:`, `: ` and ` #` inside, a trailing `:`, leading or trailing space, a
 * document marker, a tab or line break anywhere.
 */
const NOT_PLAIN = /^[ ,[\]{}#&*!|>'"%@`]|^[-?:]$|^[-?:][ ]|: |:$| #| $|^---|^\.\.\.|[\t\n\r]/;

// The package's own resolvers of both versions, so that a string it reads as a non-string is never
// left plain even where the patterns above would miss it.
const PACKAGE_TESTS = (['1.1', '1.2'] as const).flatMap((version) => {
  const { tags, compat } = new Document(null, { version }).schema as unknown as {
    tags: { default?: boolean | string; tag: string; test?: RegExp }[];
    compat?: { default?: boolean | string; tag: string; test?: RegExp }[] | null;
  };
  return [...tags, ...(compat ?? [])]
    .filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test)
    .map((t) => t.test as RegExp);
});

/** Whether some reader would read this plain scalar as something other than a string. */
export function looksTyped(s: string): boolean {
  return (
    WORDS.test(s) ||
    NUMBER.test(s) ||
    SEXAGESIMAL.test(s) ||
    // Go removes every underscore before it tries a number (`+_0O2` is 2)
    (s.includes('_') && NUMBER.test(s.replaceAll('_', ''))) ||
    TIMESTAMP.test(s) ||
    PACKAGE_TESTS.some((t) => t.test(s))
  );
}

/** Whether `s` may be written as a plain scalar and still read back as exactly `s` everywhere. */
export function plainSafe(s: string): boolean {
  return s !== '' && !NOT_PLAIN.test(s) && !RAW_UNSAFE.test(s) && !looksTyped(s);
}

/**
 * A number as every reader reads it back: JSON's form, with a fraction before any exponent
 * (PyYAML reads `1e+21` as a string but `1.0e+21` as a float).
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan' : n > 0 ? '.inf' : '-.inf';
  const s = JSON.stringify(n);
  const e = s.indexOf('e');
  return e >= 0 && !s.slice(0, e).includes('.') ? `${s.slice(0, e)}.0${s.slice(e)}` : s;
}
