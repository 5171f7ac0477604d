import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ZIP_DATE, zipFiles } from './zip';

const files = [
  { path: 'README.md', content: '# demo\n' },
  { path: 'services/a/main.py', content: 'print("名前")\n'.repeat(50) },
];

describe('zipFiles', () => {
  it('gives the same bytes every time, whatever the clock', async () => {
    const a = await zipFiles(files);
    await new Promise((r) => setTimeout(r, 1100));
    const b = await zipFiles(files);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it('holds exactly the files, UTF-8 intact, dated 2000-01-01, deflated, without folder entries', async () => {
    const zip = await JSZip.loadAsync(await zipFiles(files));
    expect(Object.keys(zip.files)).toEqual(['README.md', 'services/a/main.py']);
    expect(await zip.file('services/a/main.py')?.async('string')).toBe(files[1]?.content);
    for (const entry of Object.values(zip.files)) expect(entry.date.getTime()).toBe(ZIP_DATE.getTime());
    const bytes = await zipFiles(files);
    // local header of the first entry: compression method 8 (DEFLATE) at offset 8
    expect(bytes[8]).toBe(8);
    expect(bytes.length).toBeLessThan(files.reduce((n, f) => n + f.content.length, 0));
  });
});
