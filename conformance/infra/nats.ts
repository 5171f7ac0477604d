import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureProgram } from './install';
import { spawnLogged, stopProc, tcpExchange, waitUntil } from './proc';
import type { InfraHandle, StartOptions } from './types';

/** Starts a NATS server on 127.0.0.1 (core NATS, no JetStream: the stubs use plain subjects). */
export async function startNats(o: StartOptions): Promise<InfraHandle> {
  const bin = await ensureProgram('nats-server', 'nats-server');
  mkdirSync(o.workDir, { recursive: true });
  const proc = spawnLogged('nats', bin, ['-p', String(o.port), '-a', '127.0.0.1'], {
    cwd: o.workDir,
    logFile: join(o.workDir, 'nats.log'),
  });
  o.log?.(`nats: pid ${proc.pid}, port ${o.port}`);
  // the server greets every client with INFO; a PING must get a PONG once it is ready
  const hello = Buffer.from('CONNECT {"verbose":false}\r\nPING\r\n');
  await waitUntil(
    'nats',
    async () => (await tcpExchange(o.port, hello, 1000, (b) => b.includes('PONG')))?.includes('PONG') ?? false,
    30_000,
    proc,
  );
  return {
    kind: 'nats',
    port: o.port,
    url: `nats://127.0.0.1:${o.port}`,
    procs: [proc],
    stop: () => stopProc(proc),
  };
}
