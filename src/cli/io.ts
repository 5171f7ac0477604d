import { access } from 'node:fs/promises';

/** Where the command line writes; tests pass their own to read what it printed. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** The process's standard output and error. */
export const processIo: Io = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
};

/** A usage mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Whether a path exists. */
export const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );
