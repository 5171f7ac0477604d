import { appendFileSync, existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RuntimeId } from '../../src/core/catalog/catalog';
import { readDotenv } from '../../src/core/generators/compose/dotenv';
import { literalCredential, type CredentialRef } from '../../src/core/model/credentials';
import { serviceEnv, type Resolver, type ServiceWiring } from '../../src/core/model/wiring';
import { which } from '../infra/install';
import { runLogged, sleep, spawnLogged, type Proc } from '../infra/proc';
import type { Command, RuntimeRecipe } from '../runtimes/types';

/** Building, starting and asking one exported service, with its runtime's recipe. */

const RUNTIMES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'runtimes');

export type RecipeLookup = { recipe: RuntimeRecipe } | { skip: string } | { broken: string };

/**
 * The recipe of a runtime: `skip` when there is none or its tools are missing, `broken` when its
 * file does not load.
 */
export async function loadRecipe(runtime: RuntimeId): Promise<RecipeLookup> {
  const file = join(RUNTIMES_DIR, `${runtime}.ts`);
  if (!existsSync(file)) return { skip: `no recipe (conformance/runtimes/${runtime}.ts)` };
  let recipe: unknown;
  try {
    recipe = ((await import(pathToFileURL(file).href)) as { recipe?: unknown }).recipe;
  } catch (e) {
    return { broken: `conformance/runtimes/${runtime}.ts does not load: ${(e as Error).message}` };
  }
  const r = recipe as RuntimeRecipe | undefined;
  if (!r || typeof r.build !== 'function' || typeof r.start !== 'function' || r.runtime !== runtime)
    return { broken: `conformance/runtimes/${runtime}.ts does not export a recipe for ${runtime}` };
  const missing = (r.tools ?? []).filter((t) => !which(t));
  if (missing.length) return { skip: `missing tools on PATH: ${missing.join(', ')}` };
  return { recipe: r };
}

/** The environment every build and service gets on top of ours: local calls never go through a proxy. */
const LOCAL = { NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };

function commandCwd(dir: string, c: Command): string {
  return c.cwd === undefined ? dir : isAbsolute(c.cwd) ? c.cwd : resolve(dir, c.cwd);
}

/** Runs a recipe's build steps in order; null when they all succeed, else what failed. */
export async function buildService(
  recipe: RuntimeRecipe,
  dir: string,
  cache: string,
  logFile: string,
  timeoutMs = 30 * 60_000,
): Promise<string | null> {
  let steps: Command[];
  try {
    steps = recipe.build(dir, cache);
  } catch (e) {
    appendFileSync(logFile, `[recipe.build failed: ${(e as Error).message}]\n`);
    return `the recipe could not plan the build: ${(e as Error).message}`;
  }
  for (const c of steps) {
    appendFileSync(logFile, `\n$ ${[c.cmd, ...c.args].join(' ')}\n`);
    const code = await runLogged(c.cmd, c.args, {
      cwd: commandCwd(dir, c),
      env: { ...process.env, ...LOCAL, ...c.env },
      logFile,
      timeoutMs,
    });
    if (code !== 0) return `\`${[c.cmd, ...c.args].join(' ').slice(0, 120)}\` exited with ${code}`;
  }
  return null;
}

/**
 * The credentials as compose reads them: from the exported project's `.env` (KEY=value lines,
 * `#` comments, quoted values unquoted). A variable the file lacks is empty, as compose would make it.
 */
export function dotenvCredentials(text: string): CredentialRef {
  const vars = readDotenv(text);
  return (c) => vars.get(c.variable) ?? '';
}

/** Starts a service with the environment compose gives it, addresses resolved natively. */
export function startService(
  recipe: RuntimeRecipe,
  w: ServiceWiring,
  dir: string,
  cache: string,
  resolver: Resolver,
  logFile: string,
  credentials: CredentialRef = literalCredential,
): Proc {
  const c = recipe.start(dir, cache);
  const own = serviceEnv(w, resolver, credentials);
  const env = { ...process.env, ...LOCAL, ...c.env, ...Object.fromEntries(own) };
  appendFileSync(logFile, `\n$ ${[c.cmd, ...c.args].join(' ')}\n${own.map(([k, v]) => `  ${k}=${v}`).join('\n')}\n`);
  return spawnLogged(w.node.name, c.cmd, c.args, { cwd: commandCwd(dir, c), env, logFile });
}

/** Seconds to wait for /healthz: JVMs start slowly. */
export function healthTimeoutMs(runtime: RuntimeId): number {
  return runtime === 'java-spring' || runtime === 'scala-http4s' ? 180_000 : 120_000;
}

/** GETs a URL; the parsed JSON body (or the text) and the status, or an error message. */
export async function getJson(
  url: string,
  timeoutMs: number,
): Promise<{ status: number; body: unknown } | { error: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) as unknown };
    } catch {
      return { status: res.status, body: text };
    }
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return { error: err.cause?.code ?? err.message };
  }
}

/** Waits until GET /healthz answers 200; null when it does, else why not. */
export async function waitHealthy(proc: Proc, port: number, timeoutMs: number): Promise<string | null> {
  const end = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < end) {
    if (proc.done()) return `the process exited (${await proc.exited}) before /healthz answered`;
    const r = await getJson(`http://127.0.0.1:${port}/healthz`, 2000);
    if ('status' in r && r.status === 200) return null;
    last = 'status' in r ? `status ${r.status}` : r.error;
    await sleep(500);
  }
  return `/healthz did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`;
}
