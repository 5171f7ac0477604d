import { describe, expect, it } from 'vitest';
import { contractFiles } from '../contracts/fixtures.testkit';
import { sortFiles } from '../contracts/sniff';
import type { BrokerKind, ImporterResult, ImportedContracts } from '../contracts/types';
import { importAsyncApi } from '.';

async function run(files: Record<string, string>, entry: string, fallback?: BrokerKind): Promise<ImporterResult> {
  const sorted = sortFiles(files);
  if (!sorted.ok) return { ok: false, error: sorted.error, warnings: [] };
  const doc = sorted.files.docs.get(entry);
  if (!doc) throw new Error(`no ${entry}`);
  return importAsyncApi(doc, sorted.files.docs, sorted.files.texts, fallback);
}

async function ok(files: Record<string, string>, entry: string, fallback?: BrokerKind): Promise<ImportedContracts> {
  const r = await run(files, entry, fallback);
  if (!r.ok) throw new Error(r.error);
  return r.imported;
}

const files = () => contractFiles('asyncapi');
const channels = (got: ImportedContracts) =>
  got.brokers.map((b) => `${b.kind}: ${b.channels.map((c) => `${c.topic}=${c.message}`).join(' ')}`);
const links = (got: ImportedContracts) =>
  got.links.map((l) => `${l.direction} ${l.topic} on ${l.broker.replace(/^.*#broker:/, '')}`);

describe('importAsyncApi', () => {
  it('reads AsyncAPI 2.6: subscribe operations publish, publish operations subscribe', async () => {
    const got = await ok(files(), 'orders-2.6.yaml');
    expect(got.services).toEqual([
      {
        key: 'orders-2.6.yaml',
        name: 'order-service',
        grpc: [],
        rest: [],
        source: 'orders-2.6.yaml',
        description: 'Takes orders and tells the rest of the shop about them.',
      },
    ]);
    expect(channels(got)).toEqual([
      'kafka: orders.placed=order-service_OrderPlaced payments.completed=order-service_PaymentCompleted orders.cancelled=order-service_OrderCancelled',
    ]);
    expect(links(got)).toEqual([
      'publish orders.placed on kafka',
      'subscribe payments.completed on kafka',
      'publish orders.cancelled on kafka',
    ]);
    expect(got.types.map((t) => `${t.name} (${t.file})`)).toEqual([
      'OrderPlaced (orders-2.6.yaml)',
      'LineItem (schemas/events.yaml)',
      'Money (schemas/events.yaml)',
      'PaymentCompleted (schemas/events.yaml)',
      'Method (schemas/events.yaml)',
      'OrderCancelled (orders-2.6.yaml)',
      'Reason (orders-2.6.yaml)',
    ]);
    expect(got.types.every((t) => t.owner === undefined && t.package === undefined)).toBe(true);
    expect(got.types[0]).toMatchObject({
      fields: [
        { number: 1, name: 'orderId', type: 'string' },
        { number: 2, name: 'customerId', type: 'string', label: 'optional' },
        { number: 3, name: 'items', type: 'order-service_LineItem', label: 'repeated' },
        { number: 4, name: 'total', type: 'order-service_Money' },
        { number: 5, name: 'placedAt', type: 'google.protobuf.Timestamp', label: 'optional' },
      ],
    });
    expect(got.warnings).toEqual([
      '"defaultContentType" is not kept (the design has no place for it), at orders-2.6.yaml:11:21 (#/defaultContentType).',
      '"headers" is not kept (the design has no place for it), at orders-2.6.yaml:18:9 (#/channels/orders.placed/subscribe/message/headers).',
    ]);
  });

  it('reads AsyncAPI 3.0: channel addresses, servers per channel, send and receive', async () => {
    const got = await ok(files(), 'shipping-3.0.yaml');
    expect(got.services.map((s) => s.name)).toEqual(['shipping-service']);
    expect(channels(got)).toEqual([
      'kafka: orders.placed=shipping-service_OrderPlaced shipments.dispatched=shipping-service_ShipmentDispatched',
      'rabbitmq: emails=shipping-service_Email',
    ]);
    expect(links(got)).toEqual([
      'subscribe orders.placed on kafka',
      'publish shipments.dispatched on kafka',
      'publish emails on rabbitmq',
    ]);
    expect(got.types.map((t) => t.name)).toEqual(['OrderPlaced', 'LineItem', 'Money', 'ShipmentDispatched', 'Email']);
    expect(got.warnings).toEqual([]);
  });

  it('puts servers of other protocols on the broker kind asked for, and says so', async () => {
    const doc = [
      'asyncapi: 3.0.0',
      'info: {title: Sensors, version: "1"}',
      'servers:',
      '  mosquitto: {host: "mqtt.local:1883", protocol: mqtt}',
      'channels:',
      '  readings:',
      '    address: sensors/readings',
      '    messages:',
      '      Reading: {payload: {type: object, properties: {celsius: {type: number}}}}',
      '      Alarm: {payload: {type: string}}',
      'operations:',
      '  send: {action: send, channel: {$ref: "#/channels/readings"}}',
    ].join('\n');
    const got = await ok({ 's.yaml': doc }, 's.yaml', 'nats');
    expect(channels(got)).toEqual(['nats: sensors/readings=sensors_Reading']);
    expect(got.warnings).toEqual([
      's.yaml:4:14 (#/servers/mosquitto): protocol "mqtt" has no broker in the design; the server is imported as nats.',
      's.yaml:7:5 (#/channels/readings): the design keeps one message per channel; 1 more is not imported (Alarm).',
    ]);
  });

  it('refuses a document the AsyncAPI parser finds invalid, with the place', async () => {
    const r = await run({ 'x.yaml': 'asyncapi: 3.0.0\ninfo: {title: X}\nchannels: {a: {address: 5}}' }, 'x.yaml');
    expect(r).toEqual({
      ok: false,
      error: [
        'The AsyncAPI document is not valid:',
        'x.yaml:2:7 (#/info): "info" property must have required property "version"',
        'x.yaml:3:25 (#/channels/a/address): "address" property type must be string,null',
      ].join('\n'),
      warnings: [],
    });
  });

  it('refuses a reference to a file not given, and versions it does not read', async () => {
    const only = { 'orders-2.6.yaml': files()['orders-2.6.yaml'] ?? '' };
    const r = await run(only, 'orders-2.6.yaml');
    expect(r.ok === false && r.error).toBe(
      [
        'orders-2.6.yaml:53:15 (#/components/messages/PaymentCompleted/payload/$ref): $ref "./schemas/events.yaml#/PaymentCompleted" names a file that was not given.',
        'orders-2.6.yaml:66:19 (#/components/schemas/OrderPlaced/properties/items/items/$ref): $ref "./schemas/events.yaml#/LineItem" names a file that was not given.',
        'orders-2.6.yaml:68:17 (#/components/schemas/OrderPlaced/properties/total/$ref): $ref "./schemas/events.yaml#/Money" names a file that was not given.',
      ].join('\n'),
    );
    const old = await run({ 'o.yaml': 'asyncapi: 1.2.0\ninfo: {title: O, version: "1"}' }, 'o.yaml');
    expect(old.ok === false && old.error).toBe('o.yaml: AsyncAPI 1.2.0 is not imported; 2.0 to 2.6 and 3.0 are.');
  });
});
