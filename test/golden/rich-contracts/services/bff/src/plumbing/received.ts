/** The last messages this service consumed, shown under "received" in /ping. Generated: do not edit. */

export interface Received {
  broker: string;
  topic: string;
  from: unknown;
  id: unknown;
}

const MAX = 20;
const received: Received[] = [];

/** Keeps a consumed message (the last 20, newest last). */
export function record(broker: string, topic: string, envelope: Record<string, unknown>): void {
  received.push({ broker, topic, from: envelope.from ?? null, id: envelope.id ?? null });
  if (received.length > MAX) received.splice(0, received.length - MAX);
}

export function receivedMessages(): Received[] {
  return received.slice();
}
