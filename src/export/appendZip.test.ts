import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { shopDesign } from '../core/generators/compose/testDesigns';
import { generateProject } from '../core/generators/project';
import { exportFiles, withManifest } from '../core/record/exportFiles';
import { designFiles } from '../core/record/manifest';
import { moveNodes } from '../core/ops/ops';
import { appendToZipBlob, appendToZipSync, DESIGN_DEFLATE_UP_TO } from './appendZip';
import { designTextFromZip } from './readZip';
import { zipProject } from './projectZip';
import { zipFilesSync } from './zip';

describe('the project zip', () => {
  it('holds every file of exportFiles, in order, with good CRCs', async () => {
    const design = shopDesign();
    const files = exportFiles(design);
    const { zip, fileCount } = await zipProject(design);
    expect(fileCount).toBe(files.length);
    const read = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual(files.map((f) => f.path));
    for (const f of files) expect(await read.file(f.path)?.async('string'), f.path).toBe(f.content);
    // the same bytes as zipping all of them in one go (a small project: the same compression rules)
    expect(Buffer.from(zipFilesSync(files)).equals(Buffer.from(zip))).toBe(true);
  });

  it('is the same whether the design is added on the page (to a Blob) or at once', async () => {
    const design = shopDesign();
    const blob = await appendToZipBlob(
      new Blob([zipFilesSync(withManifest(generateProject(design))) as BlobPart]),
      designFiles(design),
    );
    expect(Buffer.from(await blob.arrayBuffer()).equals(Buffer.from((await zipProject(design)).zip))).toBe(true);
  });

  it('carries the layout of the design at the click, on a zip made before a card was moved', async () => {
    const design = shopDesign();
    const early = new Blob([zipFilesSync(withManifest(generateProject(design))) as BlobPart]);
    const first = design.nodes[0];
    if (!first) throw new Error('shop has nodes');
    const moved = moveNodes(design, new Map([[first.id, { x: 1234, y: 567 }]]));
    const read = await JSZip.loadAsync(await (await appendToZipBlob(early, designFiles(moved))).arrayBuffer());
    const saved = JSON.parse((await read.file('polyglot.design.json')?.async('string')) ?? '{}') as typeof design;
    expect(saved.nodes.find((n) => n.id === first.id)?.position).toEqual({ x: 1234, y: 567 });
  });
});

describe('the manifest', () => {
  it('lists every generated file with the SHA-256 of its UTF-8 bytes, and itself or the design not', () => {
    const files = exportFiles(shopDesign());
    const manifest = JSON.parse(files.find((f) => f.path === '.polyglot/manifest.json')?.content ?? '{}') as {
      generator: { name: string; version: string };
      files: Record<string, string>;
    };
    const generated = files.filter((f) => !f.path.startsWith('.polyglot/') && f.path !== 'polyglot.design.json');
    expect(Object.keys(manifest.files)).toEqual(generated.map((f) => f.path));
    for (const f of generated)
      expect(manifest.files[f.path], f.path).toBe(createHash('sha256').update(f.content, 'utf8').digest('hex'));
    expect(manifest.generator.name).toBe('polyglot-canvas');
  });
});

describe('adding the design to a ZIP64 zip', () => {
  const many = Array.from({ length: 66_000 }, (_, i) => ({ path: `f/${i}.txt`, content: `${i}\n` }));

  for (const [name, zip] of [
    ['of more than 65,535 files', () => zipFilesSync(many)],
    ['with every ZIP64 field', () => zipFilesSync(exportFiles(shopDesign()).slice(0, 20), { forceZip64: true })],
  ] as const) {
    it(`keeps every file and adds the design, on the page as at once (${name})`, async () => {
      const design = shopDesign();
      const base = zip();
      const added = designFiles(design);
      const sync = appendToZipSync(base, added);
      const blob = await appendToZipBlob(new Blob([base as BlobPart]), added);
      expect(Buffer.from(await blob.arrayBuffer()).equals(Buffer.from(sync))).toBe(true);
      const read = await JSZip.loadAsync(sync, { checkCRC32: true });
      const before = Object.keys((await JSZip.loadAsync(base)).files);
      expect(Object.keys(read.files)).toEqual([...before, ...added.map((f) => f.path)]);
      const opened = designTextFromZip(sync);
      expect(opened.ok && JSON.parse(opened.text).name).toBe(design.name);
    });
  }
});

describe('the design added to a large project', () => {
  const methods = (zip: Uint8Array) => {
    // compression method of each local header, by file name
    const out = new Map<string, number>();
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; view.getUint32(at, true) === 0x04034b50;) {
      const nameLength = view.getUint16(at + 26, true);
      const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
      out.set(name, view.getUint16(at + 8, true));
      at += 30 + nameLength + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
    }
    return out;
  };

  it('is stored when its files hold over DESIGN_DEFLATE_UP_TO characters, compressed below, and reads back', async () => {
    const base = zipFilesSync([{ path: 'README.md', content: 'x' }]);
    const half = Math.floor(DESIGN_DEFLATE_UP_TO / 2);
    for (const [size, method] of [
      [half - 100, 8],
      [half + 10, 0],
    ] as const) {
      const content = `{"name":"${'a'.repeat(size)}"}`;
      const files = [
        { path: 'polyglot.design.json', content },
        { path: '.polyglot/base.design.json', content },
      ];
      const zip = appendToZipSync(base, files);
      expect(methods(zip).get('polyglot.design.json'), `${size}`).toBe(method);
      const read = await JSZip.loadAsync(zip, { checkCRC32: true });
      expect(await read.file('polyglot.design.json')?.async('string')).toBe(content);
    }
  });
});
