import { byPath, pathProblem } from '../generators/project';
import type { GeneratedFile } from '../generators/types';
import { mergeThreeWay } from './merge';
import { RECORD_PATHS } from './manifest';
import { sha256OfText } from './sha256';
import { holdsCredentials } from '../generators/ignored';

/** A file on disk that is not UTF-8 text: never merged, never rewritten. */
export const BINARY = Symbol('binary');
/** A file on disk as the planner sees it: its text, missing (null), or not text. */
export type DiskFile = string | null | typeof BINARY;

/**
 * What becomes of one file in an update:
 * - `unchanged`: the file on disk is already the new generation
 * - `updated`: you had not touched it; the new generation replaces it
 * - `added`: newly generated
 * - `kept`: you changed (or deleted) it and the design did not change it, or you deleted it
 * - `merged`: you and the design both changed it, on different lines: merged
 * - `conflict`: you and the design changed the same lines: written with conflict markers
 * - `removed`: the design no longer makes it and you had not touched it: deleted
 * - `orphaned`: the design no longer makes it but you changed it: kept, for you to look at
 * - `refused`: the manifest names a path that is not safe inside the project: left alone
 */
export type Outcome =
  'unchanged' | 'updated' | 'added' | 'kept' | 'merged' | 'conflict' | 'removed' | 'orphaned' | 'refused';

export interface FilePlan {
  path: string;
  outcome: Outcome;
  /** Why, for the outcomes a person should read about. */
  note?: string;
}

/** What an update does: every file's outcome, the files to write and the paths to delete. */
export interface UpdatePlan {
  files: FilePlan[];
  writes: GeneratedFile[];
  removes: string[];
  counts: Record<Outcome, number>;
}

export interface PlanInput {
  /** The last export's manifest: each generated file's SHA-256 as it was written. */
  manifest: ReadonlyMap<string, string>;
  /** The last generation, made again from the design it came from (path → content). */
  base: ReadonlyMap<string, string>;
  /** The new generation. */
  theirs: readonly GeneratedFile[];
  /** The files on disk, for every path of the manifest and of `theirs` (absent = missing). */
  disk: ReadonlyMap<string, DiskFile>;
}

const OUTCOMES: readonly Outcome[] = [
  'unchanged',
  'updated',
  'added',
  'kept',
  'merged',
  'conflict',
  'removed',
  'orphaned',
  'refused',
];

/**
 * Plans a three-way update of a project folder: base = the last generation (the manifest's hashes
 * tell which files on disk are as generated; the base's content is made again from the design it
 * came from), ours = the files on disk, theirs = the new generation. Files the user added (in
 * neither the manifest nor the new generation) are not part of the input and never touched. Pure:
 * the caller reads the disk before and writes after.
 */
export function planUpdate(input: PlanInput): UpdatePlan {
  const files: FilePlan[] = [];
  const writes: GeneratedFile[] = [];
  const removes: string[] = [];
  const add = (path: string, outcome: Outcome, note?: string) =>
    files.push(note === undefined ? { path, outcome } : { path, outcome, note });
  const theirsByPath = new Map(input.theirs.map((f) => [f.path, f.content]));

  for (const { path, content: theirs } of input.theirs) {
    const ours = input.disk.get(path) ?? null;
    const baseHash = input.manifest.get(path);
    if (ours === theirs) {
      add(path, 'unchanged');
    } else if (baseHash === undefined) {
      // not generated last time
      if (ours === null) {
        writes.push({ path, content: theirs });
        add(path, 'added');
      } else if (ours === BINARY) {
        add(path, 'conflict', 'a file of yours (not text) is where the design now makes a file: left as it is');
      } else {
        writes.push({ path, content: mergeThreeWay(ours, '', theirs).text });
        add(path, 'conflict', 'a file of yours is where the design now makes a file: both versions are in it');
      }
    } else if (ours === null && holdsCredentials(path)) {
      // kept out of git, so a clone never has it: made again from the values the update took from .env
      writes.push({ path, content: theirs });
      add(path, 'added', 'kept out of git (.gitignore): written again with the values of .env');
    } else if (ours === null) {
      add(path, 'kept', 'you deleted it: not restored (delete it from the design, or restore it by hand)');
    } else if (ours === BINARY) {
      add(path, 'kept', 'you replaced it with a file that is not text: not merged');
    } else if (sha256OfText(ours) === baseHash) {
      writes.push({ path, content: theirs });
      add(path, 'updated');
    } else {
      const base = input.base.get(path);
      if (base === theirs || (base === undefined && sha256OfText(theirs) === baseHash)) {
        add(path, 'kept');
      } else {
        const merged = mergeThreeWay(ours, base ?? '', theirs);
        writes.push({ path, content: merged.text });
        if (merged.conflicts === 0) add(path, 'merged');
        else
          add(
            path,
            'conflict',
            `${merged.conflicts} conflict${merged.conflicts === 1 ? '' : 's'}: you and the design changed the same lines`,
          );
      }
    }
  }

  for (const [path, baseHash] of input.manifest) {
    if (theirsByPath.has(path) || RECORD_PATHS.includes(path)) continue;
    const why = pathProblem(path);
    if (why) {
      add(path, 'refused', `not a safe path inside the project (${why}): left alone`);
      continue;
    }
    const ours = input.disk.get(path) ?? null;
    if (ours === null) continue; // gone already
    if (ours !== BINARY && sha256OfText(ours) === baseHash) {
      removes.push(path);
      add(path, 'removed');
    } else add(path, 'orphaned', 'the design no longer makes it, but you changed it: kept');
  }

  files.sort(byPath);
  writes.sort(byPath);
  removes.sort();
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const f of files) counts[f.outcome]++;
  return { files, writes, removes, counts };
}

/** The update's summary for a person: one line of counts, then every file worth a look. */
export function summarize(plan: UpdatePlan): string[] {
  const c = plan.counts;
  const head = `${c.updated} updated, ${c.added} added, ${c.kept + c.orphaned} kept, ${c.merged} merged, ${c.conflict} conflict${c.conflict === 1 ? '' : 's'}, ${c.removed} removed, ${c.unchanged} unchanged`;
  const lines = [head];
  const order: Outcome[] = ['conflict', 'refused', 'merged', 'orphaned', 'kept', 'removed', 'added', 'updated'];
  for (const outcome of order)
    for (const f of plan.files)
      if (f.outcome === outcome) lines.push(`  ${outcome.padEnd(9)} ${f.path}${f.note ? ` — ${f.note}` : ''}`);
  return lines;
}
