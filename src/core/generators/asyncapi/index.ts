import { INFRA } from '../../catalog/catalog';
import { contractFields, type ContractField } from '../../model/contracts';
import { camelCase, dnsLabel } from '../../model/naming';
import type { Design, DesignNode } from '../../model/types';
import { wireServices, type QueueUse } from '../../model/wiring';
import { objectSchema, sampleObject, toYaml, type JsonSchema } from '../openapi';
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
  /** Message id -> fields, one per distinct payload the links declare. */
  messages: Map<string, ContractField[]>;
  shapes: Map<string, string>;
  nextMessageId: (name: string, fallback: string) => string;
}

interface Use {
  service: DesignNode;
  action: 'send' | 'receive';
  q: QueueUse;
}

/** The envelope of docs/stub-contract.md around the declared fields. */
function envelope(topic: string, sender: string, fields: readonly ContractField[]): JsonSchema {
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
      payload: objectSchema(fields, 'The fields declared on the queue link.'),
    },
  };
}

const keyOf = (u: Use) => `${u.q.broker.id} ${u.q.topic}`;

function shapeKey(fields: readonly ContractField[]): string {
  return fields.map((f) => `${f.name}:${f.type}`).join(',');
}

/**
 * The AsyncAPI 3.0 document of the whole system, `asyncapi.yaml`: a server per broker, a channel
 * per (broker, topic), its messages in the envelope every stub sends, and a `send` or `receive`
 * operation per service that publishes or consumes it. A design without queues still gets the
 * document, with its brokers and no channels, so the file a user looks for is always there.
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
    // Redis is a broker only where a queue link uses it; elsewhere it is a cache or a database.
    if (kind === 'redis' && !usedBrokers.has(n.id)) continue;
    servers.set(n.id, { id: serverId(dnsLabel(n.name), 'broker'), node: n });
  }

  const channelId = ids();
  const channels = new Map<string, Channel>();
  const operationId = ids();
  const operations: Record<string, unknown> = {};
  for (const u of uses) {
    const key = keyOf(u);
    let ch = channels.get(key);
    if (!ch) {
      ch = {
        id: channelId(`${dnsLabel(u.q.broker.name)} ${u.q.topic}`, 'channel'),
        broker: u.q.broker,
        serverId: servers.get(u.q.broker.id)?.id ?? '',
        topic: u.q.topic,
        sender: dnsLabel((uses.find((o) => o.action === 'send' && keyOf(o) === key) ?? u).service.name),
        messages: new Map(),
        shapes: new Map(),
        nextMessageId: ids(),
      };
      channels.set(key, ch);
    }
    const fields = contractFields(u.q.message);
    let messageId = ch.shapes.get(shapeKey(fields));
    if (messageId === undefined) {
      messageId = ch.nextMessageId(`${u.q.topic} message`, 'message');
      ch.shapes.set(shapeKey(fields), messageId);
      ch.messages.set(messageId, fields);
    }
    const service = dnsLabel(u.service.name);
    const id = operationId(`${service} ${u.action} ${dnsLabel(u.q.broker.name)} ${u.q.topic}`, 'operation');
    const op: Record<string, unknown> = {
      action: u.action,
      channel: { $ref: `#/channels/${ch.id}` },
      messages: [{ $ref: `#/channels/${ch.id}/messages/${messageId}` }],
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
          messages: Object.fromEntries(
            [...ch.messages.entries()].map(([id, fields]) => [
              id,
              {
                name: id,
                title: `A message on ${ch.topic}`,
                contentType: 'application/json',
                payload: envelope(ch.topic, ch.sender, fields),
                examples: [
                  {
                    name: 'sample',
                    payload: {
                      id: `${ch.sender}-1`,
                      from: ch.sender,
                      topic: ch.topic,
                      path: [ch.sender],
                      payload: sampleObject(fields),
                    },
                  },
                ],
              },
            ]),
          ),
        };
        const bindings = channelBindings(kind, ch.topic);
        if (bindings) channel.bindings = bindings;
        return [ch.id, channel];
      }),
    ),
    operations,
  };
  return [{ path: 'asyncapi.yaml', content: toYaml(doc) }];
}
