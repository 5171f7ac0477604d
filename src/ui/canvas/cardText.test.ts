import { describe, expect, it } from 'vitest';
import { cardCuts, roughEm } from './cardText';

// Outside a browser the widths are estimated (0.6 of the font size a character), which is enough
// to check the rule: a text is cut when it may not fit the canvas's card or Present mode's.
describe('card text cuts', () => {
  it('cuts neither a short name nor a short kind line', () => {
    expect(cardCuts('orders', 'Go · net/http', ':8080')).toEqual({ name: false, kind: false });
  });

  it('cuts a name too long for the card', () => {
    expect(cardCuts('a-payment-reconciliation-service', 'Go · net/http', ':8080').name).toBe(true);
  });

  it('cuts a name that fits the canvas card but not the larger type of Present mode', () => {
    // 17 characters: 138 px at 13.5 px (room 153), 204 px at 20 px (room 205): within 3 px.
    expect(cardCuts('x'.repeat(17), 'Go', ':1').name).toBe(true);
    expect(cardCuts('x'.repeat(16), 'Go', ':1').name).toBe(false);
  });

  it('counts the port with the kind, as they share a line', () => {
    expect(cardCuts('a', 'Node.js · TypeScript (Express)', ':3000').kind).toBe(true);
    expect(cardCuts('a', 'x'.repeat(16), ':1').kind).toBe(false);
    expect(cardCuts('a', 'x'.repeat(16), ':65535').kind).toBe(true);
  });
});

describe('rough text width', () => {
  // Advances in em of a wide bold face (DejaVu Sans Bold, measured in Chromium at 100 px): the
  // estimate is never below them, so a text it fits does fit.
  const BOLD: Record<string, number> = { W: 1.103, m: 1.042, M: 0.995, '@': 1.0, O: 0.85, w: 0.924 };
  Object.assign(BOLD, { b: 0.716, '0': 0.696, f: 0.435, r: 0.493, t: 0.478, '(': 0.457, '-': 0.415, i: 0.343 });
  it('is at least the advance of every character of a wide bold face', () => {
    for (const [c, em] of Object.entries(BOLD)) expect(roughEm(c), c).toBeGreaterThanOrEqual(em);
  });

  it('counts a character outside ASCII wide, and an emoji (two code units) twice', () => {
    expect(roughEm('é')).toBe(1.3);
    expect(roughEm('🚀')).toBe(2.6);
  });
});
