import type { Design } from '../../core';
import type { ContractImportRequest, ContractImportResult } from '../../core/importers/contracts';

/**
 * The import worker's protocol. Any importer whose input is text and whose output is a design
 * runs behind it (compose now; Kubernetes manifests by adding themselves to `importers.ts`), and
 * so do contract imports: `.proto`, OpenAPI and AsyncAPI files into the current design.
 */

/** What an importer gives: a new design and what could not be mapped, or why there is none. */
export type ImportResult =
  { ok: true; design: Design; warnings: string[] } | { ok: false; error: string; warnings: string[] };

/** The importers of one text file the worker knows, by name. */
export type ImporterName = 'compose' | 'kubernetes';

/** A file of a folder of manifests: its path in the folder ('/' separated) and its text. */
export interface ManifestFile {
  name: string;
  text: string;
}

/**
 * What the page asks the import worker: one text file for an importer, the files of a folder of
 * Kubernetes manifests (or several chosen together), or contract files.
 */
export type ImportRequest =
  | { id: number; importer: ImporterName; text: string; fileName: string }
  | { id: number; importer: 'manifests'; files: ManifestFile[]; label: string }
  | { id: number; importer: 'contracts'; request: ContractImportRequest };

/** What the worker answers. */
export interface ImportResponse<R = ImportResult> {
  id: number;
  result: R;
}

export type { ContractImportRequest, ContractImportResult };
