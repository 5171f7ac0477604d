import { textWidth } from './textWidth';

/**
 * The room for a card's name and its kind-and-port line, in px, on the canvas and in Present mode
 * (canvas.css and presenter.css: the card's width less its borders, padding, mark and the gap
 * after the mark), and the fonts of the three texts in each.
 */
const CARDS = [
  { room: 224 - 5 - 22 - 34 - 10, name: 13.5, kind: 11.5, port: 10.5 },
  { room: 300 - 7 - 28 - 46 - 14, name: 20, kind: 14, port: 13 },
] as const;
/** The gap between the kind and the port, and the port's padding on both sides. */
const META_GAP = 6;
const PORT_PAD = 8;
/** Measured widths can be off by a pixel or two from the page's: cut a text this close to its room. */
const SLACK = 3;

/**
 * Whether a card's name and its kind line may not fit and are to be cut with an ellipsis. Only
 * those get `overflow: hidden` (`is-cut` in canvas.css): each such box is a clip the browser
 * keeps and walks on every frame, and with two a card the clips of a few hundred cards in view
 * were a third of the browser's work to layer the page during a pan. A text that fits in both the
 * canvas's and Present mode's card is drawn without one.
 */
export function cardCuts(name: string, kind: string, port: string): { name: boolean; kind: boolean } {
  let cutName = false;
  let cutKind = false;
  for (const c of CARDS) {
    if (!cutName && textWidth(name, 650, c.name) > c.room - SLACK) cutName = true;
    if (!cutKind) {
      const line = textWidth(kind, 400, c.kind) + META_GAP + textWidth(port, 400, c.port, 'mono') + PORT_PAD;
      if (line > c.room - SLACK) cutKind = true;
    }
  }
  return { name: cutName, kind: cutKind };
}
