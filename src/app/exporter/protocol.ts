import type { Design, GeneratedFile } from '../../core';
import type { PackedFiles } from './packedFiles';

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

/** The whole project, or why it could not be made: what listeners of the generator hear. */
export type GenerateResponse =
  | { seq: number; ok: true; files: GeneratedFile[]; issues: ExportIssue[]; ms: number }
  | { seq: number; ok: false; error: string };

/** What the worker posts: `GenerateResponse` with the files packed (see packedFiles.ts). */
export type GenerateMessage =
  | { seq: number; ok: true; packed: PackedFiles; issues: ExportIssue[]; ms: number }
  | { seq: number; ok: false; error: string };

/** What the page asks the export worker: the design to generate and zip. */
export interface ExportRequest {
  id: number;
  design: Design;
  /** The page's logical cores (`navigator.hardwareConcurrency`): how far a large export may be split. */
  cores?: number;
  /** Made in the background, before any click: the page may pause it (`ExportPause`). */
  background?: boolean;
  /**
   * Only add `design` to this zip (the worker's zip of a design that differs from `design` in its
   * layout alone): the answer is a `DesignAdded`, and nothing is generated.
   */
  designInto?: Blob;
}

/**
 * Asks the export worker to pause the export it is making (the page's user is dragging, panning
 * or zooming, and the export was not asked for) or to go on with it.
 */
export interface ExportPause {
  pause: boolean;
}

/** The export worker's answer to a request with `designInto`: that zip with the design added, or null when adding failed. */
export interface DesignAdded {
  id: number;
  designAdded: { zip: Blob; added: number } | null;
}

/**
 * What the export worker answers: the zip (made in the worker, as a `Blob`: the page gets a
 * handle to it and copies nothing), or the problems that keep the design from being exported
 * (then no zip), or why it failed.
 */
export type ExportAnswer =
  | {
      id: number;
      ok: true;
      /** `<project>.zip` */
      fileName: string;
      zip: Blob | null;
      fileCount: number;
      issues: ExportIssue[];
      ms: number;
      /** How many workers made the files: 1, or more for a large design split into parts. */
      parts?: number;
      /**
       * The zip with the design it was made from added (`polyglot.design.json` and its base
       * copy), and how many files that added: the page uses it when the design at the click is
       * that very design, and adds the design itself otherwise (a card moved since).
       */
      withDesign?: { zip: Blob; added: number } | null;
      /** On the page: the design the answer was made from (set by the preparer). */
      design?: Design;
    }
  | { id: number; ok: false; error: string };
