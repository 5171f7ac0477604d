import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ensureProgram, postgresBinDir } from './install';
import { run, spawnLogged, stopProc, waitUntil } from './proc';
import type { InfraHandle, StartOptions } from './types';

/** The database, user and password that compose's postgres service gets (see infraUrl in wiring.ts). */
export const PG = { user: 'app', password: 'app', db: 'app' } as const;

interface RunAs {
  /** Program and leading arguments that run a command as the database's owner. */
  prefix: string[];
  uid?: number;
  gid?: number;
}

/**
 * PostgreSQL refuses to run as root, so as root every server command runs as the `postgres`
 * system user (created by Debian's package) through setpriv, which execs in place: the pid we
 * hold is the postmaster's own.
 */
async function owner(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const r = await run('id', ['-u', 'postgres']);
  const g = await run('id', ['-g', 'postgres']);
  if (r.code !== 0 || g.code !== 0)
    throw new Error('Running as root, PostgreSQL needs the "postgres" system user (from the postgresql package).');
  const setpriv = await ensureProgram('setpriv', 'util-linux');
  return {
    prefix: [setpriv, '--reuid=postgres', '--regid=postgres', '--init-groups', '--'],
    uid: Number(r.output.trim()),
    gid: Number(g.output.trim()),
  };
}

/** Whether every folder above `dir` lets other users through (mkdtemp's 0700 does not). */
function reachableByOthers(dir: string): boolean {
  for (let d = dirname(resolve(dir)); ; d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return false;
    if (d === dirname(d)) return true;
  }
}

/** A folder the postgres user can reach, for a work folder it cannot. */
function fallbackDir(o: StartOptions, who: RunAs): string {
  const dir = mkdtempSync(join(tmpdir(), 'polyglot-pg-'));
  chmodSync(dir, 0o755);
  if (who.uid !== undefined && who.gid !== undefined) chownSync(dir, who.uid, who.gid);
  o.log?.(`postgres: ${o.workDir} is not reachable by the postgres user; using ${dir}`);
  return dir;
}

function asOwner(who: RunAs, bin: string, args: string[]): [string, string[]] {
  const [first, ...rest] = [...who.prefix, bin, ...args];
  return [first ?? bin, rest];
}

/** Initialises a cluster in the work folder (user app/app, database app) and starts it on 127.0.0.1. */
export async function startPostgres(o: StartOptions): Promise<InfraHandle> {
  if (!postgresBinDir()) await ensureProgram('initdb', 'postgresql');
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server programs not found: install the Debian package postgresql.');
  const who = await owner();
  const base = who.uid === undefined || reachableByOthers(o.workDir) ? o.workDir : fallbackDir(o, who);
  const data = join(base, 'data');
  const sock = join(base, 'sock');
  mkdirSync(sock, { recursive: true });
  const pwFile = join(base, 'pwfile');
  writeFileSync(pwFile, `${PG.password}\n`);
  if (who.uid !== undefined && who.gid !== undefined) {
    for (const p of [base, sock, pwFile]) chownSync(p, who.uid, who.gid);
    chmodSync(base, 0o700);
  }
  const log = join(base, 'postgres.log');

  if (!existsSync(join(data, 'PG_VERSION'))) {
    const [cmd, args] = asOwner(who, join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      PG.user,
      `--pwfile=${pwFile}`,
      '--auth-host=scram-sha-256',
      '--auth-local=trust',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    const r = await run(cmd, args, { cwd: base, timeoutMs: 120_000 });
    if (r.code !== 0) throw new Error(`initdb failed (is ${base} reachable by the postgres user?):\n${r.output}`);
  }

  const [cmd, args] = asOwner(who, join(bin, 'postgres'), [
    '-D',
    data,
    '-p',
    String(o.port),
    '-k',
    sock,
    '-c',
    'listen_addresses=127.0.0.1',
    // a throwaway test database: durability buys nothing here
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ]);
  const proc = spawnLogged('postgres', cmd, args, { cwd: base, logFile: log });
  o.log?.(`postgres: pid ${proc.pid}, port ${o.port}`);

  const env = { ...process.env, PGPASSWORD: PG.password, PGCONNECT_TIMEOUT: '3' };
  const host = ['-h', '127.0.0.1', '-p', String(o.port), '-U', PG.user];
  await waitUntil(
    'postgres',
    async () => (await run(join(bin, 'pg_isready'), [...host, '-d', 'postgres'], { env })).code === 0,
    60_000,
    proc,
  );
  // over TCP with the password, as the services will connect
  const exists = await run(
    join(bin, 'psql'),
    [...host, '-d', 'postgres', '-tAc', `SELECT 1 FROM pg_database WHERE datname='${PG.db}'`],
    {
      env,
    },
  );
  if (exists.output.trim() !== '1') {
    const r = await run(join(bin, 'createdb'), [...host, PG.db], { env });
    if (r.code !== 0) throw new Error(`createdb ${PG.db} failed:\n${r.output}`);
  }
  return {
    kind: 'postgres',
    port: o.port,
    url: `postgresql://${PG.user}:${PG.password}@127.0.0.1:${o.port}/${PG.db}`,
    procs: [proc],
    stop: async () => {
      // SIGINT is PostgreSQL's fast shutdown
      await stopProc(proc, 'SIGINT', 15_000);
      if (base !== o.workDir) rmSync(base, { recursive: true, force: true });
    },
  };
}
