import type { GeneratedFile } from '../generators/types';
import type { Design } from '../model/types';
import { sha256OfText } from './sha256';
import { projectDesign } from './secrets';

/** The design the project came from, at the project's root: File → Open takes the zip or folder. */
export const DESIGN_PATH = 'polyglot.design.json';
/** The design the files were last generated from: the base of the next three-way update. */
export const BASE_DESIGN_PATH = '.polyglot/base.design.json';
/** Every generated file with the SHA-256 of its content, and the generator's version. */
export const MANIFEST_PATH = '.polyglot/manifest.json';
/** The files an export writes about itself (never merged: an update rewrites them). */
export const RECORD_PATHS: readonly string[] = [DESIGN_PATH, BASE_DESIGN_PATH, MANIFEST_PATH];

/** Who generated the files; the version is package.json's (a test keeps them equal). */
export const GENERATOR = { name: 'polyglot-canvas', version: '0.1.0' } as const;

const FORMAT = 'polyglot-canvas/manifest';
const VERSION = 1;

/** A manifest as read back: the generator that wrote it and each file's SHA-256 by path. */
export interface Manifest {
  generator: { name: string; version: string };
  files: Map<string, string>;
}

/** The JSON text of a design as File → Save writes it. */
export function designText(design: Design): string {
  return JSON.stringify(design, null, 2) + '\n';
}

/** The design files of an export, in the order the zip ends with them. */
export function designFiles(design: Design): GeneratedFile[] {
  const content = designText(projectDesign(design));
  return [
    { path: DESIGN_PATH, content },
    { path: BASE_DESIGN_PATH, content },
  ];
}

/** The manifest's text, from each generated file's path and SHA-256 (any order; written sorted). */
export function manifestText(hashes: readonly { path: string; sha256: string }[]): string {
  const sorted = [...hashes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files: Record<string, string> = {};
  for (const h of sorted) files[h.path] = h.sha256;
  const manifest = {
    format: FORMAT,
    version: VERSION,
    about:
      'Every generated file of this project with the SHA-256 of its content as generated. `polyglot-canvas update` (or Export → Update a project folder… in the app) compares it with the files on disk to keep your changes. Do not edit.',
    generator: GENERATOR,
    design: DESIGN_PATH,
    files,
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** The manifest file of some generated files. */
export function manifestFile(files: readonly GeneratedFile[]): GeneratedFile {
  return {
    path: MANIFEST_PATH,
    content: manifestText(files.map((f) => ({ path: f.path, sha256: sha256OfText(f.content) }))),
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a manifest's text; never throws. Paths are not checked here: the update planner does. */
export function readManifest(text: string): { ok: true; manifest: Manifest } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${MANIFEST_PATH} is not valid JSON (${(e as Error).message}).` };
  }
  if (!isObj(data) || data.format !== FORMAT)
    return { ok: false, error: `${MANIFEST_PATH} is not a polyglot-canvas manifest.` };
  if (typeof data.version !== 'number' || data.version > VERSION)
    return {
      ok: false,
      error: `${MANIFEST_PATH} has version ${String(data.version)}, newer than this polyglot-canvas reads (${VERSION}); update polyglot-canvas.`,
    };
  const gen = isObj(data.generator) ? data.generator : {};
  const files = new Map<string, string>();
  if (!isObj(data.files)) return { ok: false, error: `${MANIFEST_PATH} lists no files.` };
  for (const [path, hash] of Object.entries(data.files)) {
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))
      return { ok: false, error: `${MANIFEST_PATH}: the hash of ${JSON.stringify(path)} is not a SHA-256.` };
    files.set(path, hash);
  }
  return {
    ok: true,
    manifest: {
      generator: {
        name: typeof gen.name === 'string' ? gen.name : 'unknown',
        version: typeof gen.version === 'string' ? gen.version : 'unknown',
      },
      files,
    },
  };
}
