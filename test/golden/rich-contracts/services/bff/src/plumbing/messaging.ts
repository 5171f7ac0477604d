/** Producers and consumers of the service contract's brokers. Generated: do not edit. */

import { hostname } from 'node:os';

import * as handlers from '../handlers.js';
import * as config from './config.js';
import { record } from './received.js';

let counter = 0;
const clients = new Map<string, Promise<unknown>>();

/** The message of the contract: id, from, topic, path and the declared payload. */
export function envelope(link: config.QueueLink, hop: string[]): Record<string, unknown> {
  counter += 1;
  const me = config.serviceName();
  return { id: `${me}-${counter}`, from: me, topic: link.topic, path: hop, payload: link.payload };
}

/** One shared client per broker address, made on first use and dropped when it fails. */
export function cached<T>(key: string, make: () => Promise<T>): Promise<T> {
  let client = clients.get(key) as Promise<T> | undefined;
  if (!client) {
    client = make();
    clients.set(key, client);
    client.catch(() => drop(key));
  }
  return client;
}

export function drop(key: string): void {
  clients.delete(key);
}

export function consumerId(): string {
  return `${config.serviceName()}-${hostname()}-${process.pid}`;
}

/** Hands a consumed message to the plumbing and the user's handler; skips bodies it cannot parse. */
export function deliver(link: config.QueueLink, body: string): void {
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    console.warn(`skipped a message on ${link.topic} that is not JSON`);
    return;
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    console.warn(`skipped a message on ${link.topic} that is not a JSON object`);
    return;
  }
  const envelope = message as Record<string, unknown>;
  record(link.broker, link.topic, envelope, link.payload);
  Promise.resolve()
    .then(() => handlers.onMessage(link.broker, link.topic, envelope))
    .catch((err: unknown) => console.error(`onMessage failed for ${link.topic}:`, err));
}

/** Runs a consumer forever in the background, reconnecting with backoff while the broker is away. */
function retrying(name: string, run: () => Promise<void>): void {
  let delay = 500;
  const loop = async (): Promise<void> => {
    for (;;) {
      const started = Date.now();
      try {
        await run();
      } catch (err) {
        console.warn(`${name}: ${err instanceof Error ? err.message : String(err)}; retrying in ${delay} ms`);
      }
      if (Date.now() - started > 30000) delay = 500;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10000);
    }
  };
  void loop();
}

const PUBLISHERS: Partial<Record<config.BrokerKind, (link: config.QueueLink, body: string) => Promise<void>>> = {};
const CONSUMERS: Partial<Record<config.BrokerKind, (urlEnv: string, links: config.QueueLink[]) => Promise<void>>> = {};

/** Publishes one message of the contract on a link and returns its id; rejects on failure. */
export async function publish(link: config.QueueLink, hop: string[]): Promise<string> {
  const message = envelope(link, hop);
  const publisher = PUBLISHERS[link.kind];
  if (!publisher) throw new Error(`no publisher for ${link.kind}`);
  try {
    await publisher(link, JSON.stringify(message));
  } catch (err) {
    drop(`${link.kind} ${process.env[link.env] ?? ''}`);
    throw err;
  }
  return String(message.id);
}

/** Subscribes to every topic of the service, one background consumer per broker. */
export function startConsumers(): void {
  const groups = new Map<string, config.QueueLink[]>();
  for (const link of config.SUBSCRIBES) {
    const key = JSON.stringify([link.kind, link.broker, link.env]);
    groups.set(key, [...(groups.get(key) ?? []), link]);
  }
  for (const links of groups.values()) {
    const first = links[0];
    const consume = first ? CONSUMERS[first.kind] : undefined;
    if (first && consume) retrying(`${first.kind}-${first.broker}`, () => consume(first.env, links));
  }
}
