import type { Design, GeneratedFile } from '../../core';

/** What the page asks the generator worker. */
export interface GenerateRequest {
  seq: number;
  design: Design;
}

/** A problem that keeps the design from being exported as it is. */
export interface ExportIssue {
  severity: 'error' | 'warning';
  message: string;
  nodeId?: string;
  linkId?: string;
}

/** What the worker answers: the whole project, or why it could not be made. */
export type GenerateResponse =
  | { seq: number; ok: true; files: GeneratedFile[]; issues: ExportIssue[]; ms: number }
  | { seq: number; ok: false; error: string };

/** What the page asks the export worker: the design to generate and zip. */
export interface ExportRequest {
  id: number;
  design: Design;
}

/**
 * What the export worker answers: the zip (made in the worker, handed over without a copy), or
 * the problems that keep the design from being exported (then no zip), or why it failed.
 */
export type ExportResponse =
  | {
      id: number;
      ok: true;
      /** `<project>.zip` */
      fileName: string;
      zip: Uint8Array | null;
      fileCount: number;
      issues: ExportIssue[];
      ms: number;
    }
  | { id: number; ok: false; error: string };
