import type { Design } from '../../core';

/**
 * The import worker's protocol. Any importer whose input is text and whose output is a design
 * runs behind it: the compose importer now, others (Kubernetes manifests, .proto, OpenAPI) by
 * adding themselves to `importers.ts`.
 */

/** What an importer gives: a new design and what could not be mapped, or why there is none. */
export type ImportResult =
  { ok: true; design: Design; warnings: string[] } | { ok: false; error: string; warnings: string[] };

/** The importers the worker knows, by name. */
export type ImporterName = 'compose' | 'kubernetes';

/** What the page asks the import worker. */
export interface ImportRequest {
  id: number;
  importer: ImporterName;
  text: string;
  fileName: string;
}

/** What the worker answers. */
export interface ImportResponse {
  id: number;
  result: ImportResult;
}
