import { describe, expect, it } from 'vitest';
import { generateProject, ProjectPathError } from '../../core/generators/project';
import { hostileDesign, scenarios, shopDesign } from '../../core/generators/compose/testDesigns';
import { wireServices } from '../../core/model/wiring';
import { withManifest } from '../../core/record/exportFiles';
import type { Design } from '../../core';
import { zipFilesSync, ZIP_DEFLATE_UP_TO } from '../../export/zip';
import { loadFixture, fixtureNames } from '../../../test/fixtures/load';
import { exportZip, exportZipInParts, type PartRunner } from './exportZip';
import { encodeFiles, joinParts, makePart, planParts } from './parts';

const designs = (): [string, Design][] => [
  ...scenarios(),
  ...fixtureNames().map((n): [string, Design] => [n, loadFixture(n)]),
];

/** Makes every part of the plan here, each from its own copy of the design (as a worker would get). */
const inParts = (design: Design, parts: number) =>
  joinParts(
    design,
    planParts(design, parts).map((tasks) => makePart(structuredClone(design), tasks)),
  );

const bytesOf = async (b: Blob | null): Promise<Uint8Array | null> =>
  b ? new Uint8Array(await b.arrayBuffer()) : null;
const same = (a: Uint8Array | null | undefined, b: Uint8Array) =>
  a !== null && a !== undefined && Buffer.from(a).equals(Buffer.from(b));

/** A runner that makes the part here, as the part worker does. */
const here: PartRunner = { run: async (design, tasks) => makePart(structuredClone(design), tasks) };

describe('an export made in parts', () => {
  it('is the one-piece zip, byte for byte, however many parts', async () => {
    for (const [name, design] of designs()) {
      const files = withManifest(generateProject(design));
      const whole = zipFilesSync(files);
      for (const parts of [1, 2, 3, 4]) {
        const { zip, fileCount } = await inParts(design, parts);
        expect(fileCount, `${name} in ${parts}`).toBe(files.length);
        expect(same(zip, whole), `${name} in ${parts}`).toBe(true);
      }
    }
  });

  it('is the same when the project is too large to compress (everything stored)', async () => {
    const design = shopDesign();
    // the text total decides; the same large total given to both
    const padding = { path: 'zz/padding.txt', content: 'x'.repeat(ZIP_DEFLATE_UP_TO) };
    const whole = zipFilesSync(withManifest([...generateProject(design), padding]));
    const parts = planParts(design, 2).map((t) => makePart(design, t));
    const { zip } = await joinParts(design, [...parts, encodeFiles([padding])]);
    expect(same(zip, whole)).toBe(true);
  });

  it('plans every service once and every whole-design document once', () => {
    const design = shopDesign();
    const services = wireServices(design).length;
    for (const parts of [1, 2, 3, 4, 7]) {
      const plan = planParts(design, parts);
      expect(plan).toHaveLength(parts);
      const tasks = plan.flat();
      const kinds = tasks
        .map((t) => t.kind)
        .filter((k) => k !== 'services')
        .sort();
      expect(kinds).toEqual(['asyncapi', 'compose', 'kubernetes', 'openapi', 'proto']);
      const covered = tasks.flatMap((t) =>
        t.kind === 'services' ? Array.from({ length: t.to - t.from }, (_, i) => t.from + i) : [],
      );
      expect(covered).toEqual(Array.from({ length: services }, (_, i) => i));
    }
  });

  it('keeps UTF-8 and repeated contents apart in one buffer', () => {
    const part = encodeFiles([
      { path: 'a', content: 'ü名' },
      { path: 'b', content: 'plain' },
      { path: 'c', content: 'ü名' },
    ]);
    expect(part.refs).toEqual([0, 1, 0]);
    expect(new TextDecoder().decode(part.bytes.subarray(part.starts[0], part.starts[1]))).toBe('ü名');
    expect(new TextDecoder().decode(part.bytes.subarray(part.starts[1], part.starts[2]))).toBe('plain');
    expect(part.textLength).toBe(2 + 5 + 2);
  });

  it('refuses colliding paths as generateProject does', async () => {
    const design = shopDesign();
    const [part] = planParts(design, 1).map((t) => makePart(design, t));
    if (!part) throw new Error('no part');
    await expect(joinParts(design, [part, part])).rejects.toThrow(ProjectPathError);
  });
});

describe('exportZipInParts', () => {
  it('gives exportZip’s answer, made with the runners, for a design at the size given', async () => {
    const design = hostileDesign();
    let asked = 0;
    const runners = () => {
      asked++;
      return [here, here];
    };
    const parted = await exportZipInParts(3, design, runners, 1);
    const whole = await exportZip(3, design);
    expect(asked).toBe(1);
    if (!parted.ok || !whole.ok || !whole.zip) throw new Error('export failed');
    expect(parted.fileCount).toBe(whole.fileCount);
    expect(parted.issues).toEqual(whole.issues);
    expect(same(await bytesOf(parted.zip), new Uint8Array(await whole.zip.arrayBuffer()))).toBe(true);
  });

  it('does not start workers for a design under the size', async () => {
    let asked = 0;
    const answer = await exportZipInParts(1, shopDesign(), () => {
      asked++;
      return [here];
    });
    expect(asked).toBe(0);
    expect(answer.ok && answer.zip).toBeTruthy();
  });

  it('makes the export in one piece when a runner fails', async () => {
    const design = shopDesign();
    const broken: PartRunner = { run: () => Promise.reject(new Error('worker gone')) };
    const answer = await exportZipInParts(2, design, () => [broken], 1);
    const whole = await exportZip(2, design);
    if (!answer.ok || !whole.ok || !whole.zip) throw new Error('export failed');
    expect(same(await bytesOf(answer.zip), new Uint8Array(await whole.zip.arrayBuffer()))).toBe(true);
  });

  it('answers a design with an error with its issues and no zip', async () => {
    const design = shopDesign();
    const [a, b] = design.nodes;
    if (!a || !b) throw new Error('shop has nodes');
    const clash = { ...design, nodes: design.nodes.map((n) => (n === b ? { ...n, port: a.port } : n)) };
    const answer = await exportZipInParts(1, clash, () => [here], 1);
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.zip).toBeNull();
    expect(answer.issues.some((i) => i.severity === 'error')).toBe(true);
  });
});
