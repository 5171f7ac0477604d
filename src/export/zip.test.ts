import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { GeneratedFile } from '../core/generators/types';
import {
  crc32,
  ZIP_DATE,
  ZIP_DEFLATE_UP_TO,
  ZIP_STORE_BELOW,
  zipEntriesBlob,
  zipEntriesOf,
  zipEntriesSync,
  zipFiles,
  zipFilesSync,
  type PackCache,
  type ZipBlob,
  type ZipEntry,
} from './zip';

const files = [
  { path: 'README.md', content: '# demo\n' },
  { path: 'services/a/main.py', content: 'print("名前")\n'.repeat(50) },
  { path: 'services/b/main.py', content: 'print("名前")\n'.repeat(50) },
  { path: 'services/ü/x.txt', content: 'ü' },
];

/** The compression method of each entry, read from the central directory. */
function methods(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    out.push(view.getUint16(at + 10, true));
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

describe('crc32', () => {
  it('is the zip CRC-32 of any bytes, whatever their length and alignment', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 131 + 7) & 0xff);
    for (let start = 0; start < 9; start++)
      for (let end = start; end <= bytes.length; end += 13) {
        const part = bytes.subarray(start, end);
        expect(crc32(part)).toBe(zlibCrc32(part));
      }
  });
});

describe('zipFiles', () => {
  it('gives the same bytes every time, whatever the clock', async () => {
    const a = await zipFiles(files);
    await new Promise((r) => setTimeout(r, 1100));
    const b = await zipFiles(files);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it('holds exactly the files in order, UTF-8 intact, dated 2000-01-01, CRCs right, without folder entries', async () => {
    const zip = await JSZip.loadAsync(await zipFiles(files), { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(files.map((f) => f.path));
    for (const f of files) expect(await zip.file(f.path)?.async('string')).toBe(f.content);
    for (const entry of Object.values(zip.files)) expect(entry.date.getTime()).toBe(ZIP_DATE.getTime());
  });

  it(`deflates files of ${ZIP_STORE_BELOW} bytes or more and stores smaller ones`, async () => {
    const bytes = await zipFiles(files);
    expect(methods(bytes)).toEqual([0, 8, 8, 0]);
    // the repeated content is in the zip twice, but compressed only once: both entries are as small
    expect(bytes.length).toBeLessThan(files.reduce((n, f) => n + f.content.length, 0));
  });

  it('stores every file of a project too large to deflate quickly', async () => {
    const chunk = 'x'.repeat(1024 * 1024);
    const big = Array.from({ length: Math.ceil(ZIP_DEFLATE_UP_TO / chunk.length) + 1 }, (_, i) => ({
      path: `big/${i}.txt`,
      content: chunk,
    }));
    const bytes = await zipFiles([...files, ...big]);
    expect(new Set(methods(bytes))).toEqual(new Set([0]));
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await zip.file('services/a/main.py')?.async('string')).toBe(files[1]?.content);
    expect((await zip.file('big/0.txt')?.async('string'))?.length).toBe(chunk.length);
  });

  it('writes no ZIP64 record while every count, size and offset fits', async () => {
    const bytes = await zipFiles(files);
    expect(hasSignature(bytes, 0x06064b50)).toBe(false);
    expect(hasSignature(bytes, 0x07064b50)).toBe(false);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // the classic end record is right after the central directory
    expect(view.getUint32(bytes.length - 22 + 12, true) + view.getUint32(bytes.length - 22 + 16, true)).toBe(
      bytes.length - 22,
    );
  });
});

describe('ZIP64', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ path: `d${i % 97}/f${i}.txt`, content: i % 3 ? `file ${i}\n` : '' }));

  it('holds more than 65,535 files, with ZIP64 end records that readers follow', async () => {
    const list = many(70_000);
    const bytes = await zipFiles(list);
    expect(hasSignature(bytes, 0x06064b50)).toBe(true);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint16(bytes.length - 22 + 10, true)).toBe(0xffff);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(list.map((f) => f.path));
    for (const i of [0, 1, 65_534, 65_535, 65_536, 69_999])
      expect(await zip.file(list[i]?.path ?? '')?.async('string')).toBe(list[i]?.content);
    const read = unzipSync(bytes);
    expect(Object.keys(read).length).toBe(list.length);
    expect(strFromU8(read['d5/f69999.txt'] ?? new Uint8Array())).toBe(list[69_999]?.content);
  });

  it('starts at exactly 65,535 files, whose count the classic field cannot tell from "see ZIP64"', async () => {
    const at = await zipFiles(many(0xffff));
    const below = await zipFiles(many(0xfffe));
    expect(hasSignature(at, 0x06064b50)).toBe(true);
    expect(hasSignature(below, 0x06064b50)).toBe(false);
    expect(Object.keys((await JSZip.loadAsync(at)).files).length).toBe(0xffff);
    expect(Object.keys((await JSZip.loadAsync(below)).files).length).toBe(0xfffe);
  });

  it('writes every ZIP64 field (sizes, offsets, end records) so that readers take the same files', async () => {
    const bytes = zipFilesSync(files, { forceZip64: true });
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(files.map((f) => f.path));
    for (const f of files) expect(await zip.file(f.path)?.async('string')).toBe(f.content);
    const read = unzipSync(bytes);
    for (const f of files) expect(strFromU8(read[f.path] ?? new Uint8Array())).toBe(f.content);
  });

  for (const [name, command] of [
    ['Info-ZIP unzip -tq', ['unzip', '-tq']],
    ["Python's zipfile", ['python3', '-c', PYTHON_TEST]],
  ] as const) {
    it.skipIf(!runs(command[0]))(`passes ${name}, forced and with more than 65,535 files`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'zip64-'));
      try {
        for (const [file, bytes] of [
          ['forced.zip', zipFilesSync(files, { forceZip64: true })],
          ['many.zip', zipFilesSync(many(70_000))],
        ] as const) {
          writeFileSync(join(dir, file), bytes);
          const out = execFileSync(command[0], [...command.slice(1), join(dir, file)], { encoding: 'utf8' });
          expect(out).toMatch(/No errors detected|^ok \d+/m);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

/** Tests a zip with Python's zipfile: every CRC (testzip) and the number of entries. */
const PYTHON_TEST =
  'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nbad = z.testzip()\nprint("bad " + bad if bad else "ok %d" % len(z.infolist()))';

/** Whether a program is there to run. */
function runs(program: string): boolean {
  try {
    execFileSync(program, program === 'unzip' ? ['-v'] : ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether a record signature appears anywhere in the bytes. */
function hasSignature(bytes: Uint8Array, signature: number): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === signature) return true;
  return false;
}

describe('zipEntriesBlob', () => {
  const project = (n: number, tag = ''): GeneratedFile[] =>
    Array.from({ length: n }, (_, i) => ({
      path: `svc-${String(i).padStart(3, '0')}/main.txt`,
      content: `service ${i}${tag && i % 7 === 3 ? tag : ''}\n`.repeat(40 + (i % 5)),
    }));
  const text = (files: readonly GeneratedFile[]) => files.reduce((n, f) => n + f.content.length, 0);
  const bytes = async (b: Blob) => Buffer.from(await b.arrayBuffer());

  it('is the bytes of zipEntriesSync, alone or after another zip whose records it takes', async () => {
    const kept: PackCache = new WeakMap();
    const byContent = new Map<string, ZipEntry>();
    // the same content gives the same array, as the export worker's cache does
    const entriesOf = (files: readonly GeneratedFile[]) =>
      zipEntriesOf(files).map((e, i) => {
        const content = files[i]?.content ?? '';
        const known = byContent.get(content);
        if (known) return { ...known, path: e.path };
        byContent.set(content, e);
        return e;
      });
    const versions = [
      project(60),
      project(60, ' (edited)'), // some files changed
      [...project(60, ' (edited)'), { path: 'svc-030/added.txt', content: 'new\n' }], // one added in the middle
      project(60, ' (edited)').filter((_, i) => i !== 10 && i !== 11), // two gone
      project(60, ' (edited)').map((f, i) => (i === 5 ? { ...f, path: 'svc-005/moved.txt' } : f)), // a new path
      project(60, ' (edited)').map((f, i) => (i < 59 ? f : { ...f, content: 'a big one\n'.repeat(5000) })),
    ];
    let previous: ZipBlob | null = null;
    for (const [i, files] of versions.entries()) {
      const entries = entriesOf(files);
      const made = zipEntriesBlob(entries, text(files), kept, previous);
      const sync = zipEntriesSync(entries, text(files), kept);
      expect((await bytes(made.blob)).equals(Buffer.from(sync)), `version ${i}`).toBe(true);
      if (i > 0) expect(made.reusedBytes, `version ${i}`).toBeGreaterThan(sync.length / 2);
      previous = made;
    }
    // nothing taken when there is nothing before it
    expect(zipEntriesBlob(entriesOf(versions[0] ?? []), 1, kept).reusedBytes).toBe(0);
  });

  it('takes nothing from a zip whose data for a path was packed differently, and follows forceZip64', async () => {
    const files = project(20);
    const a = zipEntriesBlob(zipEntriesOf(files), text(files), new WeakMap());
    // new arrays, a new cache: the same bytes, but not known to be, so written again
    const b = zipEntriesBlob(zipEntriesOf(files), text(files), new WeakMap(), a);
    expect(b.reusedBytes).toBe(0);
    expect((await bytes(b.blob)).equals(await bytes(a.blob))).toBe(true);
    const kept: PackCache = new WeakMap();
    const entries = zipEntriesOf(files);
    const c = zipEntriesBlob(entries, text(files), kept);
    const forced = zipEntriesBlob(entries, text(files), kept, c, { forceZip64: true });
    expect(forced.reusedBytes).toBe(0);
    const sync = zipEntriesSync(entries, text(files), kept, { forceZip64: true });
    expect((await bytes(forced.blob)).equals(Buffer.from(sync))).toBe(true);
    const back = zipEntriesBlob(entries, text(files), kept, c);
    expect(back.reusedBytes).toBeGreaterThan(0);
  });
});
