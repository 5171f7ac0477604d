import type { DatabaseUse } from '../../../model/wiring';
import type { StubPlan } from './plan';

/** `app/plumbing/databases.py`: the connection check of every database link. */

const SECTIONS: Record<DatabaseUse['databaseKind'], string> = {
  postgres: `

def _check_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, connect_timeout=int(config.TIMEOUT)) as conn:
        conn.execute("SELECT 1").fetchone()
`,
  mongodb: `

_mongo_clients: dict[str, Any] = {}


def _check_mongodb(url: str) -> None:
    from pymongo import MongoClient

    client = _mongo_clients.get(url)
    if client is None:
        ms = int(config.TIMEOUT * 1000)
        client = MongoClient(url, serverSelectionTimeoutMS=ms, connectTimeoutMS=ms, socketTimeoutMS=ms)
        _mongo_clients[url] = client
    client.admin.command("ping")
`,
  redis: `

def _check_redis(url: str) -> None:
    import redis

    client = redis.Redis.from_url(url, socket_timeout=config.TIMEOUT, socket_connect_timeout=config.TIMEOUT)
    try:
        if not client.ping():
            raise RuntimeError("Redis did not answer PONG")
    finally:
        client.close()
`,
};

const ORDER: DatabaseUse['databaseKind'][] = ['postgres', 'mongodb', 'redis'];

/** The databases module of one service: only the kinds it uses. */
export function databasesPy(p: StubPlan): string {
  const kinds = ORDER.filter((k) => p.databaseKinds.has(k));
  return `"""Connection checks of the service contract's database links. Generated: do not edit."""

from __future__ import annotations

from typing import Any, Callable

from . import config
${kinds.map((k) => SECTIONS[k]).join('')}

_CHECKS: dict[str, Callable[[str], None]] = {${kinds.map((k) => `${JSON.stringify(k)}: _check_${k}`).join(', ')}}


def check(link: config.DatabaseLink) -> None:
    """PostgreSQL \`SELECT 1\`, MongoDB \`ping\`, Redis \`PING\`; raises when the database does not answer."""
    checker = _CHECKS.get(link.kind)
    if checker is None:
        raise RuntimeError(f"no check for {link.kind}")
    checker(config.env(link.env))
`;
}
