import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureProgram } from './install';
import { freePorts, spawnLogged, stopProc, tcpExchange, waitUntil, type Proc } from './proc';
import type { InfraHandle, StartOptions } from './types';

/** Debian's /usr/sbin/rabbitmq-server switches to the rabbitmq user with su; this one runs in place. */
const SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';

/** The AMQP 0-9-1 protocol header; a ready broker answers with a Connection.Start method frame. */
const AMQP_HEADER = Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1]);

function isConnectionStart(b: Buffer | null): boolean {
  // frame type 1 (method), channel 0, size, class 10 (connection), method 10 (start)
  return !!b && b.length >= 11 && b[0] === 1 && b.readUInt16BE(7) === 10 && b.readUInt16BE(9) === 10;
}

/**
 * Starts a RabbitMQ node without systemd: its own epmd on a free port (so nothing outlives the
 * run and nothing clashes with another node on the machine), a unique node name, Mnesia and logs
 * in the work folder, no plugins (no management UI), listening on 127.0.0.1 only.
 */
export async function startRabbitMq(o: StartOptions): Promise<InfraHandle> {
  await ensureProgram('rabbitmq-server', 'rabbitmq-server');
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: install the Debian package rabbitmq-server.`);
  const epmdBin = await ensureProgram('epmd', 'erlang-base');
  const home = o.workDir;
  mkdirSync(join(home, 'mnesia'), { recursive: true });
  mkdirSync(join(home, 'log'), { recursive: true });
  const plugins = join(home, 'enabled_plugins');
  writeFileSync(plugins, '[].\n');
  const conf = join(home, 'rabbitmq.conf');
  writeFileSync(
    conf,
    [
      `listeners.tcp.1 = 127.0.0.1:${o.port}`,
      // the guest user may only connect from the loopback, which is where every service is
      'loopback_users.guest = true',
      'log.console = true',
      'log.console.level = info',
      'log.file = false',
      '',
    ].join('\n'),
  );
  const [epmdPort, distPort] = (await freePorts(3)).filter((p) => p !== o.port) as [number, number];

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // the Erlang cookie lives in $HOME
    HOME: home,
    ERL_EPMD_PORT: String(epmdPort),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    RABBITMQ_CONF_ENV_FILE: join(home, 'rabbitmq-env.conf'),
    RABBITMQ_NODENAME: `rabbit${o.port}@localhost`,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(o.port),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_CONFIG_FILE: conf,
    RABBITMQ_MNESIA_BASE: join(home, 'mnesia'),
    RABBITMQ_LOG_BASE: join(home, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: plugins,
    RABBITMQ_PID_FILE: join(home, 'rabbitmq.pid'),
    RABBITMQ_LOGS: '-',
  };
  writeFileSync(env.RABBITMQ_CONF_ENV_FILE as string, '# empty: everything is set in the environment\n');

  const procs: Proc[] = [];
  const epmd = spawnLogged('epmd', epmdBin, ['-port', String(epmdPort), '-address', '127.0.0.1'], {
    cwd: home,
    env,
    logFile: join(home, 'epmd.log'),
  });
  procs.push(epmd);
  await waitUntil('epmd', async () => (await tcpExchange(epmdPort, undefined, 300)) !== null, 10_000, epmd);

  const server = spawnLogged('rabbitmq', SERVER, [], { cwd: home, env, logFile: join(home, 'rabbitmq.log') });
  procs.push(server);
  o.log?.(`rabbitmq: pid ${server.pid}, port ${o.port} (epmd pid ${epmd.pid}, port ${epmdPort})`);
  const stop = async () => {
    await stopProc(server, 'SIGTERM', 20_000);
    await stopProc(epmd, 'SIGTERM', 5_000);
  };
  try {
    await waitUntil(
      'rabbitmq',
      async () => isConnectionStart(await tcpExchange(o.port, AMQP_HEADER, 1000, (b) => b.length >= 11)),
      90_000,
      server,
      500,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { kind: 'rabbitmq', port: o.port, url: `amqp://guest:guest@127.0.0.1:${o.port}/`, procs, stop };
}
