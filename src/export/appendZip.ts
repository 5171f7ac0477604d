import type { GeneratedFile } from '../core/generators/types';
import { END_SIZE, endRecords, ZIP64_END_SIZE, ZIP64_LOCATOR_SIZE, zipEntriesOf, zipEntriesSync } from './zip';

/** Design files of more characters than this in all are stored, not compressed (about 180 services and up). */
export const DESIGN_DEFLATE_UP_TO = 512 * 1024;

/** Where a zip's central directory is and how many entries it has, from its end records. */
interface ZipEnd {
  count: number;
  centralSize: number;
  centralStart: number;
}

/** The most a zip's end records take (ZIP64 record, its locator and the classic end record). */
const ENDS_SIZE = ZIP64_END_SIZE + ZIP64_LOCATOR_SIZE + END_SIZE;

/**
 * The end of a zip written by `zipFilesSync` (no comment), from its last bytes (`tail`, up to
 * `ENDS_SIZE` of them): the classic end record, or the ZIP64 record its locator points at when the
 * classic one says to look there. `zipLength` is the whole zip's length.
 */
function readEnd(tail: Uint8Array, zipLength: number): ZipEnd {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const at = tail.byteLength - END_SIZE;
  if (at < 0 || view.getUint32(at, true) !== 0x06054b50)
    throw new Error('Not a zip written by polyglot-canvas (no end record where expected).');
  const end = {
    count: view.getUint16(at + 10, true),
    centralSize: view.getUint32(at + 12, true),
    centralStart: view.getUint32(at + 16, true),
  };
  if (end.count !== 0xffff && end.centralSize !== 0xffffffff && end.centralStart !== 0xffffffff) return end;
  const locator = at - ZIP64_LOCATOR_SIZE;
  const record = locator - ZIP64_END_SIZE;
  const recordAt = zipLength - tail.byteLength + record;
  if (
    record < 0 ||
    view.getUint32(locator, true) !== 0x07064b50 ||
    Number(view.getBigUint64(locator + 8, true)) !== recordAt ||
    view.getUint32(record, true) !== 0x06064b50
  )
    throw new Error('Not a zip written by polyglot-canvas (no ZIP64 end record where expected).');
  const u64 = (offset: number) => Number(view.getBigUint64(record + offset, true));
  return { count: u64(32), centralSize: u64(40), centralStart: u64(48) };
}

/** The end of a zip held in memory. */
const endOf = (zip: Uint8Array): ZipEnd => readEnd(zip.subarray(Math.max(0, zip.length - ENDS_SIZE)), zip.length);

/**
 * The bytes that add `files` to a zip: their local entries (to go where the zip's central
 * directory starts), their central directory entries (to go after the zip's), and the new end
 * records. The files are zipped alone by `zipFilesSync` (so compressed by the same rules) and
 * their offsets moved by where they land.
 */
function tail(
  end: ZipEnd,
  files: readonly GeneratedFile[],
): { local: Uint8Array; central: Uint8Array; end: Uint8Array } {
  // a large design is stored: compressing it would hold up the click (the page adds it there), and
  // a project with such a design is stored anyway (over ZIP_DEFLATE_UP_TO characters of text)
  let text = 0;
  for (const f of files) text += f.content.length;
  const own = zipEntriesSync(zipEntriesOf(files), text > DESIGN_DEFLATE_UP_TO ? Number.POSITIVE_INFINITY : text);
  const ownEnd = endOf(own);
  const local = own.subarray(0, ownEnd.centralStart);
  const central = own.slice(ownEnd.centralStart, ownEnd.centralStart + ownEnd.centralSize);
  const view = new DataView(central.buffer);
  for (let at = 0, i = 0; i < ownEnd.count; i++) {
    const offset = view.getUint32(at + 42, true) + end.centralStart;
    // an entry this far would need a ZIP64 offset of its own: not for the design's few files
    if (offset >= 0xffffffff) throw new Error('The project is too large to add its design to the zip (over 4 GB).');
    view.setUint32(at + 42, offset, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  const count = end.count + ownEnd.count;
  const centralStart = end.centralStart + local.length;
  const centralSize = end.centralSize + central.length;
  return { local, central, end: endRecords(count, centralSize, centralStart) };
}

/**
 * Adds files at the end of a zip made by `zipFilesSync` (no comment; ZIP64 or not). The app adds the
 * design to a zip made in the worker this way, so a zip prepared before the cards were moved
 * still carries the design as it is at the click; the command line does the same, so both give
 * the same bytes.
 */
export function appendToZipSync(zip: Uint8Array, files: readonly GeneratedFile[]): Uint8Array {
  const end = endOf(zip);
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
  const end = readEnd(new Uint8Array(await zip.slice(Math.max(0, zip.size - ENDS_SIZE)).arrayBuffer()), zip.size);
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
