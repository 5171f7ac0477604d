/// <reference lib="webworker" />
import type { Design } from '../../core';
import { exportZipInParts, keptExport, type PartRunner } from './exportZip';
import { keptBudget } from './incremental';
import { workerRunner } from './partRunner';
import { pauseGate } from './pauseGate';
import type { DesignAdded, ExportAnswer, ExportPause, ExportRequest } from './protocol';
import { withDesign } from './withDesign';

/**
 * Workers beside this one for a large export: one fewer than the cores, at most three, and none
 * on fewer than four cores. On two cores the parts were slower, not faster (docs/performance.md,
 * "Export at scale"): the page, the browser and other programs want the second core too, and the
 * parts cost more CPU in all (a second worker's start-up, the design sent again, the join).
 */
const helpersFor = (cores: number): number => (cores >= 4 ? Math.min(4, cores) - 1 : 0);
const runners: PartRunner[] = [];

// Made when the first large design is exported, and kept (they end with this worker).
const partRunners = (count: number) => (): readonly PartRunner[] => {
  if (typeof Worker === 'undefined') return [];
  while (runners.length < count)
    runners.push(
      workerRunner(() => new Worker(new URL('./exportPart.worker.ts', import.meta.url), { type: 'module' })),
    );
  return runners.slice(0, count);
};

// The last export's files, kept so that the next one regenerates only what an edit reaches.
const kept = keptExport(keptBudget((self.navigator as { deviceMemory?: number }).deviceMemory));

/** `zip` with the design added, or null when that fails: the page then adds it at the click, and says what went wrong there. */
async function addDesign(zip: Blob, design: Design): Promise<DesignAdded['designAdded']> {
  try {
    const { blob, added } = await withDesign(zip, design);
    return { zip: blob, added };
  } catch {
    return null;
  }
}

// The page pauses an export it prepares in the background while its user drags, pans or zooms:
// the work stops at its next step, and this thread leaves the page's core alone.
const gate = pauseGate();

// Generating and zipping a large design takes seconds: here, the page stays responsive meanwhile.
// One export at a time, in the order asked.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<ExportRequest | ExportPause>) => {
  if ('pause' in event.data) return gate.pause(event.data.pause);
  const request = event.data;
  queue = queue.then(async () => {
    const into = request.designInto;
    if (into) {
      // a card moved since the zip was made: only the design files change
      const designAdded = await addDesign(into, request.design);
      self.postMessage({ id: request.id, designAdded } satisfies DesignAdded);
      return;
    }
    const cores = request.cores ?? (self.navigator.hardwareConcurrency || 1);
    const answer = await exportZipInParts(
      request.id,
      request.design,
      partRunners(helpersFor(cores)),
      undefined,
      kept,
      // an export a click waits for runs straight through
      request.background ? () => gate.between() : undefined,
    );
    const zip = answer.ok ? answer.zip : null;
    // The design is added here too, so a click on an unchanged design has nothing left to do.
    const designed = zip ? await addDesign(zip, request.design) : null;
    const out: ExportAnswer = answer.ok ? { ...answer, zip, withDesign: designed } : answer;
    self.postMessage(out);
  });
};
