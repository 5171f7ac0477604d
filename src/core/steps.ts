/**
 * Work done in steps: a generator that yields between them and returns what it made. Run at once
 * with `runSteps`, or by a caller that may stop between steps (the export worker, which pauses a
 * background export for the page's input).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end at once and gives what they made. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs `steps` to the end, asking `between()` after each step and waiting where it gives a promise. */
export async function runStepsWithPauses<T>(steps: Steps<T>, between: () => Promise<void> | undefined): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const wait = between();
    if (wait) await wait;
  }
}
