/// <reference lib="webworker" />
import { generateAll } from './generate';
import type { GenerateRequest } from './protocol';

// Generation runs here so that typing and dragging stay smooth on large designs.
self.onmessage = (event: MessageEvent<GenerateRequest>) => {
  const { seq, design } = event.data;
  self.postMessage(generateAll(seq, design));
};
