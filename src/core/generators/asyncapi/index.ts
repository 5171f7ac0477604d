import { INFRA } from '../../catalog/catalog';
import { designContracts, sampleOfType, type ResolvedType } from '../../model/contracts';
import { camelCase, dnsLabel, topicName } from '../../model/naming';
import type { Design, DesignNode } from '../../model/types';
import { wireServices, type QueueUse } from '../../model/wiring';
import { TypeSchemas, toYaml, type JsonSchema } from '../openapi';
import type { GeneratedFile } from '../types';
import { BROKER_PROTOCOLS, channelBindings, receiveBindings, usageNote } from './brokers';

/** The AsyncAPI version of the generated document. */
export const ASYNCAPI_VERSION = '3.0.0';

/** A map-key allocator: camelCase ids, numbered when two names come out the same. */
function ids() {
  const taken = new Set<string>();
  return (name: string, fallback: string): string => {
    const base = camelCase(name, fallback);
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}${i}`;
    taken.add(id);
    return id;
  };
}

interface Channel {
  id: string;
  broker: DesignNode;
  serverId: string;
  topic: string;
  /** The service whose message the examples show: the first that sends, else the first user. */
  sender: string;
  messageId: string;
  /** The broker channel's message type. */
  message: ResolvedType;
}

interface Use {
  service: DesignNode;
  action: 'send' | 'receive';
  q: QueueUse;
}

/** The envelope of docs/stub-contract.md around the channel's message. */
function envelope(topic: string, sender: string, payload: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: ['id', 'from', 'topic', 'path', 'payload'],
    properties: {
      id: { type: 'string', description: 'Unique per message: the sender and a counter.', examples: [`${sender}-1`] },
      from: { type: 'string', description: 'The DNS name of the service that sent it.' },
      topic: { type: 'string', const: topic },
      path: {
        type: 'array',
        items: { type: 'string' },
        description: 'The services the triggering ping passed through.',
      },
      payload: { ...payload, description: 'The message of the channel, as the broker carries it.' },
    },
  };
}

const keyOf = (brokerId: string, topic: string) => `${brokerId} ${topicName(topic)}`;

/**
 * The AsyncAPI 3.0 document of the whole system, `asyncapi.yaml`: a server per broker, a channel
 * per topic of a broker (its message, typed by a component from the design's types, in the
 * envelope every stub sends), and a `send` or `receive` operation per service that publishes or
 * consumes it. A design without queues still gets the document, with its brokers and no
 * channels, so the file a user looks for is always there.
 */
export function generateAsyncApi(design: Design): GeneratedFile[] {
  const wirings = wireServices(design);
  const uses: Use[] = wirings.flatMap((w) => [
    ...w.publishes.map((q): Use => ({ service: w.node, action: 'send', q })),
    ...w.subscribes.map((q): Use => ({ service: w.node, action: 'receive', q })),
  ]);
  const usedBrokers = new Set(uses.map((u) => u.q.broker.id));
  const serverId = ids();
  const servers = new Map<string, { id: string; node: DesignNode }>();
  for (const n of design.nodes) {
    const kind = n.kind as keyof typeof BROKER_PROTOCOLS;
    if (!Object.hasOwn(BROKER_PROTOCOLS, kind)) continue;
    // Redis is a broker only where a queue link or a channel uses it; elsewhere a cache or a database.
    if (kind === 'redis' && !usedBrokers.has(n.id) && (n.channels?.length ?? 0) === 0) continue;
    servers.set(n.id, { id: serverId(dnsLabel(n.name), 'broker'), node: n });
  }

  const c = designContracts(design);
  const types = new TypeSchemas((name) => `#/components/schemas/${name}`);
  const channelId = ids();
  const channels = new Map<string, Channel>();
  const channelOf = (broker: DesignNode, topic: string, message: ResolvedType, sender: string): Channel => {
    const key = keyOf(broker.id, topic);
    let ch = channels.get(key);
    if (!ch) {
      ch = {
        id: channelId(`${dnsLabel(broker.name)} ${topic}`, 'channel'),
        broker,
        serverId: servers.get(broker.id)?.id ?? '',
        topic,
        sender,
        messageId: camelCase(`${topic} message`, 'message'),
        message,
      };
      channels.set(key, ch);
    }
    return ch;
  };
  for (const [id, { node }] of servers)
    for (const ch of c.channels(id)) {
      const use = uses.find((o) => o.action === 'send' && keyOf(o.q.broker.id, o.q.topic) === keyOf(id, ch.address));
      const any = use ?? uses.find((o) => keyOf(o.q.broker.id, o.q.topic) === keyOf(id, ch.address));
      channelOf(node, ch.address, ch.message, dnsLabel(any?.service.name ?? node.name));
    }
  const operationId = ids();
  const operations: Record<string, unknown> = {};
  for (const u of uses) {
    const message = c.universe.resolve(u.q.message) ?? {
      kind: 'wellKnown',
      ref: 'google.protobuf.Struct',
      name: 'google.protobuf.Struct',
      json: 'object',
    };
    const ch = channelOf(u.q.broker, u.q.topic, message, dnsLabel(u.service.name));
    const service = dnsLabel(u.service.name);
    const id = operationId(`${service} ${u.action} ${dnsLabel(u.q.broker.name)} ${u.q.topic}`, 'operation');
    const op: Record<string, unknown> = {
      action: u.action,
      channel: { $ref: `#/channels/${ch.id}` },
      messages: [{ $ref: `#/channels/${ch.id}/messages/${ch.messageId}` }],
      title: `${service} ${u.action === 'send' ? 'publishes' : 'consumes'} ${u.q.topic}`,
      description: usageNote(u.q.brokerKind, u.action, u.q.topic, service),
      'x-service': service,
    };
    const bindings = u.action === 'receive' ? receiveBindings(u.q.brokerKind, service) : undefined;
    if (bindings) op.bindings = bindings;
    operations[id] = op;
  }

  const doc = {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: design.name.trim() || 'system',
      version: '0.1.0',
      description:
        'The messages of the system: every broker, every topic, queue, stream or subject, the envelope each ' +
        'message travels in, and which service sends or receives it.',
    },
    defaultContentType: 'application/json',
    servers: Object.fromEntries(
      [...servers.values()].map(({ id, node }) => {
        const kind = node.kind as keyof typeof BROKER_PROTOCOLS;
        const p = BROKER_PROTOCOLS[kind];
        const server: Record<string, unknown> = {
          host: `${dnsLabel(node.name)}:${node.port}`,
          protocol: p.protocol,
        };
        if (p.protocolVersion) server.protocolVersion = p.protocolVersion;
        server.title = node.name;
        server.description = `${INFRA[kind].product}, reached inside the compose network or the Kubernetes namespace.`;
        return [id, server];
      }),
    ),
    channels: Object.fromEntries(
      [...channels.values()].map((ch) => {
        const kind = ch.broker.kind as keyof typeof BROKER_PROTOCOLS;
        const channel: Record<string, unknown> = {
          address: ch.topic,
          title: ch.topic,
          description: `The ${INFRA[kind].channelWord} ${ch.topic} on ${dnsLabel(ch.broker.name)}.`,
          servers: [{ $ref: `#/servers/${ch.serverId}` }],
          messages: {
            [ch.messageId]: {
              name: ch.messageId,
              title: `A message on ${ch.topic}`,
              contentType: 'application/json',
              payload: envelope(ch.topic, ch.sender, types.schemaOf(ch.message)),
              examples: [
                {
                  name: 'sample',
                  payload: {
                    id: `${ch.sender}-1`,
                    from: ch.sender,
                    topic: ch.topic,
                    path: [ch.sender],
                    payload: sampleOfType(ch.message),
                  },
                },
              ],
            },
          },
        };
        const bindings = channelBindings(kind, ch.topic);
        if (bindings) channel.bindings = bindings;
        return [ch.id, channel];
      }),
    ),
    operations,
  };
  const schemas = types.components();
  const out = Object.keys(schemas).length > 0 ? { ...doc, components: { schemas } } : doc;
  return [{ path: 'asyncapi.yaml', content: toYaml(out) }];
}
