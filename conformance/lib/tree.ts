import type { NativeCall } from './native';

/**
 * The `/ping` answer tree of the stub contract (docs/stub-contract.md), read defensively: it comes
 * from services under test, so every field is checked before it is trusted.
 */

/** One method of a link exercised with the typed sample (docs/stub-contract.md, "Typed contracts"). */
export interface MethodResult {
  name: string;
  ok: boolean;
  error?: string;
}

/** One call a service made during `/ping`. */
export interface PingCall {
  via: string;
  target?: string;
  broker?: string;
  brokerKind?: string;
  topic?: string;
  ok: boolean;
  error?: string;
  tree?: PingNode;
  /** The typed exercise of the link's methods, when both ends read the typed contracts. */
  methods?: MethodResult[];
  /** The Celery queues a publish enqueued a task in (Python producers, for Celery workers). */
  celery?: string[];
}

/** One message a consumer received. */
export interface Received {
  broker?: string;
  topic?: string;
  from?: string;
  id?: string;
  /** Whether the payload was the sample of the channel's message (consumers of the typed contracts). */
  valid?: boolean;
}

/** One service's answer. */
export interface PingNode {
  service: string;
  language?: string;
  framework?: string;
  loop: boolean;
  calls: PingCall[];
  received: Received[];
  /** The call into the service's in-process module in another language, when it has one. */
  native?: NativeCall;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const optStr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads a tree from parsed JSON, or null when it is not a tree (no `service` name). */
export function readTree(v: unknown, depth = 0): PingNode | null {
  if (!isObj(v) || typeof v.service !== 'string' || depth > 64) return null;
  const calls: PingCall[] = [];
  for (const c of Array.isArray(v.calls) ? v.calls : []) {
    if (!isObj(c) || typeof c.via !== 'string') continue;
    calls.push({
      via: c.via,
      target: optStr(c.target),
      broker: optStr(c.broker),
      brokerKind: optStr(c.brokerKind),
      topic: optStr(c.topic),
      ok: c.ok === true,
      error: optStr(c.error),
      tree: readTree(c.tree, depth + 1) ?? undefined,
      methods: Array.isArray(c.methods)
        ? c.methods
            .filter(isObj)
            .map((m) => ({ name: optStr(m.name) ?? '?', ok: m.ok === true, error: optStr(m.error) }))
        : undefined,
      celery: Array.isArray(c.celery) ? c.celery.filter((q): q is string => typeof q === 'string') : undefined,
    });
  }
  const received: Received[] = [];
  for (const r of Array.isArray(v.received) ? v.received : []) {
    if (isObj(r))
      received.push({
        broker: optStr(r.broker),
        topic: optStr(r.topic),
        from: optStr(r.from),
        id: optStr(r.id),
        valid: typeof r.valid === 'boolean' ? r.valid : undefined,
      });
  }
  return {
    service: v.service,
    language: optStr(v.language),
    framework: optStr(v.framework),
    loop: v.loop === true,
    calls,
    received,
    native: readNative(v.native),
  };
}

function readNative(v: unknown): NativeCall | undefined {
  if (!isObj(v) || typeof v.kind !== 'string') return undefined;
  return {
    kind: v.kind,
    language: optStr(v.language),
    input: optStr(v.input) ?? '',
    answer: typeof v.answer === 'number' && Number.isFinite(v.answer) ? v.answer : null,
    ok: v.ok === true,
    error: optStr(v.error),
  };
}

/** Every service answer in a tree, the root first. */
export function* walk(tree: PingNode): Generator<PingNode> {
  yield tree;
  for (const c of tree.calls) if (c.tree) yield* walk(c.tree);
}
