/// <reference lib="webworker" />
import { makePart } from './parts';
import type { PartAnswer, PartRequest } from './partRunner';

// One part of a large export, made beside the export worker's own part (see parts.ts).
self.onmessage = (event: MessageEvent<PartRequest>) => {
  const { id, design, tasks } = event.data;
  let answer: PartAnswer;
  try {
    answer = { id, ok: true, part: makePart(design, tasks) };
  } catch (e) {
    answer = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(answer, answer.ok ? [answer.part.bytes.buffer] : []);
};
