/**
 * Strings that YAML readers treat specially, for the property tests of everything that writes
 * YAML: the typed forms of YAML 1.1, 1.2, Go and PyYAML (octal, hex and binary in any case and
 * sign, sexagesimal, y/n/on/off, .inf, ~, timestamps, underscores), indicators, quotes, every
 * kind of line break and non-printable character, and text around them.
 */
import fc from 'fast-check';

export const TYPED_WORDS = [
  '',
  '~',
  'null',
  'Null',
  'NULL',
  'y',
  'Y',
  'n',
  'N',
  'yes',
  'Yes',
  'NO',
  'on',
  'On',
  'OFF',
  'true',
  'False',
  '=',
  '<<',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  '0o644',
  '0O17',
  '+0o1',
  '-0o7',
  '0B1',
  '0b1_0',
  '0X1F',
  '0x_1f',
  '-0x1F',
  '017',
  '08',
  '0_7',
  '1_000',
  '+_1',
  '1__',
  '._5',
  '1.',
  '.5',
  '+.5e3',
  '1e5',
  '1E+05',
  '22:22',
  '-1:30:05.5',
  '190:20:30',
  '2001-12-14',
  '2001-1-2',
  '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10 -5',
  '2002-12-14T00:00:00Z',
  '9223372036854775808',
  '1.7976931348623157e309',
];

const SPECIAL = [
  ...'-?:,[]{}#&*!|>\'"%@`\\/ \t\n\r',
  '\0',
  '\x01',
  '\x07',
  '\x1b',
  '\x7f',
  '\x80',
  '\x85',
  '\x9f',
  '\xa0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ufffd',
  '\u200b',
  '\u3000',
  'é',
  '名',
  '🚀',
  '\u0301',
  '$',
  '(',
  ')',
  '<',
  '=',
];

const NUMERIC_UNITS = [...'0123456789_.:+-eExXoObBaf'];

/** One character that YAML treats specially, or an ordinary one. */
const unit = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.constantFrom(...'abcxyzXYZ019'.split('')),
  fc.string({ maxLength: 1, unit: 'grapheme' }),
);

/** A hostile string: a typed word, something number-like, or text made of special characters. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TYPED_WORDS),
  fc.string({ unit: fc.constantFrom(...NUMERIC_UNITS), minLength: 1, maxLength: 10 }),
  fc.string({ unit, maxLength: 16 }),
  fc
    .tuple(
      fc.constantFrom(...TYPED_WORDS),
      fc.constantFrom(' ', '\n', ':', ' #', '\u2028', '\x85', ''),
      fc.string({ unit, maxLength: 4 }),
    )
    .map((p) => p.join('')),
  fc.string({ maxLength: 24, unit: 'binary' }),
  fc.array(fc.string({ unit, maxLength: 10 }), { minLength: 2, maxLength: 4 }).map((l) => l.join('\n')),
);

/** `s` with every unpaired UTF-16 surrogate removed, for arbitraries of well-formed text. */
export const wellFormedOnly = (s: string): string => s.replace(/[\ud800-\udfff]/gu, '');
