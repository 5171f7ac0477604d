import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from './proc';

/** Downloads kept between runs: Kafka jars, package caches of the runtimes. */
export function cacheRoot(): string {
  return process.env.POLYGLOT_CANVAS_CACHE ?? join(homedir(), '.cache', 'polyglot-canvas');
}

/** The absolute path of a program on PATH (or in `extraDirs`), or null. */
export function which(program: string, extraDirs: readonly string[] = []): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin', ...extraDirs];
  for (const d of dirs) {
    const p = join(d, program);
    if (d && existsSync(p)) return p;
  }
  return null;
}

const isRoot = () => process.getuid?.() === 0;

/**
 * Makes sure `program` exists, installing the Debian package `pkg` when it does not and this
 * process may (root with apt-get). Returns the program's path or throws saying what to install.
 */
export async function ensureProgram(program: string, pkg: string, extraDirs: readonly string[] = []): Promise<string> {
  const found = which(program, extraDirs);
  if (found) return found;
  if (isRoot() && which('apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const r = await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', pkg], { env });
    if (r.code !== 0) throw new Error(`apt-get install ${pkg} failed:\n${r.output.slice(-2000)}`);
    const now = which(program, extraDirs);
    if (now) return now;
  }
  throw new Error(`${program} is missing: install the Debian package ${pkg} (conformance/ci-setup.sh does).`);
}

/** The bin folder of the newest PostgreSQL server installed the Debian way, if any. */
export function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) {
    const initdb = which('initdb');
    return initdb ? dirname(initdb) : null;
  }
  const versions = readdirSync(base)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}
