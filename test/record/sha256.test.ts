import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256Many, sha256OfText } from '../../src/core/record/sha256';

const nodeSha = (d: Uint8Array | string) => createHash('sha256').update(d).digest('hex');

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256OfText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256OfText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256OfText('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto at every length around the block and padding edges', () => {
    const bytes = new Uint8Array(300).map((_, i) => (i * 131 + 7) & 255);
    for (let n = 0; n <= 300; n++)
      expect(sha256Hex(bytes.subarray(0, n)), `length ${n}`).toBe(nodeSha(bytes.subarray(0, n)));
  });

  it('agrees with node:crypto on any text (UTF-8)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => sha256OfText(s) === nodeSha(s)));
  });
});

describe('sha256Many', () => {
  it('gives the same hashes by Web Crypto as sha256Hex', async () => {
    const data = [0, 1, 55, 64, 1000].map((n) => new Uint8Array(n).map((_, i) => (i * 7) & 255));
    expect(await sha256Many(data)).toEqual(data.map(sha256Hex));
  });
});
