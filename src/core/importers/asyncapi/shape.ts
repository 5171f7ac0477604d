import { isObj, pointerSegments, type Obj } from '../documents/parse';

/** A message a channel carries: its object (maybe a `$ref`), its place and the name it suggests. */
export interface AMessage {
  value: unknown;
  segs: string[];
  hint: string;
}

export interface AChannel {
  key: string;
  topic: string;
  segs: string[];
  messages: AMessage[];
  /** The names of the servers it is on; absent: all of them. */
  servers?: string[];
}

/** What the document's application does on a channel: publish to it, or subscribe to it. */
export interface AOperation {
  channel: string;
  direction: 'publish' | 'subscribe';
  segs: string[];
}

export interface AServer {
  name: string;
  protocol: string;
  segs: string[];
}

export interface AShape {
  servers: AServer[];
  channels: AChannel[];
  operations: AOperation[];
}

const entries = (v: unknown): [string, unknown][] => (isObj(v) ? Object.entries(v) : []);
const refName = (v: unknown): string | undefined =>
  isObj(v) && typeof v.$ref === 'string' ? pointerSegments(v.$ref).pop() : undefined;

function servers(root: Obj): AServer[] {
  return entries(root.servers).map(([name, s]) => ({
    name,
    protocol: isObj(s) && typeof s.protocol === 'string' ? s.protocol.toLowerCase() : '',
    segs: ['servers', name],
  }));
}

/** AsyncAPI 2.x: `subscribe` means the application sends, `publish` that it receives. */
function shape2(root: Obj, resolve: (v: unknown) => unknown): AShape {
  const channels: AChannel[] = [];
  const operations: AOperation[] = [];
  for (const [key, raw] of entries(root.channels)) {
    const ch = resolve(raw);
    if (!isObj(ch)) continue;
    const segs = ['channels', key];
    const messages: AMessage[] = [];
    for (const op of ['subscribe', 'publish'] as const) {
      const o = resolve(ch[op]);
      if (!isObj(o)) continue;
      operations.push({ channel: key, direction: op === 'subscribe' ? 'publish' : 'subscribe', segs: [...segs, op] });
      const m = resolve(o.message);
      const list = isObj(m) && Array.isArray(m.oneOf) ? m.oneOf : [o.message];
      list.forEach((value, i) => {
        const at =
          isObj(m) && Array.isArray(m.oneOf) ? [...segs, op, 'message', 'oneOf', String(i)] : [...segs, op, 'message'];
        messages.push({ value, segs: at, hint: refName(value) ?? '' });
      });
    }
    const c: AChannel = { key, topic: key, segs, messages };
    if (Array.isArray(ch.servers)) c.servers = ch.servers.filter((s): s is string => typeof s === 'string');
    channels.push(c);
  }
  return { servers: servers(root), channels, operations };
}

/** AsyncAPI 3.0: channels have an address and messages; operations `send` or `receive` on one. */
function shape3(root: Obj, resolve: (v: unknown) => unknown): AShape {
  const channels: AChannel[] = [];
  const byPointer = new Map<string, string>();
  for (const [key, raw] of entries(root.channels)) {
    const ch = resolve(raw);
    if (!isObj(ch)) continue;
    const segs = ['channels', key];
    byPointer.set(`#/channels/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, key);
    const messages = entries(ch.messages).map(([name, value]) => ({
      value,
      segs: [...segs, 'messages', name],
      hint: refName(value) ?? name,
    }));
    const topic = typeof ch.address === 'string' ? ch.address : key;
    const c: AChannel = { key, topic, segs, messages };
    if (Array.isArray(ch.servers))
      c.servers = ch.servers.map((s) => refName(s)).filter((s): s is string => s !== undefined);
    channels.push(c);
  }
  const operations: AOperation[] = [];
  for (const [key, raw] of entries(root.operations)) {
    const op = resolve(raw);
    if (!isObj(op) || !isObj(op.channel) || typeof op.channel.$ref !== 'string') continue;
    const channel = byPointer.get(op.channel.$ref);
    if (channel === undefined) continue;
    const direction = op.action === 'send' ? 'publish' : 'subscribe';
    operations.push({ channel, direction, segs: ['operations', key] });
  }
  return { servers: servers(root), channels, operations };
}

/** The servers, channels and operations of an AsyncAPI 2.x or 3.0 document, one shape for both. */
export function shapeOf(root: Obj, resolve: (v: unknown) => unknown): AShape {
  return String(root.asyncapi ?? '').startsWith('2.') ? shape2(root, resolve) : shape3(root, resolve);
}
