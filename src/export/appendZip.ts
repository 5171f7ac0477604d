import type { GeneratedFile } from '../core/generators/types';
import { zipFilesSync } from './zip';

/** Where a zip's central directory is and how many entries it has, from its end record. */
interface ZipEnd {
  count: number;
  centralSize: number;
  centralStart: number;
}

const END_SIZE = 22;

function readEnd(end: Uint8Array): ZipEnd {
  const view = new DataView(end.buffer, end.byteOffset, end.byteLength);
  if (end.byteLength !== END_SIZE || view.getUint32(0, true) !== 0x06054b50)
    throw new Error('Not a zip written by polyglot-canvas (no end record where expected).');
  return {
    count: view.getUint16(10, true),
    centralSize: view.getUint32(12, true),
    centralStart: view.getUint32(16, true),
  };
}

/**
 * The bytes that add `files` to a zip: their local entries (to go where the zip's central
 * directory starts), their central directory entries (to go after the zip's), and the new end
 * record. The files are zipped alone by `zipFilesSync` (so compressed by the same rules) and
 * their offsets moved by where they land.
 */
function tail(
  end: ZipEnd,
  files: readonly GeneratedFile[],
): { local: Uint8Array; central: Uint8Array; end: Uint8Array } {
  const own = zipFilesSync(files);
  const ownEnd = readEnd(own.subarray(own.length - END_SIZE));
  const local = own.subarray(0, ownEnd.centralStart);
  const central = own.slice(ownEnd.centralStart, ownEnd.centralStart + ownEnd.centralSize);
  const view = new DataView(central.buffer);
  for (let at = 0, i = 0; i < ownEnd.count; i++) {
    view.setUint32(at + 42, view.getUint32(at + 42, true) + end.centralStart, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  const count = end.count + ownEnd.count;
  if (count > 0xffff) throw new Error(`A zip holds at most 65535 files; this project has ${count}.`);
  const centralStart = end.centralStart + local.length;
  const centralSize = end.centralSize + central.length;
  if (centralStart + centralSize + END_SIZE > 0xffffffff)
    throw new Error('The project is too large for a zip file (over 4 GB).');
  const out = new Uint8Array(END_SIZE);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, centralSize, true);
  v.setUint32(16, centralStart, true);
  return { local, central, end: out };
}

/**
 * Adds files at the end of a zip made by `zipFilesSync` (no comment, no ZIP64). The app adds the
 * design to a zip made in the worker this way, so a zip prepared before the cards were moved
 * still carries the design as it is at the click; the command line does the same, so both give
 * the same bytes.
 */
export function appendToZipSync(zip: Uint8Array, files: readonly GeneratedFile[]): Uint8Array {
  const end = readEnd(zip.subarray(zip.length - END_SIZE));
  const t = tail(end, files);
  const parts = [
    zip.subarray(0, end.centralStart),
    t.local,
    zip.subarray(end.centralStart, end.centralStart + end.centralSize),
    t.central,
    t.end,
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** `appendToZipSync` for a zip held in a Blob: the zip's bytes are not copied onto the page. */
export async function appendToZipBlob(zip: Blob, files: readonly GeneratedFile[]): Promise<Blob> {
  const end = readEnd(new Uint8Array(await zip.slice(zip.size - END_SIZE).arrayBuffer()));
  const t = tail(end, files);
  return new Blob(
    [
      zip.slice(0, end.centralStart),
      t.local as BlobPart,
      zip.slice(end.centralStart, end.centralStart + end.centralSize),
      t.central as BlobPart,
      t.end as BlobPart,
    ],
    { type: 'application/zip' },
  );
}
