import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NATIVE_INFRA, installInfra, isNativeInfra, startInfra, type InfraHandle } from './index';
import { killAllNow, stopAll } from './proc';

/**
 * Starts brokers and databases natively and keeps them running until Ctrl-C, for trying a stub
 * against the real thing:
 *
 *   npx tsx conformance/infra/up.ts kafka redis rabbitmq nats postgres
 *   npx tsx conformance/infra/up.ts kafka=19092 --dir /tmp/brokers
 *
 * `kind=port` picks the port; without it a free one is used. Kafka topics can be created at
 * start with `--topic NAME` (repeatable). `--prefetch` only installs what is missing (Debian
 * packages, the Kafka jars) and exits.
 */
async function main(argv: string[]): Promise<void> {
  const wanted: { kind: string; port?: number }[] = [];
  const topics: string[] = [];
  let dir: string | undefined;
  let prefetch = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--dir') dir = argv[++i];
    else if (a === '--topic') topics.push(argv[++i] ?? '');
    else if (a === '--prefetch') prefetch = true;
    else if (a === '-h' || a === '--help') {
      console.log(`usage: up.ts [--prefetch] [--dir DIR] [--topic T]... ${NATIVE_INFRA.join('|')}[=PORT] ...`);
      return;
    } else {
      const [kind = '', port] = a.split('=');
      wanted.push({ kind, port: port ? Number(port) : undefined });
    }
  }
  const bad = wanted.filter((w) => !isNativeInfra(w.kind));
  if (wanted.length === 0 || bad.length > 0) {
    console.error(
      `Name what to start: ${NATIVE_INFRA.join(', ')}${bad.length ? ` (unknown: ${bad.map((b) => b.kind).join(', ')})` : ''}`,
    );
    process.exitCode = 2;
    return;
  }
  if (prefetch) {
    await installInfra(wanted.map((w) => w.kind).filter(isNativeInfra), (l) => console.log(l));
    return;
  }
  const work = dir ?? mkdtempSync(join(tmpdir(), 'polyglot-infra-'));
  const started: InfraHandle[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping ...');
    await stopAll();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('exit', killAllNow);
  try {
    for (const w of wanted) {
      if (!isNativeInfra(w.kind)) continue;
      const h = await startInfra(w.kind, work, { port: w.port, log: (l) => console.log(l) });
      if (h.createTopics && topics.length) await h.createTopics(topics);
      started.push(h);
    }
  } catch (e) {
    console.error((e as Error).message);
    await shutdown(1);
    return;
  }
  console.log(`\nwork folder: ${work}`);
  for (const h of started) console.log(`${h.kind.padEnd(9)} ${h.url}   (pid ${h.procs.map((p) => p.pid).join(', ')})`);
  console.log('\nrunning; Ctrl-C stops everything');
  await new Promise(() => undefined);
}

void main(process.argv.slice(2));
