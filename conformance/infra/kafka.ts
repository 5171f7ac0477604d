import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterId as kraftClusterId } from '../../src/core/generators/compose/plan';
import { cacheRoot, ensureProgram } from './install';
import { freePort, run, spawnLogged, stopProc, tcpExchange, waitUntil, type RunResult } from './proc';
import type { InfraHandle, StartOptions } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const POM = join(here, 'kafka', 'pom.xml');

/** The Kafka version of conformance/infra/kafka/pom.xml, the same as the compose image's. */
export function kafkaVersion(): string {
  const m = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(POM, 'utf8'));
  if (!m?.[1]) throw new Error(`${POM} has no kafka.version property`);
  return m[1];
}

/**
 * The folder of the broker's jars, fetched once from Maven Central with `mvn
 * dependency:copy-dependencies` and cached under ~/.cache/polyglot-canvas/kafka-<version>/libs.
 */
export async function ensureKafkaLibs(log?: (l: string) => void): Promise<string> {
  const root = join(cacheRoot(), `kafka-${kafkaVersion()}`);
  const libs = join(root, 'libs');
  if (existsSync(join(libs, '.complete'))) return libs;
  const mvn = await ensureProgram('mvn', 'maven');
  await ensureProgram('java', 'default-jre-headless');
  log?.(`kafka: fetching the jars of Kafka ${kafkaVersion()} from Maven Central into ${libs}`);
  const tmp = `${libs}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const r = await run(
    mvn,
    ['-q', '-B', '-f', POM, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${tmp}`],
    { timeoutMs: 15 * 60_000 },
  );
  if (r.code !== 0) throw new Error(`mvn could not fetch the Kafka jars:\n${r.output.slice(-3000)}`);
  writeFileSync(join(tmp, '.complete'), `${kafkaVersion()}\n`);
  try {
    renameSync(tmp, libs);
  } catch {
    // another run finished first; its copy is as good as ours
    rmSync(tmp, { recursive: true, force: true });
  }
  return libs;
}

/** Kafka's Metadata request, version 1, for all topics. */
function metadataRequest(correlationId: number): Buffer {
  const client = Buffer.from('conformance');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + client.length + 4);
  let o = body.writeInt16BE(3, 0); // api key: Metadata
  o = body.writeInt16BE(1, o); // api version
  o = body.writeInt32BE(correlationId, o);
  o = body.writeInt16BE(client.length, o);
  o += client.copy(body, o);
  body.writeInt32BE(-1, o); // null topic array: all topics
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

/** Whether the broker at `port` answers a Metadata request listing at least one broker. */
export async function kafkaAnswersMetadata(port: number): Promise<boolean> {
  const id = 4242;
  const full = (b: Buffer) => b.length >= 4 && b.length >= 4 + b.readInt32BE(0);
  const res = await tcpExchange(port, metadataRequest(id), 2000, full);
  if (!res || !full(res) || res.length < 12) return false;
  return res.readInt32BE(4) === id && res.readInt32BE(8) >= 1;
}

const LOG4J = [
  'log4j.rootLogger=INFO, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
  'log4j.logger.kafka=INFO',
  'log4j.logger.org.apache.kafka=INFO',
  '',
].join('\n');

/** The command line tools only say what went wrong. */
const LOG4J_TOOLS = [
  'log4j.rootLogger=WARN, stderr',
  'log4j.appender.stderr=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stderr.Target=System.err',
  'log4j.appender.stderr.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stderr.layout.ConversionPattern=%p %m (%c)%n',
  '',
].join('\n');

/** Command line of a Kafka class with the cached jars on the class path. */
function kafkaJava(libs: string, workDir: string, mainClass: string, args: string[], heap = '256m'): string[] {
  const log4j = mainClass === 'kafka.Kafka' ? 'log4j.properties' : 'log4j-tools.properties';
  return [
    `-Xmx${heap}`,
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${join(workDir, log4j)}`,
    '-cp',
    `${libs}/*`,
    mainClass,
    ...args,
  ];
}

/**
 * Starts a single Kafka node in KRaft mode (broker and controller in one JVM) from the jars on
 * Maven Central: formats the storage in the work folder, runs kafka.Kafka, and waits until it
 * answers a Metadata request.
 */
export async function startKafka(o: StartOptions): Promise<KafkaHandle> {
  const java = await ensureProgram('java', 'default-jre-headless');
  const libs = await ensureKafkaLibs(o.log);
  const dataDir = join(o.workDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(o.workDir, 'log4j.properties'), LOG4J);
  writeFileSync(join(o.workDir, 'log4j-tools.properties'), LOG4J_TOOLS);
  let controller = await freePort();
  while (controller === o.port) controller = await freePort();
  const props = join(o.workDir, 'server.properties');
  writeFileSync(
    props,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `listeners=PLAINTEXT://127.0.0.1:${o.port},CONTROLLER://127.0.0.1:${controller}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${o.port}`,
      'controller.listener.names=CONTROLLER',
      'inter.broker.listener.name=PLAINTEXT',
      'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      `controller.quorum.voters=1@127.0.0.1:${controller}`,
      `log.dirs=${dataDir}`,
      'num.partitions=1',
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=1',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'auto.create.topics.enable=true',
      'group.initial.rebalance.delay.ms=0',
      '',
    ].join('\n'),
  );
  // The exported compose file's id scheme: never begins with '-', which the format tool's
  // argument parser would read as an option.
  const clusterId = kraftClusterId(randomUUID());
  const fmt = await run(
    java,
    kafkaJava(libs, o.workDir, 'kafka.tools.StorageTool', [
      'format',
      '-t',
      clusterId,
      '-c',
      props,
      '--ignore-formatted',
    ]),
    { timeoutMs: 120_000 },
  );
  if (fmt.code !== 0) throw new Error(`kafka storage format failed:\n${fmt.output.slice(-3000)}`);

  const proc = spawnLogged('kafka', java, kafkaJava(libs, o.workDir, 'kafka.Kafka', [props], '768m'), {
    cwd: o.workDir,
    logFile: join(o.workDir, 'kafka.log'),
  });
  o.log?.(`kafka: pid ${proc.pid}, port ${o.port} (controller ${controller})`);
  const stop = () => stopProc(proc, 'SIGTERM', 20_000);
  try {
    await waitUntil('kafka', () => kafkaAnswersMetadata(o.port), 120_000, proc, 500);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    kind: 'kafka',
    port: o.port,
    url: `127.0.0.1:${o.port}`,
    procs: [proc],
    stop,
    createTopics: (topics) => createKafkaTopics(java, libs, o.workDir, o.port, topics),
    tool: (mainClass, args, input) =>
      run(java, kafkaJava(libs, o.workDir, mainClass, args, '128m'), { input, timeoutMs: 120_000 }),
  };
}

/** A started Kafka node, with a way to run Kafka's own command line tools against it. */
export interface KafkaHandle extends InfraHandle {
  /** Runs a Kafka tool class (e.g. `org.apache.kafka.tools.TopicCommand`) with the broker's jars. */
  tool(mainClass: string, args: string[], input?: string): Promise<RunResult>;
}

/** Creates topics with Kafka's own TopicCommand, as the compose init service does. */
async function createKafkaTopics(
  java: string,
  libs: string,
  workDir: string,
  port: number,
  topics: readonly string[],
): Promise<void> {
  for (const topic of [...new Set(topics)]) {
    const args = ['--bootstrap-server', `127.0.0.1:${port}`, '--create', '--if-not-exists', '--topic', topic];
    const r = await run(
      java,
      kafkaJava(libs, workDir, 'org.apache.kafka.tools.TopicCommand', [
        ...args,
        '--partitions',
        '1',
        '--replication-factor',
        '1',
      ]),
      { timeoutMs: 120_000 },
    );
    if (r.code !== 0) throw new Error(`creating Kafka topic ${topic} failed:\n${r.output.slice(-2000)}`);
  }
}
