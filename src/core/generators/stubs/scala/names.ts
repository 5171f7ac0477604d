/** Scala 3's reserved words, hard and soft: an identifier spelled like one is written in backticks. */
const KEYWORDS = new Set(
  (
    'abstract case catch class def do else enum export extends false final finally for given if ' +
    'implicit import lazy match new null object override package private protected return sealed ' +
    'super then throw trait true try type val var while with yield as derives end extension infix ' +
    'inline opaque open transparent using macro forSome _'
  ).split(' '),
);

/** An identifier as Scala source: in backticks when it is a reserved word. */
export function ident(name: string): string {
  // `class_:` would read as one operator identifier: a name ending in `_` is quoted too
  return KEYWORDS.has(name) || name.endsWith('_') ? `\`${name}\`` : name;
}

/** A dotted package or class name with each segment quoted where needed, from the root. */
export function qualified(name: string): string {
  return `_root_.${name.split('.').map(ident).join('.')}`;
}

/** A package clause's name. */
export function packageName(name: string): string {
  return name.split('.').map(ident).join('.');
}

/** A Scala string literal: JSON's escapes are valid Scala; `$` is not special in a plain literal. */
export function scalaString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
