import { dnsLabel, pascalCase } from '../../model/naming';
import type { TypeRef } from '../../model/typeRefs';
import { Warnings } from '../contracts/text';
import type { BrokerKind, ImportedBroker, ImportedQueueLink, ImporterResult } from '../contracts/types';
import { bundleDocs } from '../documents/bundle';
import { isObj, pointerOf, type Obj, type ParsedDoc } from '../documents/parse';
import { SchemaContext } from '../jsonSchema/context';
import { valueOf } from '../jsonSchema/values';
import { shapeOf, type AMessage } from './shape';
import { asyncApiErrors } from './validate';

/** Server protocols and the broker kind that speaks them. */
const PROTOCOLS: Record<string, BrokerKind> = {
  kafka: 'kafka',
  'kafka-secure': 'kafka',
  amqp: 'rabbitmq',
  amqps: 'rabbitmq',
  redis: 'redis',
  nats: 'nats',
};
const ROOT_KEYS = new Set([
  'asyncapi',
  'info',
  'servers',
  'channels',
  'operations',
  'components',
  'x-ext',
  'x-ext-urls',
]);
const MESSAGE_KEYS = new Set(['payload', 'name', 'title', 'summary', 'description', 'contentType', 'schemaFormat']);
const JSON_SCHEMA_FORMAT = /^application\/(vnd\.aai\.asyncapi(\+json|\+yaml)?|schema(\+json|\+yaml)?)(;.*)?$/i;

/**
 * Imports one AsyncAPI 2.x or 3.0 document: its application becomes a service node, the brokers
 * of its servers (Kafka, AMQP → RabbitMQ, Redis, NATS) broker nodes, its channels topics on them
 * with their message types, and what the application sends and receives queue links. Validated
 * with @asyncapi/parser; references bundled with @scalar/json-magic; mapped from the document as
 * written, so named schemas keep their names.
 */
export async function importAsyncApi(
  entry: ParsedDoc,
  docs: ReadonlyMap<string, ParsedDoc>,
  texts: ReadonlyMap<string, string>,
  fallback: BrokerKind = 'kafka',
): Promise<ImporterResult> {
  const warnings = new Warnings();
  const root0 = entry.value;
  const version = isObj(root0) ? String(root0.asyncapi ?? '') : '';
  if (!/^(2\.[0-6]|3\.0)(\.\d+)?$/.test(version))
    return {
      ok: false,
      error: `${entry.path}: AsyncAPI ${version || '(no version)'} is not imported; 2.0 to 2.6 and 3.0 are.`,
      warnings: [],
    };
  // bundling first names every file that is missing; the parser then reads only given files
  const b = await bundleDocs(entry, docs);
  if (!b.ok) return { ok: false, error: b.error, warnings: [] };
  const errors = await asyncApiErrors(entry.path, texts, (file, segs) =>
    file === entry.path && segs.length > 0 ? docs.get(file)?.position(segs) : undefined,
  );
  if (errors.length > 0)
    return { ok: false, error: `The AsyncAPI document is not valid:\n${errors.slice(0, 10).join('\n')}`, warnings: [] };
  const root = b.bundled.root;
  const info = isObj(root.info) ? root.info : {};
  const title =
    typeof info.title === 'string' && info.title.trim() ? info.title.trim() : entry.path.replace(/^.*\//, '');
  const key = entry.path;
  const ctx = new SchemaContext(b.bundled, { idPrefix: dnsLabel(title, 'events'), warn: (w) => warnings.add(w) });
  const resolve = (v: unknown): unknown => {
    for (let i = 0; i < 10 && isObj(v) && typeof v.$ref === 'string'; i++) v = ctx.resolve(v.$ref)?.schema;
    return v;
  };
  const shape = shapeOf(root, resolve);

  const kindOf = new Map<string, BrokerKind>();
  for (const s of shape.servers) {
    const kind = Object.hasOwn(PROTOCOLS, s.protocol) ? PROTOCOLS[s.protocol] : undefined;
    if (!kind)
      ctx.warn(s.segs, `protocol "${s.protocol}" has no broker in the design; the server is imported as ${fallback}.`);
    kindOf.set(s.name, kind ?? fallback);
  }
  if (shape.servers.length === 0 && shape.channels.length > 0)
    warnings.add(`${entry.path}: the document names no server; its channels are put on a ${fallback} broker.`);
  const brokers = new Map<BrokerKind, ImportedBroker>();
  const brokerFor = (kind: BrokerKind) => {
    const known = brokers.get(kind);
    if (known) return known;
    const made: ImportedBroker = { key: `${key}#broker:${kind}`, name: kind, kind, channels: [], source: entry.path };
    brokers.set(kind, made);
    return made;
  };

  const messages = new Map<string, TypeRef>();
  const messageType = (m: AMessage, topic: string): TypeRef => {
    const at = isObj(m.value) && typeof m.value.$ref === 'string' ? m.value.$ref : pointerOf(m.segs);
    const known = messages.get(at);
    if (known) return known;
    const msg = resolve(m.value);
    let ref: TypeRef = 'google.protobuf.Value';
    if (!isObj(msg)) ctx.warn(m.segs, 'this is not a message; its payload is read as any JSON value.');
    else ref = payloadType(ctx, msg, m, topic);
    messages.set(at, ref);
    return ref;
  };

  const topics = new Map<string, { broker: ImportedBroker; topic: string }>();
  for (const ch of shape.channels) {
    const kinds = [...new Set((ch.servers ?? shape.servers.map((s) => s.name)).map((n) => kindOf.get(n) ?? fallback))];
    if (kinds.length > 1)
      ctx.warn(ch.segs, `the channel is on servers of several kinds; it is put on the ${kinds[0]} broker only.`);
    const broker = brokerFor(kinds[0] ?? fallback);
    const [first, ...others] = ch.messages;
    if (others.length > 0)
      ctx.warn(
        ch.segs,
        `the design keeps one message per channel; ${others.length} more ${others.length === 1 ? 'is' : 'are'} not imported (${others.map((o) => o.hint || pointerOf(o.segs)).join(', ')}).`,
      );
    const message = first ? messageType(first, ch.topic) : 'google.protobuf.Value';
    if (!first) ctx.warn(ch.segs, 'the channel declares no message; it carries any JSON value.');
    broker.channels.push({ topic: ch.topic, message });
    topics.set(ch.key, { broker, topic: ch.topic });
  }
  const links: ImportedQueueLink[] = [];
  for (const op of shape.operations) {
    const t = topics.get(op.channel);
    if (t) links.push({ service: key, broker: t.broker.key, direction: op.direction, topic: t.topic });
  }
  const components = isObj(root.components) ? root.components : {};
  for (const name of Object.keys(isObj(components.messages) ? components.messages : {}))
    messageType(
      {
        value: { $ref: pointerOf(['components', 'messages', name]) },
        segs: ['components', 'messages', name],
        hint: name,
      },
      name,
    );
  for (const name of Object.keys(isObj(components.schemas) ? components.schemas : {}))
    valueOf(ctx, { $ref: pointerOf(['components', 'schemas', name]) }, ['components', 'schemas', name], name);
  for (const k of Object.keys(root)) if (!ROOT_KEYS.has(k)) ctx.drop(k, [k]);
  ctx.flush();
  const service = { key, name: dnsLabel(title, 'events'), grpc: [], rest: [], source: entry.path };
  const described =
    typeof info.description === 'string' && info.description.trim() ? { description: info.description.trim() } : {};
  return {
    ok: true,
    imported: {
      types: ctx.types,
      services: [{ ...service, ...described }],
      brokers: [...brokers.values()],
      links,
      warnings: warnings.all(),
      project: dnsLabel(title, 'events'),
    },
  };
}

/** The type of a message's payload, named after the message when the payload is written inline. */
function payloadType(ctx: SchemaContext, msg: Obj, m: AMessage, topic: string): TypeRef {
  const name = (typeof msg.name === 'string' && msg.name) || m.hint || `${pascalCase(topic, 'Event')}Message`;
  let payload = msg.payload;
  let segs = [...m.segs, 'payload'];
  let format = typeof msg.schemaFormat === 'string' ? msg.schemaFormat : undefined;
  // 3.0 may wrap the payload in a multi-format schema object
  if (isObj(payload) && typeof payload.schemaFormat === 'string' && payload.schema !== undefined) {
    format = payload.schemaFormat;
    payload = payload.schema;
    segs = [...segs, 'schema'];
  }
  ctx.dropRest(msg, MESSAGE_KEYS, m.segs);
  if (format !== undefined && !JSON_SCHEMA_FORMAT.test(format)) {
    ctx.warn(segs, `a ${format} payload is not imported; the message is read as any JSON value.`);
    return 'google.protobuf.Value';
  }
  if (payload === undefined) {
    ctx.warn(m.segs, 'the message has no payload; it is read as any JSON value.');
    return 'google.protobuf.Value';
  }
  const v = valueOf(ctx, payload, segs, pascalCase(name, 'Event'));
  if (v.repeated || v.map) {
    ctx.warn(segs, 'a payload that is a list or a map is kept as any JSON value.');
    return 'google.protobuf.Value';
  }
  return v.type;
}
