import { PRESENTER_CARD } from '../presenter/presentedLayout';
import { NODE_SIZE } from './flowModel';
import { textWidth } from './textWidth';

/**
 * The room for a card's name and its kind-and-port line, in px, on the canvas and in Present mode
 * (canvas.css and presenter.css: the card's width less its borders, padding, mark and the gap
 * after the mark), and the fonts of the three texts in each.
 */
const CARDS = [
  { room: NODE_SIZE.width - 5 - 22 - 34 - 10, name: 13.5, kind: 11.5, port: 10.5 },
  { room: PRESENTER_CARD.width - 7 - 28 - 46 - 14, name: 20, kind: 14, port: 13 },
] as const;
/** The gap between the kind and the port, and the port's padding on both sides. */
const META_GAP = 6;
const PORT_PAD = 8;
/** Measured widths can be off by a pixel or two from the page's: cut a text this close to its room. */
const SLACK = 3;
/** A monospace digit's advance, in em, at most (0.6 in the usual monospace fonts). */
const MONO = 0.61;

/**
 * At least as wide as the text in any usual sans-serif font, in em: each character counted at the
 * widest advance of its class (from a wide bold face, DejaVu Sans Bold, plus 8 %), a character
 * outside ASCII at 1.3 em. A text this estimate fits needs no measuring; measuring a face the first
 * time costs milliseconds at the page's first picture. (The pictures' `approximateWidth` is a close
 * estimate, short of many bold faces: it cannot promise a text fits.)
 */
export function roughEm(text: string): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 126) em += 1.3;
    else if (c === 77 || c === 87 || c === 109 || c === 37 || c === 64)
      em += 1.2; // M W m % @
    else if ((c >= 65 && c <= 90) || c === 119 || WIDE.includes(c))
      em += 0.94; // capitals, w, symbols
    else if (NARROW.includes(c)) em += 0.55;
    else em += 0.78; // digits, lower case
  }
  return em;
}
const NARROW = [..." !'(),-./:;I[\\]`fijlrt|"].map((c) => c.charCodeAt(0));
const WIDE = [...'#$&*+<=>?^_~"{}'].map((c) => c.charCodeAt(0));

/**
 * Whether a card's name and its kind line may not fit and are to be cut with an ellipsis. Only
 * those get `overflow: hidden` (`is-cut` in canvas.css): each such box is a clip the browser keeps
 * and walks on every frame (two a card made the browser's layering of a pan at 2,000 services half
 * as long again). A text that fits in both the canvas's and Present mode's card is drawn without
 * one. Texts are estimated first (`roughEm`) and measured only when the estimate does not fit.
 */
export function cardCuts(name: string, kind: string, port: string): { name: boolean; kind: boolean } {
  const nameEm = roughEm(name);
  const kindEm = roughEm(kind);
  const portEm = port.length * MONO;
  let cutName = false;
  let cutKind = false;
  for (const c of CARDS) {
    const room = c.room - SLACK;
    if (!cutName && nameEm * c.name > room && textWidth(name, 650, c.name) > room) cutName = true;
    const rest = META_GAP + portEm * c.port + PORT_PAD;
    if (!cutKind && kindEm * c.kind + rest > room && textWidth(kind, 400, c.kind) + rest > room) cutKind = true;
  }
  return { name: cutName, kind: cutKind };
}
