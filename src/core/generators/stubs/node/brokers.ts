import type { QueueUse } from '../../../model/wiring';

/**
 * The TypeScript producer and consumer of each broker kind: imports and code, as sections of
 * `src/plumbing/messaging.ts`. The semantics are the contract's (Kafka consumer group, RabbitMQ
 * fanout exchange and per-service queue, Redis Streams consumer group, NATS queue group).
 */
export const BROKER_TS: Record<QueueUse['brokerKind'], { imports: string; code: string }> = {
  kafka: {
    imports: `import { Kafka, logLevel, type Producer } from 'kafkajs';`,
    code: `
// --- Kafka: topic = the link's topic, consumer group = this service, from the earliest offset ---

function kafkaClient(url: string): Kafka {
  return new Kafka({
    clientId: config.serviceName(),
    brokers: url.split(','),
    connectionTimeout: 3000,
    requestTimeout: config.TIMEOUT_MS,
    retry: { retries: 2 },
    logLevel: logLevel.ERROR,
  });
}

async function kafkaPublish(link: config.QueueLink, body: string): Promise<void> {
  const producer = await cached<Producer>(\`kafka \${config.env(link.env)}\`, async () => {
    const p = kafkaClient(config.env(link.env)).producer({ allowAutoTopicCreation: true });
    await p.connect();
    return p;
  });
  await producer.send({ topic: link.topic, messages: [{ value: body }], timeout: config.TIMEOUT_MS });
}

async function kafkaConsume(urlEnv: string, links: config.QueueLink[]): Promise<void> {
  const consumer = kafkaClient(config.env(urlEnv)).consumer({ groupId: config.serviceName(), allowAutoTopicCreation: true });
  const byTopic = new Map(links.map((l) => [l.topic, l]));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [...byTopic.keys()], fromBeginning: true });
    const crashed = new Promise<void>((_, reject) => {
      consumer.on(consumer.events.CRASH, (e) => {
        if (!e.payload.restart) reject(e.payload.error);
      });
    });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const link = byTopic.get(topic);
        if (link && message.value) deliver(link, message.value.toString('utf8'));
      },
    });
    console.log(\`consuming Kafka topics \${[...byTopic.keys()].join(', ')}\`);
    await crashed;
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}
`,
  },
  rabbitmq: {
    imports: `import * as amqp from 'amqplib';`,
    code: `
// --- RabbitMQ: a durable fanout exchange per topic, a durable queue <topic>.<service> per consumer ---

async function rabbitmqPublish(link: config.QueueLink, body: string): Promise<void> {
  const key = \`rabbitmq \${config.env(link.env)}\`;
  const channel = await cached<amqp.ConfirmChannel>(key, async () => {
    const conn = await amqp.connect(config.env(link.env), { timeout: config.TIMEOUT_MS });
    conn.on('error', () => undefined);
    conn.on('close', () => drop(key));
    const ch = await conn.createConfirmChannel();
    ch.on('error', () => undefined);
    ch.on('close', () => drop(key));
    return ch;
  });
  await channel.assertExchange(link.topic, 'fanout', { durable: true });
  channel.publish(link.topic, '', Buffer.from(body, 'utf8'), { contentType: 'application/json', persistent: true });
  await channel.waitForConfirms();
}

async function rabbitmqConsume(urlEnv: string, links: config.QueueLink[]): Promise<void> {
  const conn = await amqp.connect(config.env(urlEnv), { timeout: config.TIMEOUT_MS });
  try {
    const closed = new Promise<void>((_, reject) => {
      conn.on('error', (e: Error) => reject(e));
      conn.on('close', () => reject(new Error('RabbitMQ connection closed')));
    });
    const ch = await conn.createChannel();
    for (const link of links) {
      const queue = \`\${link.topic}.\${config.serviceName()}\`;
      await ch.assertExchange(link.topic, 'fanout', { durable: true });
      await ch.assertQueue(queue, { durable: true });
      await ch.bindQueue(queue, link.topic, '');
      await ch.consume(queue, (msg) => {
        if (!msg) return;
        deliver(link, msg.content.toString('utf8'));
        ch.ack(msg);
      });
    }
    console.log(\`consuming RabbitMQ exchanges \${links.map((l) => l.topic).join(', ')}\`);
    await closed;
  } finally {
    await conn.close().catch(() => undefined);
  }
}
`,
  },
  redis: {
    imports: `import { Redis } from 'ioredis';`,
    code: `
// --- Redis Streams: XADD <topic> * message <json>; XREADGROUP in the group named after the service ---

function redisClient(url: string, blocking = false): Redis {
  return new Redis(url, {
    connectTimeout: config.TIMEOUT_MS,
    maxRetriesPerRequest: blocking ? null : 1,
    lazyConnect: true,
  });
}

async function redisPublish(link: config.QueueLink, body: string): Promise<void> {
  const url = config.env(link.env);
  const client = await cached<Redis>(\`redis \${url}\`, async () => {
    const c = redisClient(url);
    c.on('error', () => undefined);
    await c.connect();
    return c;
  });
  await client.xadd(link.topic, '*', 'message', body);
}

async function redisConsume(urlEnv: string, links: config.QueueLink[]): Promise<void> {
  const client = redisClient(config.env(urlEnv), true);
  client.on('error', () => undefined);
  const group = config.serviceName();
  try {
    await client.connect();
    for (const link of links) {
      try {
        await client.xgroup('CREATE', link.topic, group, '0', 'MKSTREAM');
      } catch (err) {
        if (!String(err).includes('BUSYGROUP')) throw err;
      }
    }
    const byTopic = new Map(links.map((l) => [l.topic, l]));
    const topics = [...byTopic.keys()];
    console.log(\`consuming Redis streams \${topics.join(', ')}\`);
    for (;;) {
      const batches = (await client.xreadgroup(
        'GROUP', group, consumerId(), 'COUNT', 10, 'BLOCK', 2000, 'STREAMS', ...topics, ...topics.map(() => '>'),
      )) as [string, [string, string[]][]][] | null;
      for (const [stream, entries] of batches ?? []) {
        for (const [id, fields] of entries) {
          const at = fields.indexOf('message');
          const link = byTopic.get(stream);
          if (link && at >= 0 && at + 1 < fields.length) deliver(link, fields[at + 1] ?? '');
          await client.xack(stream, group, id);
        }
      }
    }
  } finally {
    client.disconnect();
  }
}
`,
  },
  nats: {
    imports: `import { connect as natsConnect, type NatsConnection } from 'nats';`,
    code: `
// --- NATS: core subject = the topic; consumers in a queue group named after the service ---

function natsConnection(url: string): Promise<NatsConnection> {
  return natsConnect({ servers: url, name: config.serviceName(), timeout: 2000, maxReconnectAttempts: -1, reconnectTimeWait: 1000 });
}

async function natsPublish(link: config.QueueLink, body: string): Promise<void> {
  const key = \`nats \${config.env(link.env)}\`;
  const nc = await cached<NatsConnection>(key, async () => {
    const c = await natsConnection(config.env(link.env));
    void c.closed().then(() => drop(key));
    return c;
  });
  nc.publish(link.topic, new TextEncoder().encode(body));
  await nc.flush();
}

async function natsConsume(urlEnv: string, links: config.QueueLink[]): Promise<void> {
  const nc = await natsConnection(config.env(urlEnv));
  for (const link of links) {
    nc.subscribe(link.topic, {
      queue: config.serviceName(),
      callback: (err, msg) => {
        if (!err) deliver(link, new TextDecoder().decode(msg.data));
      },
    });
  }
  console.log(\`subscribed to NATS subjects \${links.map((l) => l.topic).join(', ')}\`);
  const err = await nc.closed();
  throw err ?? new Error('NATS connection closed');
}
`,
  },
};
