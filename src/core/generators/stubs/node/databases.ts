import type { DatabaseUse } from '../../../model/wiring';
import type { StubPlan } from '../python/plan';

const SECTIONS: Record<DatabaseUse['databaseKind'], { imports: string; code: string }> = {
  postgres: {
    imports: `import pg from 'pg';`,
    code: `
async function checkPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: config.TIMEOUT_MS, query_timeout: config.TIMEOUT_MS });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}
`,
  },
  mongodb: {
    imports: `import { MongoClient } from 'mongodb';`,
    code: `
const mongoClients = new Map<string, MongoClient>();

async function checkMongodb(url: string): Promise<void> {
  let client = mongoClients.get(url);
  if (!client) {
    client = new MongoClient(url, { serverSelectionTimeoutMS: config.TIMEOUT_MS, connectTimeoutMS: config.TIMEOUT_MS });
    mongoClients.set(url, client);
  }
  await client.db('admin').command({ ping: 1 });
}
`,
  },
  redis: {
    imports: `import { Redis } from 'ioredis';`,
    code: `
async function checkRedis(url: string): Promise<void> {
  const client = new Redis(url, { connectTimeout: config.TIMEOUT_MS, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const pong = await client.ping();
    if (pong !== 'PONG') throw new Error(\`Redis answered \${pong}\`);
  } finally {
    client.disconnect();
  }
}
`,
  },
};

const ORDER: DatabaseUse['databaseKind'][] = ['postgres', 'mongodb', 'redis'];

/** `src/plumbing/databases.ts`: the connection check of every database link. */
export function databasesTs(p: StubPlan): string {
  const kinds = ORDER.filter((k) => p.databaseKinds.has(k));
  const fn = (k: string) => `check${k.charAt(0).toUpperCase()}${k.slice(1)}`;
  return `/** Connection checks of the service contract's database links. Generated: do not edit. */

${kinds.map((k) => SECTIONS[k].imports).join('\n')}
import * as config from './config.js';
${kinds.map((k) => SECTIONS[k].code).join('')}
const CHECKS: Partial<Record<config.DatabaseKind, (url: string) => Promise<void>>> = {${kinds.map((k) => ` ${k}: ${fn(k)}`).join(',')}${kinds.length ? ' ' : ''}};

/** PostgreSQL \`SELECT 1\`, MongoDB \`ping\`, Redis \`PING\`; rejects when the database does not answer. */
export async function checkDatabase(link: config.DatabaseLink): Promise<void> {
  const check = CHECKS[link.kind];
  if (!check) throw new Error(\`no check for \${link.kind}\`);
  await check(config.env(link.env));
}
`;
}
