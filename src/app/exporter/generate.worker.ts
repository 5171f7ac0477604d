/// <reference lib="webworker" />
import { generateAll } from './generate';
import { packFiles, transfer } from './packedFiles';
import type { GenerateMessage, GenerateRequest } from './protocol';

// Generation runs here so that typing and dragging stay smooth on large designs. The files go to
// the page packed in one buffer that is moved, not copied string by string.
self.onmessage = (event: MessageEvent<GenerateRequest>) => {
  const { seq, design } = event.data;
  const answer = generateAll(seq, design);
  if (!answer.ok) {
    self.postMessage(answer satisfies GenerateMessage);
    return;
  }
  const { files, ...rest } = answer;
  const packed = packFiles(files);
  self.postMessage({ ...rest, packed } satisfies GenerateMessage, transfer(packed));
};
