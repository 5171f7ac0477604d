import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureProgram } from './install';
import { spawnLogged, stopProc, tcpExchange, waitUntil } from './proc';
import type { InfraHandle, StartOptions } from './types';

/** Starts Redis on 127.0.0.1 in the foreground, with no persistence. */
export async function startRedis(o: StartOptions): Promise<InfraHandle> {
  const bin = await ensureProgram('redis-server', 'redis-server');
  mkdirSync(o.workDir, { recursive: true });
  const proc = spawnLogged(
    'redis',
    bin,
    ['--port', String(o.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { cwd: o.workDir, logFile: join(o.workDir, 'redis.log') },
  );
  o.log?.(`redis: pid ${proc.pid}, port ${o.port}`);
  await waitUntil(
    'redis',
    async () => (await tcpExchange(o.port, Buffer.from('PING\r\n'), 1000))?.toString().startsWith('+PONG') ?? false,
    30_000,
    proc,
  );
  return {
    kind: 'redis',
    port: o.port,
    url: `redis://127.0.0.1:${o.port}/0`,
    procs: [proc],
    stop: () => stopProc(proc),
  };
}
