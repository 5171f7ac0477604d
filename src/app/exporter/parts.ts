import { generateAsyncApi } from '../../core/generators/asyncapi';
import { generateCompose } from '../../core/generators/compose';
import { generateDocs } from '../../core/generators/docs';
import { generateHelm } from '../../core/generators/helm';
import { generateKubernetes } from '../../core/generators/kubernetes';
import { generateOpenApi } from '../../core/generators/openapi';
import { assembleFiles, byPath, serviceFiles } from '../../core/generators/project';
import { generateProto } from '../../core/generators/proto';
import type { Design, GeneratedFile } from '../../core';
import { wireServices } from '../../core/model/wiring';
import { crc32, zipEntriesSync, type ZipEntry } from '../../export/zip';
import { withManifestEntry } from './manifestEntry';

/**
 * A large export made in parts, side by side: each part generates some of the project's files
 * (whole-design documents, or the stubs of a range of services) and encodes them; one part then
 * adds the README and Makefile (which list every other file), checks and sorts all paths, and
 * writes the zip. The result is byte for byte `zipFilesSync(withManifest(generateProject(design)))`.
 */

/** A share of the work: a whole-design generator, or the stubs of services `[from, to)`. */
export type PartTask =
  | { kind: 'compose' | 'kubernetes' | 'proto' | 'openapi' | 'asyncapi' }
  | { kind: 'services'; from: number; to: number };

/** A part's files, encoded: each distinct content once, in `bytes`. */
export interface PartFiles {
  paths: string[];
  /** For each path, which distinct content it has. */
  refs: number[];
  /** Where each distinct content starts in `bytes`; one more entry marks the end of the last. */
  starts: number[];
  crcs: number[];
  /** The total length of the part's text, in UTF-16 code units (what `string.length` counts). */
  textLength: number;
  bytes: Uint8Array;
}

/** Designs with fewer services than this are exported in one piece: a part costs a worker's start-up. */
export const PARTS_FROM_SERVICES = 400;

// Rough cost of each task per service, a service's stubs being 1 (CPU time of each part at
// 2,000 services, bench/designs.ts).
const COST = { compose: 0.25, kubernetes: 0.25, proto: 0.1, openapi: 0.3, asyncapi: 0.01, service: 1 };
/** What the part that also writes the README, the Makefile and the zip spends on that, per service. */
const JOIN_COST = 0.4;

/**
 * The tasks of `parts` parts, balanced by their rough cost. Part 0 also joins the others, so it
 * gets less; the services are split into contiguous ranges.
 */
export function planParts(design: Design, parts: number): PartTask[][] {
  const services = wireServices(design).length;
  const plan: PartTask[][] = Array.from({ length: parts }, () => []);
  const load = plan.map((_, i) => (i === 0 ? JOIN_COST * services : 0));
  const lightest = () => load.indexOf(Math.min(...load));
  for (const kind of ['openapi', 'kubernetes', 'compose', 'proto', 'asyncapi'] as const) {
    const i = lightest();
    plan[i]?.push({ kind });
    load[i] = (load[i] ?? 0) + COST[kind] * services;
  }
  // the services fill each part up to an even share of the whole
  const total = load.reduce((a, b) => a + b, 0) + COST.service * services;
  let from = 0;
  for (let i = 0; i < parts; i++) {
    const room = Math.max(0, total / parts - (load[i] ?? 0));
    const to = i === parts - 1 ? services : Math.min(services, from + Math.round(room / COST.service));
    if (to > from) plan[i]?.push({ kind: 'services', from, to });
    from = to;
  }
  return plan;
}

function taskFiles(design: Design, task: PartTask): GeneratedFile[] {
  switch (task.kind) {
    case 'compose':
      return generateCompose(design);
    case 'kubernetes':
      return [...generateKubernetes(design), ...generateHelm(design)];
    case 'proto':
      return generateProto(design);
    case 'openapi':
      return generateOpenApi(design);
    case 'asyncapi':
      return generateAsyncApi(design);
    case 'services':
      return serviceFiles(design, task.from, task.to);
  }
}

/** Encodes files into one buffer, each distinct content once. */
export function encodeFiles(files: readonly GeneratedFile[]): PartFiles {
  const encoder = new TextEncoder();
  let textLength = 0;
  for (const f of files) textLength += f.content.length;
  let bytes = new Uint8Array(textLength + 1024);
  let at = 0;
  const paths: string[] = [];
  const refs: number[] = [];
  const starts: number[] = [];
  const crcs: number[] = [];
  const known = new Map<string, number>();
  for (const f of files) {
    let ref = known.get(f.content);
    if (ref === undefined) {
      // UTF-8 takes at most three bytes per UTF-16 code unit
      if (bytes.length - at < f.content.length * 3) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, at + f.content.length * 3));
        grown.set(bytes.subarray(0, at));
        bytes = grown;
      }
      const { written } = encoder.encodeInto(f.content, bytes.subarray(at));
      ref = starts.length;
      starts.push(at);
      crcs.push(crc32(bytes.subarray(at, at + written)));
      at += written;
      known.set(f.content, ref);
    }
    paths.push(f.path);
    refs.push(ref);
  }
  starts.push(at);
  return { paths, refs, starts, crcs, textLength, bytes: bytes.subarray(0, at) };
}

/** Generates and encodes the files of some tasks: a part's work, in whichever worker runs it. */
export function makePart(design: Design, tasks: readonly PartTask[]): PartFiles {
  return encodeFiles(tasks.flatMap((t) => taskFiles(design, t)));
}

/**
 * Joins the parts of a design's export into its zip: adds the README, the Makefile and the
 * manifest, checks every
 * path (throws `ProjectPathError` as `generateProject` does) and writes the zip in path order.
 */
export async function joinParts(
  design: Design,
  parts: readonly PartFiles[],
): Promise<{ zip: Uint8Array; fileCount: number }> {
  const entries: ZipEntry[] = [];
  let textLength = 0;
  const add = (part: PartFiles) => {
    const raws = part.crcs.map((_, i) => part.bytes.subarray(part.starts[i], part.starts[i + 1]));
    part.paths.forEach((path, i) => {
      const ref = part.refs[i] ?? 0;
      entries.push({ path, raw: raws[ref] as Uint8Array, crc: part.crcs[ref] ?? 0 });
    });
    textLength += part.textLength;
  };
  parts.forEach(add);
  entries.sort(byPath);
  add(
    encodeFiles(
      generateDocs(
        design,
        entries.map((e) => e.path),
      ),
    ),
  );
  const withManifest = await withManifestEntry(entries);
  const sorted = assembleFiles(withManifest.entries);
  return { zip: zipEntriesSync(sorted, textLength + withManifest.textLength), fileCount: sorted.length };
}
