/** The last messages this service consumed, shown under "received" in /ping. Generated: do not edit. */

import { jsonDiff } from './exercise.js';

export interface Received {
  broker: string;
  topic: string;
  from: unknown;
  id: unknown;
  /** Whether the payload is the sample of the channel's message. */
  valid: boolean;
}

const MAX = 20;
const received: Received[] = [];

/** Keeps a consumed message (the last 20, newest last), checking its payload against the sample. */
export function record(broker: string, topic: string, envelope: Record<string, unknown>, expected: unknown): void {
  const valid = envelope.payload !== undefined && jsonDiff(expected, envelope.payload) === null;
  received.push({ broker, topic, from: envelope.from ?? null, id: envelope.id ?? null, valid });
  if (received.length > MAX) received.splice(0, received.length - MAX);
}

export function receivedMessages(): Received[] {
  return received.slice();
}
