import { describe, expect, it } from 'vitest';
import { cardCuts } from './cardText';

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
