/// <reference lib="webworker" />
import { exportZip } from './exportZip';
import type { ExportRequest } from './protocol';

// Generating and zipping a large design takes seconds: here, the page stays responsive meanwhile.
self.onmessage = (event: MessageEvent<ExportRequest>) => {
  const answer = exportZip(event.data.id, event.data.design);
  // the zip's bytes move to the page without a copy
  self.postMessage(answer, answer.ok && answer.zip ? [answer.zip.buffer] : []);
};
