import { join } from 'node:path';
import { ensureProgram, postgresBinDir } from './install';
import { ensureKafkaLibs, startKafka } from './kafka';
import { startNats } from './nats';
import { startPostgres } from './postgres';
import { freePort } from './proc';
import { startRabbitMq } from './rabbitmq';
import { startRedis } from './redis';
import type { InfraHandle, NativeInfra, StartOptions } from './types';

export { NATIVE_INFRA, isNativeInfra, type InfraHandle, type NativeInfra } from './types';

const STARTERS: Record<NativeInfra, (o: StartOptions) => Promise<InfraHandle>> = {
  kafka: startKafka,
  rabbitmq: startRabbitMq,
  redis: startRedis,
  nats: startNats,
  postgres: startPostgres,
};

/** Installs what starting these kinds needs (Debian packages, the Kafka jars), without starting them. */
export async function installInfra(kinds: readonly NativeInfra[], log?: (l: string) => void): Promise<void> {
  for (const kind of new Set(kinds)) {
    if (kind === 'kafka') await ensureKafkaLibs(log);
    else if (kind === 'postgres') {
      if (!postgresBinDir()) await ensureProgram('initdb', 'postgresql');
    } else if (kind === 'rabbitmq') await ensureProgram('rabbitmq-server', 'rabbitmq-server');
    else await ensureProgram(kind === 'redis' ? 'redis-server' : 'nats-server', `${kind}-server`);
  }
}

/**
 * Starts one broker or database natively on 127.0.0.1, on `port` or a free one, with its data
 * and log in `workDir/<name>`.
 */
export async function startInfra(
  kind: NativeInfra,
  workDir: string,
  opts: { name?: string; port?: number; log?: (l: string) => void } = {},
): Promise<InfraHandle> {
  const port = opts.port ?? (await freePort());
  return STARTERS[kind]({ port, workDir: join(workDir, opts.name ?? kind), log: opts.log });
}
