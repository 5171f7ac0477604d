import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32, ZIP_DATE, ZIP_DEFLATE_UP_TO, ZIP_STORE_BELOW, zipFiles } from './zip';

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

  it('refuses more files than a zip can hold', async () => {
    const many = Array.from({ length: 0x10000 }, (_, i) => ({ path: `f${i}`, content: '' }));
    await expect(zipFiles(many)).rejects.toThrow(/at most 65535 files/);
  });
});
