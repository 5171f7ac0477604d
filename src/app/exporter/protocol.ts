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
