/// <reference lib="webworker" />
import { exportZip } from './exportZip';
import type { ExportAnswer, ExportRequest } from './protocol';

// Generating and zipping a large design takes seconds: here, the page stays responsive meanwhile.
self.onmessage = (event: MessageEvent<ExportRequest>) => {
  const answer = exportZip(event.data.id, event.data.design);
  // The bytes become a Blob here: the page gets a handle to it, and copies nothing on the click.
  const out: ExportAnswer = answer.ok
    ? { ...answer, zip: answer.zip ? new Blob([answer.zip as BlobPart], { type: 'application/zip' }) : null }
    : answer;
  self.postMessage(out);
};
