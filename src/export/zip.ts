import { deflateSync } from 'fflate';
import type { GeneratedFile } from '../core/generators/types';

/**
 * Every entry carries this date, so the same files always give the same zip, byte for byte. A zip
 * stores a date without a time zone: the fields written are this instant's UTC fields, whatever
 * the machine's time zone (readers that take them as UTC, such as jszip, read back this instant).
 */
export const ZIP_DATE = new Date('2000-01-01T00:00:00Z');

/** DEFLATE level of the files that are compressed (zlib's default): about as small as 9, much faster. */
export const ZIP_LEVEL = 6;

/**
 * Files smaller than this are stored as they are: deflating a file of a few hundred bytes saves
 * little and costs a whole compressor set-up each time.
 */
export const ZIP_STORE_BELOW = 512;

/**
 * A project of more text than this (about 250 services) is stored without compression: DEFLATE
 * in JavaScript runs at some 20–50 MB/s here, so compressing the ~60 MB of 2,000 services would
 * take seconds, while storing takes a fraction of one. The zip is about twice as large.
 */
export const ZIP_DEFLATE_UP_TO = 8 * 1024 * 1024;

/** Beyond these, a zip needs ZIP64 records: the classic fields are 16 bits (counts) and 32 bits (sizes, offsets). */
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

/** Lengths of the end records: the classic one, and the ZIP64 record and locator before it. */
export const END_SIZE = 22;
export const ZIP64_END_SIZE = 56;
export const ZIP64_LOCATOR_SIZE = 20;

/** Options of the zip writer. */
export interface ZipOptions {
  /**
   * Write ZIP64 fields for every entry and the ZIP64 end records even when nothing overflows (the
   * classic fields then hold their "see ZIP64" values). Only for tests: it lets readers check the
   * ZIP64 paths on a small zip. Without it, ZIP64 is written only where a value does not fit.
   */
  forceZip64?: boolean;
}

const DOS_TIME = (ZIP_DATE.getUTCHours() << 11) | (ZIP_DATE.getUTCMinutes() << 5) | (ZIP_DATE.getUTCSeconds() >> 1);
const DOS_DATE =
  ((ZIP_DATE.getUTCFullYear() - 1980) << 9) | ((ZIP_DATE.getUTCMonth() + 1) << 5) | ZIP_DATE.getUTCDate();

// CRC-32 eight bytes at a time ("slicing-by-8"): table k gives the CRC of a byte followed by k
// zero bytes. Several times faster than a byte at a time, and the zip step of a large project is
// mostly this loop.
const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n] as number;
    for (let k = 1; k < 8; k++) {
      c = (t[c & 0xff] as number) ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/** The CRC-32 (ISO-HDLC, as zip uses it) of some bytes. */
export function crc32(data: Uint8Array): number {
  const t = CRC_TABLES;
  let c = -1;
  let i = 0;
  const n8 = data.length - (data.length % 8);
  for (; i < n8; i += 8) {
    const a =
      c ^
      ((data[i] as number) |
        ((data[i + 1] as number) << 8) |
        ((data[i + 2] as number) << 16) |
        ((data[i + 3] as number) << 24));
    c =
      (t[1792 + (a & 0xff)] as number) ^
      (t[1536 + ((a >>> 8) & 0xff)] as number) ^
      (t[1280 + ((a >>> 16) & 0xff)] as number) ^
      (t[1024 + (a >>> 24)] as number) ^
      (t[768 + (data[i + 4] as number)] as number) ^
      (t[512 + (data[i + 5] as number)] as number) ^
      (t[256 + (data[i + 6] as number)] as number) ^
      (t[data[i + 7] as number] as number);
  }
  for (; i < data.length; i++) c = (t[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

/** A file ready for the zip: its path and its content as UTF-8 bytes, with their CRC-32. */
export interface ZipEntry {
  path: string;
  /** The content's UTF-8 bytes. Entries that share content may share this array (deflated once). */
  raw: Uint8Array;
  crc: number;
}

/**
 * What `zipEntriesSync` made of each byte array, for the next zip of the same arrays (the export
 * worker keeps the entries an edit leaves alone): the arrays are never changed once made.
 */
export type PackCache = WeakMap<Uint8Array, { minDeflate: number; packed: Packed }>;

interface Packed {
  method: 0 | 8;
  crc: number;
  size: number;
  data: Uint8Array;
}

/**
 * Packs generated files into a zip, in the order given, without folder entries: files of
 * `ZIP_STORE_BELOW` bytes or more are compressed with DEFLATE (level `ZIP_LEVEL`), smaller ones
 * stored, and everything is stored in a project over `ZIP_DEFLATE_UP_TO` characters of text. File
 * names are UTF-8 (flagged as such when not ASCII). ZIP64 records are written only when a count,
 * size or offset does not fit its classic field (more than 65,534 files, or past 4 GiB), so a
 * smaller project's zip is a classic one, byte for byte. A file content that repeats (the same plumbing
 * in many services) is encoded and compressed once. Synchronous: the app runs it in the export
 * worker. The app and the command line both use this, so a zip from either is the same.
 */
export function zipFilesSync(files: readonly GeneratedFile[], options: ZipOptions = {}): Uint8Array {
  let total = 0;
  for (const f of files) total += f.content.length;
  return zipEntriesSync(zipEntriesOf(files), total, undefined, options);
}

/** Files as zip entries: each distinct content encoded (UTF-8) and checksummed once, its entries sharing the bytes. */
export function zipEntriesOf(files: readonly GeneratedFile[]): ZipEntry[] {
  const encoder = new TextEncoder();
  const byContent = new Map<string, { raw: Uint8Array; crc: number }>();
  return files.map((f): ZipEntry => {
    let known = byContent.get(f.content);
    if (!known) {
      const raw = encoder.encode(f.content);
      known = { raw, crc: crc32(raw) };
      byContent.set(f.content, known);
    }
    return { path: f.path, raw: known.raw, crc: known.crc };
  });
}

/**
 * `zipFilesSync` for files already encoded: `textLength` is the total length of their text (in
 * UTF-16 code units, as `string.length` counts), which decides whether anything is compressed.
 * The same files give the same bytes by either function. With `kept`, an array compressed by an
 * earlier call is not compressed again.
 */
export function zipEntriesSync(
  entries: readonly ZipEntry[],
  textLength: number,
  kept?: PackCache,
  options: ZipOptions = {},
): Uint8Array {
  const zip = layOut(packEntries(entries, textLength, kept), options.forceZip64 === true);
  let out: Uint8Array;
  try {
    out = new Uint8Array(zip.length);
  } catch {
    throw new Error(
      `The project's zip would take ${Math.ceil(zip.length / 1024 / 1024)} MB, more than can be held in memory here.`,
    );
  }
  const w = new LittleEndian(out);
  for (const r of zip.records) writeLocal(w, r);
  writeCentral(w, zip);
  return out;
}

/**
 * A zip made by `zipEntriesBlob`, with where each file's local record (its header and data) lies
 * in it, so that the next zip can take the records that did not change from this one.
 */
export interface ZipBlob {
  blob: Blob;
  /** Path → the packed data written for it, and its local record's start and end in `blob`. */
  records: Map<string, ZipRecord>;
  forceZip64: boolean;
  /** How many bytes of local records were taken from the previous zip (for tests and the bench). */
  reusedBytes: number;
}

/**
 * `zipEntriesSync` as a `Blob`, the same bytes. With `previous` (the last zip made this way),
 * each run of local records that `previous` has already, in the same order and with the same
 * packed data (the same object, from `kept`), is a slice of `previous.blob` rather than a copy:
 * a local record holds no offset, so it is the same bytes wherever it lies. Only the changed
 * records and the central directory are written. In a browser a slice refers to the bytes it was
 * cut from, so an edit of a few files in a large project copies only those files.
 */
export function zipEntriesBlob(
  entries: readonly ZipEntry[],
  textLength: number,
  kept?: PackCache,
  previous?: ZipBlob | null,
  options: ZipOptions = {},
): ZipBlob {
  const forceZip64 = options.forceZip64 === true;
  const before = previous && previous.forceZip64 === forceZip64 ? previous : null;
  const zip = layOut(packEntries(entries, textLength, kept, before?.records), forceZip64);
  const parts: BlobPart[] = [];
  const records: ZipBlob['records'] = new Map();
  let run: Laid[] = [];
  let runBytes = 0;
  let slice: { start: number; end: number } | null = null;
  let reusedBytes = 0;
  const endRun = () => {
    if (run.length === 0) return;
    const out = new Uint8Array(runBytes);
    const w = new LittleEndian(out);
    for (const r of run) writeLocal(w, r);
    parts.push(out);
    run = [];
    runBytes = 0;
  };
  const endSlice = () => {
    if (slice && before) parts.push(before.blob.slice(slice.start, slice.end));
    slice = null;
  };
  for (const r of zip.records) {
    const size = localSize(r);
    records.set(r.path, { name: r.name, packed: r.packed, start: r.offset, end: r.offset + size });
    const old = r.before;
    if (old && old.packed === r.packed) {
      endRun();
      reusedBytes += size;
      if (slice && slice.end === old.start) slice.end = old.end;
      else {
        endSlice();
        slice = { start: old.start, end: old.end };
      }
    } else {
      endSlice();
      run.push(r);
      runBytes += size;
    }
  }
  endRun();
  endSlice();
  const central = new Uint8Array(zip.length - zip.centralStart);
  const w = new LittleEndian(central);
  writeCentral(w, zip, zip.centralStart);
  parts.push(central);
  return { blob: new Blob(parts, { type: 'application/zip' }), records, forceZip64, reusedBytes };
}

/** Where a file's local record lies in a zip, with the name and packed data written in it. */
interface ZipRecord {
  name: Uint8Array;
  packed: Packed;
  start: number;
  end: number;
}

/** A file's place in a zip: its name as written, its packed data and whether it needs ZIP64 fields. */
interface Laid {
  path: string;
  name: Uint8Array;
  utf8: boolean;
  packed: Packed;
  /** Its sizes do not fit 32 bits (ZIP64 in both headers). */
  big: boolean;
  /** Its offset does not fit 32 bits (ZIP64 in the central directory). */
  far: boolean;
  offset: number;
  /** The file's record in the zip before this one, if it had the path. */
  before?: ZipRecord;
}

interface LaidOut {
  records: Laid[];
  centralStart: number;
  centralSize: number;
  zip64End: boolean;
  force: boolean;
  length: number;
}

/** Each entry's data as the zip holds it: compressed or not by the size rules, each distinct array once. */
function packEntries(
  entries: readonly ZipEntry[],
  textLength: number,
  kept: PackCache | undefined,
  before?: ZipBlob['records'],
): Laid[] {
  const minDeflate = textLength <= ZIP_DEFLATE_UP_TO ? ZIP_STORE_BELOW : Infinity;
  const encoder = new TextEncoder();
  const packedByRaw = new Map<Uint8Array, Packed>();
  return entries.map((e) => {
    let packed = packedByRaw.get(e.raw);
    if (!packed) {
      const raw = e.raw;
      // compressed before, by the same rule: the same bytes again
      const before = kept?.get(raw);
      if (before && before.minDeflate === minDeflate && before.packed.crc === e.crc) packed = before.packed;
      else {
        const deflated = raw.length >= minDeflate ? deflateSync(raw, { level: ZIP_LEVEL }) : null;
        packed =
          deflated && deflated.length < raw.length
            ? { method: 8, crc: e.crc, size: raw.length, data: deflated }
            : { method: 0, crc: e.crc, size: raw.length, data: raw };
        kept?.set(raw, { minDeflate, packed });
      }
      packedByRaw.set(raw, packed);
    }
    const old = before?.get(e.path);
    const name = old ? old.name : encoder.encode(e.path);
    // placed by `layOut`
    return {
      path: e.path,
      name,
      utf8: name.length !== e.path.length,
      packed,
      big: false,
      far: false,
      offset: 0,
      before: old,
    };
  });
}

/**
 * Where each entry goes, and which of them need ZIP64 fields: sizes (in the local header and the
 * central directory) when one does not fit 32 bits, the offset (central directory only) likewise.
 */
function layOut(records: Laid[], force: boolean): LaidOut {
  let local = 0;
  let central = 0;
  for (const r of records) {
    const big = force || r.packed.data.length >= MAX_32 || r.packed.size >= MAX_32;
    const far = force || local >= MAX_32;
    r.big = big;
    r.far = far;
    r.offset = local;
    local += localSize(r);
    central += 46 + r.name.length + (big || far ? 4 + (big ? 16 : 0) + (far ? 8 : 0) : 0);
  }
  const zip64End = force || records.length >= MAX_16 || local >= MAX_32 || central >= MAX_32;
  const length = local + central + (zip64End ? ZIP64_END_SIZE + ZIP64_LOCATOR_SIZE : 0) + END_SIZE;
  return { records, centralStart: local, centralSize: central, zip64End, force, length };
}

/** The length of an entry's local record: its header, name, ZIP64 field if any, and data. */
const localSize = (r: { name: Uint8Array; big: boolean; packed: Packed }): number =>
  30 + r.name.length + (r.big ? 20 : 0) + r.packed.data.length;

/** What the local header and the central directory both say of an entry, from its flags on. */
function entryFields(w: LittleEndian, r: Laid, extraLength: number): void {
  const { u16, u32 } = w;
  const { packed, big } = r;
  u16(r.utf8 ? 0x0800 : 0);
  u16(packed.method);
  u16(DOS_TIME);
  u16(DOS_DATE);
  u32(packed.crc);
  u32(big ? MAX_32 : packed.data.length);
  u32(big ? MAX_32 : packed.size);
  u16(r.name.length);
  u16(extraLength);
}

/** An entry's local record: header, name, ZIP64 sizes if it needs them, data. */
function writeLocal(w: LittleEndian, r: Laid): void {
  const { u16, u32, u64 } = w;
  u32(0x04034b50); // local file header
  u16(r.big ? 45 : 20); // version needed: 2.0, or 4.5 for ZIP64
  entryFields(w, r, r.big ? 20 : 0);
  w.bytes(r.name);
  if (r.big) {
    u16(0x0001); // ZIP64 extended information: both sizes, in a local header
    u16(16);
    u64(r.packed.size);
    u64(r.packed.data.length);
  }
  w.bytes(r.packed.data);
}

/**
 * The central directory and the end records. `w` writes at `zip.centralStart` of the zip, or at
 * its own start when it holds only this part (`base` is then the zip's offset of `w`'s start).
 */
function writeCentral(w: LittleEndian, zip: LaidOut, base = 0): void {
  const { u16, u32, u64 } = w;
  for (const r of zip.records) {
    const { big, far, offset } = r;
    const extra = big || far ? 4 + (big ? 16 : 0) + (far ? 8 : 0) : 0;
    u32(0x02014b50); // central directory header
    u16(big || far ? 45 : 20); // made by: MS-DOS, version 2.0 (4.5 with ZIP64)
    u16(big || far ? 45 : 20);
    entryFields(w, r, extra);
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(far ? MAX_32 : offset);
    w.bytes(r.name);
    if (extra > 0) {
      // only the fields that hold MAX_32 above, in this order
      u16(0x0001);
      u16(extra - 4);
      if (big) {
        u64(r.packed.size);
        u64(r.packed.data.length);
      }
      if (far) u64(offset);
    }
  }
  const centralSize = base + w.at - zip.centralStart;
  w.bytes(endRecords(zip.records.length, centralSize, zip.centralStart, zip.zip64End, zip.force));
}

/** Writes little-endian numbers and bytes into an array, one after the other. */
class LittleEndian {
  at = 0;
  private readonly view: DataView;
  constructor(private readonly out: Uint8Array) {
    this.view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  }
  u16 = (v: number): void => {
    this.view.setUint16(this.at, v, true);
    this.at += 2;
  };
  u32 = (v: number): void => {
    this.view.setUint32(this.at, v, true);
    this.at += 4;
  };
  u64 = (v: number): void => {
    this.view.setBigUint64(this.at, BigInt(v), true);
    this.at += 8;
  };
  bytes(data: Uint8Array): void {
    this.out.set(data, this.at);
    this.at += data.length;
  }
}

/**
 * The records that end a zip whose central directory of `count` entries takes `centralSize` bytes
 * from `centralStart`: with `zip64`, the ZIP64 end of central directory record and its locator,
 * then the classic end record, whose fields that do not fit (all of them, with `force`) say to
 * look at the ZIP64 record. Without, the classic end record alone.
 */
export function endRecords(
  count: number,
  centralSize: number,
  centralStart: number,
  zip64: boolean = count >= MAX_16 || centralSize >= MAX_32 || centralStart >= MAX_32,
  force = false,
): Uint8Array {
  const out = new Uint8Array((zip64 ? ZIP64_END_SIZE + ZIP64_LOCATOR_SIZE : 0) + END_SIZE);
  const w = new LittleEndian(out);
  const { u16, u32, u64 } = w;
  if (zip64) {
    const recordAt = centralStart + centralSize;
    u32(0x06064b50); // ZIP64 end of central directory record
    u64(ZIP64_END_SIZE - 12); // its size after this field
    u16(45); // made by: MS-DOS, version 4.5
    u16(45); // version needed
    u32(0); // this disk
    u32(0); // the disk where the central directory starts
    u64(count); // entries on this disk
    u64(count); // entries in all
    u64(centralSize);
    u64(centralStart);
    u32(0x07064b50); // ZIP64 end of central directory locator
    u32(0); // the disk with the ZIP64 record
    u64(recordAt);
    u32(1); // disks in all
  }
  const fit16 = (v: number) => (force || v >= MAX_16 ? MAX_16 : v);
  const fit32 = (v: number) => (force || v >= MAX_32 ? MAX_32 : v);
  u32(0x06054b50); // end of central directory
  u16(0);
  u16(0);
  u16(zip64 ? fit16(count) : count);
  u16(zip64 ? fit16(count) : count);
  u32(zip64 ? fit32(centralSize) : centralSize);
  u32(zip64 ? fit32(centralStart) : centralStart);
  u16(0); // comment length
  return out;
}

/** `zipFilesSync`, for callers that await. */
export async function zipFiles(files: readonly GeneratedFile[]): Promise<Uint8Array> {
  return zipFilesSync(files);
}
