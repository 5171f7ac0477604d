import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../core/generators/project';
import { shopDesign } from '../../core/generators/compose/testDesigns';
import { withManifest } from '../../core/record/exportFiles';
import { exportZip } from './exportZip';

describe('exportZip', () => {
  it('zips exactly the generated project and its manifest, under the project file name', async () => {
    const design = shopDesign();
    const answer = await exportZip(7, design);
    if (!answer.ok || !answer.zip) throw new Error('no zip');
    expect(answer.id).toBe(7);
    expect(answer.fileName).toMatch(/\.zip$/);
    const files = withManifest(generateProject(design));
    expect(files.map((f) => f.path)).toContain('.polyglot/manifest.json');
    expect(answer.fileCount).toBe(files.length);
    const zip = await JSZip.loadAsync(answer.zip, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(files.map((f) => f.path));
    expect(await zip.file('compose.yaml')?.async('string')).toBe(files.find((f) => f.path === 'compose.yaml')?.content);
  });

  it('makes no zip for a design with an error, and says why', async () => {
    const design = shopDesign();
    const [a, b] = design.nodes;
    if (!a || !b) throw new Error('shop has nodes');
    const clash = { ...design, nodes: design.nodes.map((n) => (n === b ? { ...n, port: a.port } : n)) };
    const answer = await exportZip(1, clash);
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.zip).toBeNull();
    expect(answer.issues.some((i) => i.severity === 'error' && /port/.test(i.message))).toBe(true);
  });
});
