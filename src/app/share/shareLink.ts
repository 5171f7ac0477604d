import { restore, type Design, type RestoreResult } from '../../core';

/** The fragment prefix of a share link: `#d=<base64url of deflated JSON>`. */
export const SHARE_PREFIX = '#d=';
/** Links longer than this are hard to paste into a chat; the app offers the file instead. */
export const MAX_SHARE_LENGTH = 8000;
/** A fragment longer than this is not even decoded: it cannot be a design we made. */
const MAX_FRAGMENT = 200_000;
/** Inflated JSON larger than this is refused, so a small hostile link cannot expand into gigabytes. */
const MAX_JSON_BYTES = 5_000_000;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The fragment (`#d=…`) that carries a design. The design never leaves the browser: fragments are not sent to servers. */
export async function encodeShareFragment(design: Design): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(design));
  const packed = await pipe(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return SHARE_PREFIX + toBase64Url(packed);
}

/**
 * Reads a design from a share fragment. Never throws and never runs anything from the link: the
 * text is inflated with a size cap, parsed as JSON and passed through restore().
 */
export async function decodeShareFragment(fragment: string): Promise<RestoreResult | null> {
  if (!fragment.startsWith(SHARE_PREFIX)) return null;
  const body = fragment.slice(SHARE_PREFIX.length);
  const fail = (error: string): RestoreResult => ({ ok: false, error, warnings: [] });
  if (body.length > MAX_FRAGMENT) return fail('This share link is too long to be a design.');
  if (!/^[A-Za-z0-9_-]*$/.test(body))
    return fail('This share link is damaged: it has characters a design link never has.');
  let json: string;
  try {
    const bytes = await pipe(fromBase64Url(body), new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    return fail(
      (e as Error).message === 'too large'
        ? 'This share link unpacks to more than 5 MB, more than any design: it was not opened.'
        : 'This share link is damaged or incomplete: it could not be unpacked.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail('This share link is damaged: it does not hold a design.');
  }
  return restore(data);
}
