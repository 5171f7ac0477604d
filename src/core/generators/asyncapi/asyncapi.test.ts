import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { designContracts } from '../../model/contracts';
import { dnsLabel } from '../../model/naming';
import type { Design } from '../../model/types';
import { wireServices } from '../../model/wiring';
import { DesignBuilder, designArb, hostileDesign, seedDesign } from '../proto/designs.testkit';
import { fixtureNames, loadFixture } from '../../../../test/fixtures/load';
import { generateAsyncApi } from './index';
import { parseAsyncApi } from './parser.testkit';

type Ref = { $ref: string };
type Message = {
  payload: { properties: { topic: { const: string }; payload: { $ref?: string } } };
};
type Doc = {
  asyncapi: string;
  servers: Record<string, { host: string; protocol: string; protocolVersion?: string }>;
  channels: Record<string, { address: string; servers: Ref[]; messages: Record<string, Message>; bindings?: unknown }>;
  operations: Record<
    string,
    { action: string; channel: Ref; messages: Ref[]; 'x-service': string; bindings?: Record<string, unknown> }
  >;
  components?: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

const PROTOCOLS = { kafka: 'kafka', rabbitmq: 'amqp', redis: 'redis', nats: 'nats' } as const;

/**
 * Parses the document with the official parser (no error or warning allowed) and checks that
 * every publishing and consuming link is an operation on the channel of its broker and topic,
 * whose message is the broker channel's message type.
 */
async function expectValidAsyncApi(design: Design): Promise<Doc> {
  const files = generateAsyncApi(design);
  expect(files.map((f) => f.path)).toEqual(['asyncapi.yaml']);
  const text = files[0]?.content ?? '';
  const diagnostics = await parseAsyncApi(text);
  expect(diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
  // the one remark left: 3.1.0 exists, and the export deliberately writes the widely supported 3.0.0
  expect(diagnostics.map((d) => d.code)).toEqual(['asyncapi-latest-version']);
  const doc = parse(text) as Doc;
  expect(doc.asyncapi).toBe('3.0.0');
  const uses = wireServices(design).flatMap((w) => [
    ...w.publishes.map((q) => ({ w, q, action: 'send' })),
    ...w.subscribes.map((q) => ({ w, q, action: 'receive' })),
  ]);
  const ops = Object.values(doc.operations);
  expect(ops).toHaveLength(uses.length);
  // a channel per topic a service uses, and per topic a broker declares even when no service uses it
  const channelKeys = new Set([
    ...uses.map((u) => `${u.q.broker.id} ${u.q.topic}`),
    ...design.nodes.flatMap((n) =>
      designContracts(design)
        .channels(n.id)
        .map((c) => `${n.id} ${c.address}`),
    ),
  ]);
  expect(Object.keys(doc.channels)).toHaveLength(channelKeys.size);
  for (const u of uses) {
    const service = dnsLabel(u.w.node.name);
    const host = `${dnsLabel(u.q.broker.name)}:${u.q.broker.port}`;
    const match = ops.filter((o) => {
      const ch = doc.channels[o.channel.$ref.replace('#/channels/', '')];
      const server = doc.servers[ch?.servers[0]?.$ref.replace('#/servers/', '') ?? ''];
      return o.action === u.action && o['x-service'] === service && ch?.address === u.q.topic && server?.host === host;
    });
    expect(match, `${service} ${u.action} ${u.q.topic} on ${host}`).toHaveLength(1);
    const op = match[0];
    const channel = doc.channels[op?.channel.$ref.replace('#/channels/', '') ?? ''];
    expect(doc.servers[channel?.servers[0]?.$ref.replace('#/servers/', '') ?? '']?.protocol).toBe(
      PROTOCOLS[u.q.brokerKind],
    );
    expect(op?.messages).toHaveLength(1);
    const [, chId, , msgId] = (op?.messages[0]?.$ref ?? '').replace('#/', '').split('/');
    expect(`#/channels/${chId}`).toBe(op?.channel.$ref);
    const message = channel?.messages[msgId ?? ''];
    expect(message?.payload.properties.topic.const).toBe(u.q.topic);
    // the payload is the broker channel's message, a component of its own
    const t = designContracts(design).universe.resolve(u.q.message);
    const ref = message?.payload.properties.payload.$ref ?? '';
    const schema = doc.components?.schemas[ref.replace('#/components/schemas/', '')];
    expect(t?.kind === 'message' && Object.keys(schema?.properties ?? {})).toEqual(
      t?.kind === 'message' && t.type.fields.map((f) => f.jsonKey),
    );
  }
  return doc;
}

describe('generateAsyncApi', () => {
  it('describes every broker, topic and user of the seed design', async () => {
    const doc = await expectValidAsyncApi(seedDesign());
    expect(Object.values(doc.servers).map((s) => `${s.protocol} ${s.host} ${s.protocolVersion ?? ''}`)).toEqual([
      'kafka kafka:9092 ',
      'amqp rabbitmq:5672 0.9.1',
      'nats nats:4222 ',
      'redis redis:6379 ',
    ]);
    // in the order of the brokers that carry them
    expect(Object.values(doc.channels).map((c) => c.address)).toEqual([
      'order-events',
      'catalog.updates',
      'stock.low',
      'price-changes',
    ]);
    const consumers = Object.values(doc.operations).filter((o) => o.action === 'receive');
    expect(consumers.find((o) => o['x-service'] === 'notifications' && o.bindings?.kafka)?.bindings).toEqual({
      kafka: { groupId: { type: 'string', enum: ['notifications'] }, bindingVersion: '0.5.0' },
    });
    expect(consumers.find((o) => o['x-service'] === 'pricing')?.bindings).toEqual({
      nats: { queue: 'pricing', bindingVersion: '0.1.0' },
    });
    const rabbit = Object.values(doc.channels).find((c) => c.address === 'catalog.updates');
    expect(rabbit?.bindings).toMatchObject({
      amqp: { is: 'routingKey', exchange: { name: 'catalog.updates', type: 'fanout' } },
    });
  });

  it('still writes a valid document, with the brokers and no channels, when no queue link exists', async () => {
    const b = new DesignBuilder('no-queues');
    b.add('python-fastapi', 'a');
    b.add('kafka', 'kafka');
    b.add('redis', 'cache');
    const doc = await expectValidAsyncApi(b.design);
    expect(Object.keys(doc.servers)).toEqual(['kafka']);
    expect(doc.channels).toEqual({});
    expect(doc.operations).toEqual({});
    await expectValidAsyncApi(new DesignBuilder('empty').design);
  });

  it('keeps hostile names and topics safe', async () => {
    const doc = await expectValidAsyncApi(hostileDesign());
    for (const id of [...Object.keys(doc.servers), ...Object.keys(doc.channels), ...Object.keys(doc.operations)])
      expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(Object.values(doc.channels).map((c) => c.address)).toEqual(
      expect.arrayContaining(['rm--rf-.-.-etc', 'unicode.topic', 'events']),
    );
  });

  it('the parser set-up reports an invalid document', async () => {
    const text = generateAsyncApi(seedDesign())[0]?.content ?? '';
    const broken = text.replace('action: send', 'action: publish');
    const diagnostics = await parseAsyncApi(broken);
    expect(diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
  });

  it.each(fixtureNames())('writes a valid document for the fixture %s', async (name) => {
    await expectValidAsyncApi(loadFixture(name));
  });

  it('is deterministic', () => {
    expect(generateAsyncApi(hostileDesign())).toEqual(generateAsyncApi(hostileDesign()));
  });

  it('property: random designs give a document without errors, with every queue use', async () => {
    await fc.assert(
      fc.asyncProperty(designArb(60), async (design) => {
        await expectValidAsyncApi(design);
      }),
      { numRuns: 20 },
    );
  }, 300_000);
});
