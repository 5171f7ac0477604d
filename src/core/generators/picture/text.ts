/**
 * Text in a picture: XML escaping, and fitting a name into a card with an ellipsis, as the
 * canvas's CSS does, without a browser to measure it.
 */

/** Measures a text's width in px for a font size and weight. */
export type MeasureText = (text: string, fontSize: number, weight: number) => number;

/**
 * Characters XML 1.0 does not allow (most control characters, lone surrogates, U+FFFE/U+FFFF)
 * become U+FFFD; everything else, including emoji and other astral characters, stays.
 */
export function xmlChars(s: string): string {
  return s.replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}

/** Text escaped for element content and double-quoted attribute values. */
export function escapeXml(s: string): string {
  return xmlChars(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const NARROW = new Set("iljI.,;:!'|()[]{}/\\ `ft");
const WIDE = new Set('mwMW@%');

/**
 * A width estimate for a sans-serif UI font (system-ui, Arial and kin), in em per character:
 * close enough to decide where a name is cut, and the same on every machine.
 */
export const approximateWidth: MeasureText = (text, fontSize, weight) => {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === ' ') em += 0.28;
    else if (NARROW.has(ch)) em += 0.3;
    else if (WIDE.has(ch)) em += 0.86;
    else if (code >= 0x2e80) em += 1;
    else if (ch >= 'A' && ch <= 'Z') em += 0.68;
    else em += 0.56;
  }
  return em * fontSize * (weight >= 600 ? 1.06 : 1);
};

/**
 * The longest start of `text` that fits `maxWidth`, with an ellipsis when it was cut. Cuts between
 * code points, so an emoji is never split into a lone surrogate.
 */
export function truncate(
  text: string,
  maxWidth: number,
  fontSize: number,
  weight: number,
  measure: MeasureText = approximateWidth,
): string {
  if (measure(text, fontSize, weight) <= maxWidth) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  // the longest prefix whose "prefix…" fits
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`, fontSize, weight) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}
