/** The /ping fan-out of the service contract (docs/stub-contract.md). Generated: do not edit. */

import * as config from './config.js';
import { checkDatabase } from './databases.js';
import { grpcExercise, grpcPing } from './grpcClients.js';
import { publish } from './messaging.js';
import { restExercise } from './restClients.js';
import { receivedMessages, type Received } from './received.js';

export interface Call {
  via: 'rest' | 'grpc' | 'queue' | 'database';
  ok: boolean;
  error?: string;
  [key: string]: unknown;
}

export interface Tree {
  service: string;
  language: string;
  framework: string;
  ok: boolean;
  loop: boolean;
  path: string[];
  calls: Call[];
  received: Received[];
}

/** The hop path of a request: '?path=a,b' lists the services it already passed through. */
export function parsePath(raw: unknown): string[] {
  if (typeof raw !== 'string' || raw === '') return [];
  return raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Rejects when a promise takes longer than the call timeout (plus a margin for the call's own). */
export function withTimeout<T>(promise: Promise<T>, what: string, ms = config.TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms + 1000);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

function message(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // fetch reports "fetch failed" and keeps the reason (refused, timed out) in its cause
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
  return `${err.name}: ${err.message}${cause}`;
}

type CallBase = { via: Call['via'] } & Record<string, unknown>;

async function guard(
  base: CallBase,
  run: () => Promise<Record<string, unknown>>,
  ms = config.TIMEOUT_MS,
): Promise<Call> {
  try {
    return { ...base, ok: true, ...(await withTimeout(run(), base.via, ms)) };
  } catch (err) {
    return { ...base, ok: false, error: message(err) };
  }
}

async function rest(link: config.RestLink, hop: string[]): Promise<Call> {
  const entry = guard({ via: 'rest', target: link.target }, async () => {
    const url = `${config.env(link.env).replace(/\/+$/, '')}/ping?path=${encodeURIComponent(hop.join(','))}`;
    const resp = await fetch(url, { signal: AbortSignal.timeout(config.callTimeoutMs(hop.length)) });
    if (resp.status !== 200) throw new Error(`HTTP ${resp.status} from ${url}`);
    return { tree: (await resp.json()) as unknown };
  }, config.callTimeoutMs(hop.length));
  if (!(link.typed && link.client)) return entry;
  const [call, methods] = await Promise.all([entry, restExercise(link.client, config.TIMEOUT_MS)]);
  return { ...call, methods };
}

async function grpc(link: config.GrpcLink, hop: string[]): Promise<Call> {
  const entry = guard({ via: 'grpc', target: link.target }, async () => {
    if (!link.client) throw new Error(`${link.target} serves no gRPC`);
    return { tree: JSON.parse(await grpcPing(link.client, hop, config.callTimeoutMs(hop.length))) as unknown };
  }, config.callTimeoutMs(hop.length));
  if (!(link.typed && link.client)) return entry;
  const [call, methods] = await Promise.all([entry, grpcExercise(link.client, config.TIMEOUT_MS)]);
  return { ...call, methods };
}

function queue(link: config.QueueLink, hop: string[]): Promise<Call> {
  const base = { via: 'queue' as const, broker: link.broker, brokerKind: link.kind, topic: link.topic };
  return guard(base, async () => ({ id: await publish(link, hop) }));
}

function database(link: config.DatabaseLink): Promise<Call> {
  return guard({ via: 'database', target: link.target }, async () => {
    await checkDatabase(link);
    return {};
  });
}

/** The answer of /ping and of the gRPC Ping: who this is, and what each outgoing link said. */
export async function tree(path: string[]): Promise<Tree> {
  const me = config.serviceName();
  const answer: Tree = {
    service: me,
    language: config.LANGUAGE,
    framework: config.FRAMEWORK,
    ok: true,
    loop: path.includes(me),
    path: [...path, me],
    calls: [],
    received: receivedMessages(),
  };
  if (answer.loop) return answer;
  const hop = answer.path;
  answer.calls = await Promise.all([
    ...config.REST_LINKS.map((l) => rest(l, hop)),
    ...config.GRPC_LINKS.map((l) => grpc(l, hop)),
    ...config.PUBLISHES.map((l) => queue(l, hop)),
    ...config.DATABASES.map((l) => database(l)),
  ]);
  answer.received = receivedMessages();
  return answer;
}
