import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKafka } from './kafka';
import { NATIVE_INFRA, startInfra, type InfraHandle, type NativeInfra } from './index';
import { postgresBinDir } from './install';
import { freePort, killAllNow, run, stopAll, tcpExchange } from './proc';

/**
 * Proves the native brokers and databases: starts each one, talks to it with a real client
 * (Kafka: a produce and consume round trip with Kafka's console tools; PostgreSQL: psql over TCP
 * with the app password), stops it and checks that nothing is left listening.
 *
 *   npx tsx conformance/infra/selftest.ts [kafka redis ...]
 */

type Check = (h: InfraHandle) => Promise<string | null>;

async function kafkaRoundTrip(work: string): Promise<string | null> {
  const k = await startKafka({ port: await freePort(), workDir: join(work, 'kafka'), log: console.log });
  try {
    const topic = 'selftest-events';
    await k.createTopics?.([topic]);
    const list = await k.tool('org.apache.kafka.tools.TopicCommand', ['--bootstrap-server', k.url, '--list']);
    if (!list.output.split('\n').includes(topic)) return `topic not listed:\n${list.output}`;
    const msg = JSON.stringify({ id: 'selftest-1', from: 'selftest', topic });
    const prod = await k.tool(
      'kafka.tools.ConsoleProducer',
      ['--bootstrap-server', k.url, '--topic', topic],
      `${msg}\n`,
    );
    if (prod.code !== 0) return `console producer failed:\n${prod.output}`;
    const cons = await k.tool('org.apache.kafka.tools.consumer.ConsoleConsumer', [
      '--bootstrap-server',
      k.url,
      '--topic',
      topic,
      '--group',
      'selftest',
      '--from-beginning',
      '--max-messages',
      '1',
      '--timeout-ms',
      '30000',
    ]);
    return cons.output.includes(msg) ? null : `message not consumed back:\n${cons.output}`;
  } finally {
    await k.stop();
  }
}

const CHECKS: Record<Exclude<NativeInfra, 'kafka'>, Check> = {
  redis: async (h) => {
    const r = await tcpExchange(h.port, Buffer.from('XADD t * f v\r\nXLEN t\r\n'), 2000, (b) => b.includes(':1'));
    return r?.includes(':1') ? null : `XADD/XLEN gave ${r?.toString()}`;
  },
  nats: async (h) => {
    const hello = Buffer.from('CONNECT {}\r\nSUB t 1\r\nPUB t 2\r\nhi\r\nPING\r\n');
    const r = await tcpExchange(h.port, hello, 2000, (b) => b.includes('MSG t 1 2'));
    return r?.includes('MSG t 1 2') ? null : `no message back: ${r?.toString()}`;
  },
  rabbitmq: async (h) => {
    const r = await tcpExchange(h.port, Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1]), 2000, (b) => b.length > 11);
    return r && r[0] === 1 && r.includes('PLAIN') ? null : 'no AMQP Connection.Start';
  },
  postgres: async (h) => {
    const bin = postgresBinDir() ?? '';
    const r = await run(
      join(bin, 'psql'),
      [h.url, '-tAc', 'CREATE TABLE t (x int); INSERT INTO t VALUES (7); SELECT x FROM t'],
      {
        timeoutMs: 30_000,
      },
    );
    return r.output.trim().endsWith('7') ? null : `psql: ${r.output}`;
  },
};

async function main(argv: string[]): Promise<number> {
  const kinds = (argv.length ? argv : [...NATIVE_INFRA]) as NativeInfra[];
  const work = mkdtempSync(join(tmpdir(), 'polyglot-selftest-'));
  let failed = 0;
  for (const kind of kinds) {
    const t0 = Date.now();
    let problem: string | null;
    let port = 0;
    try {
      if (kind === 'kafka') problem = await kafkaRoundTrip(work);
      else {
        const h = await startInfra(kind, work, { log: console.log });
        port = h.port;
        try {
          problem = await CHECKS[kind](h);
        } finally {
          await h.stop();
        }
      }
      if (!problem && port && (await tcpExchange(port, undefined, 300)) !== null)
        problem = 'still listening after stop';
    } catch (e) {
      problem = (e as Error).message;
    }
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(`${problem ? 'FAIL' : 'PASS'} ${kind} (${secs} s)${problem ? `\n${problem}` : ''}`);
    if (problem) failed++;
  }
  await stopAll();
  rmSync(work, { recursive: true, force: true });
  console.log(`${kinds.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

process.on('exit', killAllNow);
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
process.exitCode = await main(process.argv.slice(2));
