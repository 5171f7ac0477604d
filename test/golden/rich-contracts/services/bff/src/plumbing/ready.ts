/** Readiness of the service contract: its brokers and databases answer. Generated: do not edit. */

import { connect } from 'node:net';

/** The address variables of the brokers and databases this service uses, with the port an address without one means. */
const DEPENDENCIES: [string, number][] = [];

/**
 * The first host and port of an address: a URL (scheme://user:pass@host:port/path) or a list of
 * host:port (Kafka's bootstrap servers).
 */
export function hostPort(value: string, fallback: number): [string, number] {
  let s = value.trim();
  const scheme = s.indexOf('://');
  if (scheme >= 0) s = s.slice(scheme + 3);
  s = s.split(/[/?#]/)[0] ?? '';
  s = s.slice(s.lastIndexOf('@') + 1).split(',')[0] ?? '';
  let host = s;
  let port = '';
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    host = s.slice(1, end < 0 ? undefined : end);
    port = end >= 0 && s[end + 1] === ':' ? s.slice(end + 2) : '';
  } else if (s.split(':').length === 2) {
    [host, port] = s.split(':') as [string, string];
  }
  return [host, /^\d+$/.test(port) ? Number(port) : fallback];
}

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The variables of the dependencies that accept no TCP connection within a second. */
export async function unreachable(): Promise<string[]> {
  const results = await Promise.all(
    DEPENDENCIES.map(async ([env, port]) => {
      const value = (process.env[env] ?? '').trim();
      return value && (await answers(...hostPort(value, port))) ? null : env;
    }),
  );
  return results.filter((env): env is string => env !== null);
}
