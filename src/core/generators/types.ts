import type { Design } from '../model/types';

/** One file of an exported project: a relative POSIX path and its text. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** A generator: a pure, deterministic function from the design to files. */
export type Generator = (design: Design) => GeneratedFile[];
