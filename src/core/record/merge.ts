import { diff3Merge } from 'node-diff3';

/** The markers around a conflict, as git writes them (ours = the file on disk). */
export const CONFLICT_MARKERS = { ours: '<<<<<<< ours', sep: '=======', theirs: '>>>>>>> theirs' } as const;

/** A merged text, and how many conflicts it holds (each between the markers above). */
export interface MergeResult {
  text: string;
  conflicts: number;
}

const lines = (text: string): string[] => text.split('\n');

/**
 * Merges three versions of a text line by line (node-diff3): changes made on one side only are
 * taken; the same change made on both sides is taken once; different changes to the same lines
 * become a conflict: ours, `=======`, theirs between `<<<<<<< ours` and `>>>>>>> theirs`. When
 * ours has Windows line ends and the generator's do not, the generator's are read with the same,
 * so line ends alone never make a conflict.
 */
export function mergeThreeWay(ours: string, base: string, theirs: string): MergeResult {
  if (ours.includes('\r\n') && !base.includes('\r\n')) {
    base = base.replace(/\n/g, '\r\n');
    if (!theirs.includes('\r\n')) theirs = theirs.replace(/\n/g, '\r\n');
  }
  const eol = ours.includes('\r\n') ? '\r' : '';
  const out: string[] = [];
  let conflicts = 0;
  for (const region of diff3Merge(lines(ours), lines(base), lines(theirs), { excludeFalseConflicts: true })) {
    if (region.ok) out.push(...region.ok);
    else if (region.conflict) {
      conflicts++;
      const { a, b } = region.conflict;
      // a side that ends the file has no line end of its own before the marker: give it one
      out.push(CONFLICT_MARKERS.ours + eol, ...endLines(a, eol), CONFLICT_MARKERS.sep + eol, ...endLines(b, eol));
      out.push(CONFLICT_MARKERS.theirs + eol);
    }
  }
  return { text: out.join('\n'), conflicts };
}

/** Lines of one side of a conflict; a last empty "line" (the file's final newline) is left out. */
function endLines(side: readonly string[], eol: string): string[] {
  const copy = [...side];
  if (copy.length > 0 && copy[copy.length - 1] === '') copy.pop();
  if (eol && copy.length > 0 && !copy[copy.length - 1]?.endsWith('\r')) copy[copy.length - 1] += '\r';
  return copy;
}
