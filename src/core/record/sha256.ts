/**
 * SHA-256 (FIPS 180-4) of bytes, as lowercase hex. Synchronous and dependency-free, so the
 * generators' manifest is made the same way in a worker, the page and the command line. Written
 * for V8: one block loop over 32-bit integers (about twice the speed of a general-purpose
 * library here, which matters for the tens of megabytes of a large export).
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const W = new Int32Array(64);

/** Runs the compression function over the 64-byte blocks of `d[from, to)`, updating `H`. */
function blocks(H: Int32Array, d: Uint8Array, from: number, to: number): void {
  let h0 = H[0] as number;
  let h1 = H[1] as number;
  let h2 = H[2] as number;
  let h3 = H[3] as number;
  let h4 = H[4] as number;
  let h5 = H[5] as number;
  let h6 = H[6] as number;
  let h7 = H[7] as number;
  for (let off = from; off < to; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4;
      W[i] =
        ((d[j] as number) << 24) | ((d[j + 1] as number) << 16) | ((d[j + 2] as number) << 8) | (d[j + 3] as number);
    }
    for (let i = 16; i < 64; i++) {
      const x = W[i - 15] as number;
      const y = W[i - 2] as number;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      W[i] = ((W[i - 16] as number) + s0 + (W[i - 7] as number) + s1) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let dd = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + (K[i] as number) + (W[i] as number)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (dd + t1) | 0;
      dd = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + dd) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  H.set([h0, h1, h2, h3, h4, h5, h6, h7]);
}

/** The SHA-256 of some bytes, as 64 lowercase hex digits. */
export function sha256Hex(data: Uint8Array): string {
  const H = new Int32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const full = data.length - (data.length % 64);
  blocks(H, data, 0, full);
  // the last partial block, the 0x80 marker and the length in bits, in one or two blocks
  const rest = data.length - full;
  const tail = new Uint8Array(rest < 56 ? 64 : 128);
  tail.set(data.subarray(full));
  tail[rest] = 0x80;
  const view = new DataView(tail.buffer);
  const bits = data.length * 8;
  view.setUint32(tail.length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(tail.length - 4, bits >>> 0);
  blocks(H, tail, 0, tail.length);
  let hex = '';
  for (let i = 0; i < 8; i++) hex += ((H[i] as number) >>> 0).toString(16).padStart(8, '0');
  return hex;
}

const encoder = new TextEncoder();

/** The SHA-256 of a text's UTF-8 bytes. */
export function sha256OfText(text: string): string {
  return sha256Hex(encoder.encode(text));
}

interface DigestCrypto {
  subtle?: { digest(algorithm: string, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> };
}

const hex = (buf: ArrayBuffer): string => {
  let out = '';
  for (const b of new Uint8Array(buf)) out += b.toString(16).padStart(2, '0');
  return out;
};

/**
 * The SHA-256 of each of many byte arrays, as hex: by Web Crypto where the runtime has it (a
 * browser page or worker in a secure context, Node), which is native and several times faster
 * than `sha256Hex`, else by `sha256Hex`. The same hashes either way.
 */
export async function sha256Many(data: readonly Uint8Array<ArrayBuffer>[]): Promise<string[]> {
  const subtle = (globalThis as { crypto?: DigestCrypto }).crypto?.subtle;
  if (!subtle) return data.map(sha256Hex);
  // a few hundred at a time: tens of thousands of digests in flight at once took twice as long
  const out: string[] = [];
  for (let i = 0; i < data.length; i += 256)
    out.push(...(await Promise.all(data.slice(i, i + 256).map(async (d) => hex(await subtle.digest('SHA-256', d))))));
  return out;
}
