import type { QueueUse } from '../../model/wiring';

/** What AsyncAPI calls each broker kind, and the protocol version where it means something. */
export const BROKER_PROTOCOLS = {
  kafka: { protocol: 'kafka', protocolVersion: undefined },
  rabbitmq: { protocol: 'amqp', protocolVersion: '0.9.1' },
  redis: { protocol: 'redis', protocolVersion: undefined },
  nats: { protocol: 'nats', protocolVersion: undefined },
} as const satisfies Record<QueueUse['brokerKind'], { protocol: string; protocolVersion: string | undefined }>;

type BrokerKind = keyof typeof BROKER_PROTOCOLS;

/** How a stub uses the broker for one link, in the words of docs/stub-contract.md. */
export function usageNote(kind: BrokerKind, action: 'send' | 'receive', topic: string, service: string): string {
  if (action === 'send') {
    switch (kind) {
      case 'kafka':
        return `${service} produces to the Kafka topic ${topic}.`;
      case 'rabbitmq':
        return `${service} publishes to the durable fanout exchange ${topic}.`;
      case 'redis':
        return `${service} appends to the Redis stream ${topic} (XADD).`;
      case 'nats':
        return `${service} publishes on the NATS subject ${topic}.`;
    }
  }
  switch (kind) {
    case 'kafka':
      return `${service} consumes ${topic} in the consumer group ${service}, from the earliest offset.`;
    case 'rabbitmq':
      return `${service} consumes its own durable queue ${topic}.${service}, bound to the exchange ${topic}.`;
    case 'redis':
      return `${service} reads the stream ${topic} in the consumer group ${service} (XREADGROUP).`;
    case 'nats':
      return `${service} subscribes to ${topic} in the queue group ${service}.`;
  }
}

/** Channel bindings: RabbitMQ's fanout exchange named after the topic. */
export function channelBindings(kind: BrokerKind, topic: string): Record<string, unknown> | undefined {
  if (kind !== 'rabbitmq') return undefined;
  return {
    amqp: {
      is: 'routingKey',
      exchange: { name: topic, type: 'fanout', durable: true, autoDelete: false, vhost: '/' },
      bindingVersion: '0.3.0',
    },
  };
}

/** Receive bindings: the Kafka consumer group and the NATS queue group are the service's name. */
export function receiveBindings(kind: BrokerKind, service: string): Record<string, unknown> | undefined {
  if (kind === 'kafka') return { kafka: { groupId: { type: 'string', enum: [service] }, bindingVersion: '0.5.0' } };
  if (kind === 'nats') return { nats: { queue: service, bindingVersion: '0.1.0' } };
  return undefined;
}
