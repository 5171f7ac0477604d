import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { dirname } from 'node:path';

/**
 * Child processes of the conformance run: started in their own process group with output to a
 * log file, tracked so that one call stops them all, also when the run fails or is interrupted.
 */

/** A long-running child process (a broker, a database, a service). */
export interface Proc {
  name: string;
  pid: number;
  logFile: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<number | string>;
  /** Whether the process has ended. */
  done: () => boolean;
}

const live = new Set<Proc>();
/** Process groups of commands run to completion (`run`), killed too when everything stops. */
const transient = new Set<number>();

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Appended to, created with its folder when missing. */
  logFile: string;
}

/** Starts a long-running process in its own process group, its stdout and stderr in a log file. */
export function spawnLogged(name: string, cmd: string, args: readonly string[], opts: SpawnOptions): Proc {
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const fd = openSync(opts.logFile, 'a');
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  let ended = false;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      ended = true;
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (e) => {
      ended = true;
      resolve(`failed to start: ${e.message}`);
    });
  });
  const proc: Proc = { name, pid: child.pid ?? -1, logFile: opts.logFile, child, exited, done: () => ended };
  live.add(proc);
  void exited.then(() => live.delete(proc));
  return proc;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Stops a process group: `signal` first, SIGKILL after `graceMs`. */
export async function stopProc(p: Proc, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
  if (p.pid <= 0) return;
  if (!p.done()) {
    killGroup(p.pid, signal);
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
    if ((await Promise.race([p.exited, timer])) === 'timeout') {
      killGroup(p.pid, 'SIGKILL');
      await p.exited;
    }
  }
  // children that outlive the leader of their group (JVM helpers, erl_child_setup)
  killGroup(p.pid, 'SIGKILL');
}

/** Stops every process started through `spawnLogged` that is still running, in reverse order. */
export async function stopAll(graceMs = 10_000): Promise<void> {
  for (const pid of transient) killGroup(pid, 'SIGKILL');
  const procs = [...live].reverse();
  await Promise.all(procs.map((p) => stopProc(p, 'SIGTERM', graceMs)));
}

/** Last resort for exit handlers: SIGKILL every tracked process group, synchronously. */
export function killAllNow(): void {
  for (const pid of transient) killGroup(pid, 'SIGKILL');
  for (const p of live) killGroup(p.pid, 'SIGKILL');
}

export interface RunResult {
  code: number;
  output: string;
}

/** Runs a command to completion, capturing stdout and stderr together. */
export function run(
  cmd: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: 'pipe', detached: true });
    const pid = child.pid;
    if (pid) transient.add(pid);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          chunks.push(Buffer.from(`\n[timed out after ${opts.timeoutMs} ms]\n`));
          if (child.pid) killGroup(child.pid, 'SIGKILL');
        }, opts.timeoutMs)
      : undefined;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      resolve({ code: 127, output: `${cmd}: ${e.message}` });
    });
    child.on('close', (code, signal) => {
      if (pid) transient.delete(pid);
      if (timer) clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output: Buffer.concat(chunks).toString('utf8') });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/**
 * Runs a command to completion with its output appended to a log file (a build can print a lot
 * and take long; the file shows progress). Resolves with the exit code; 124 on timeout.
 */
export async function runLogged(
  cmd: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; logFile: string; timeoutMs: number },
): Promise<number> {
  const p = spawnLogged(cmd, cmd, args, opts);
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), opts.timeoutMs).unref());
  const first = await Promise.race([p.exited, timer]);
  if (first === 'timeout') {
    await stopProc(p, 'SIGTERM', 5_000);
    appendFileSync(opts.logFile, `\n[timed out after ${opts.timeoutMs / 1000} s]\n`);
    return 124;
  }
  if (typeof first === 'string') {
    appendFileSync(opts.logFile, `\n[${cmd}: ${first}]\n`);
    return 127;
  }
  return first;
}

// Ports are handed out below Linux's ephemeral range (32768-60999 by default), never twice per
// process. A port the kernel picks with listen(0) comes from that range, so an outgoing
// connection opened between picking it and binding it can take it first, and the broker or
// service that should listen there then fails with "address already in use".
const LOW = 20000;
const HIGH = 32000;
const handedOut = new Set<number>();
let nextPort = LOW + (process.pid % (HIGH - LOW));

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A TCP port on 127.0.0.1 that nothing listens on right now and that this process has not handed out before. */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < HIGH - LOW; tries++) {
    const port = nextPort;
    nextPort = nextPort + 1 >= HIGH ? LOW : nextPort + 1;
    if (handedOut.has(port)) continue;
    if (await canListen(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free TCP port between ${LOW} and ${HIGH} on 127.0.0.1`);
}

/** `n` distinct free ports. */
export async function freePorts(n: number): Promise<number[]> {
  const out = new Set<number>();
  while (out.size < n) out.add(await freePort());
  return [...out];
}

/**
 * Connects to 127.0.0.1:port, optionally writes `hello`, and resolves with what the server sent
 * within `ms` (an empty buffer if it sent nothing), or null when the connection failed.
 */
export function tcpExchange(port: number, hello?: Buffer, ms = 2000, enough?: (b: Buffer) => boolean) {
  return new Promise<Buffer | null>((resolve) => {
    const sock = new Socket();
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (v: Buffer | null) => {
      if (settled) return;
      settled = true;
      sock.destroy();
      resolve(v);
    };
    sock.setTimeout(ms, () => finish(Buffer.concat(chunks)));
    sock.once('error', () => finish(null));
    sock.on('data', (c: Buffer) => {
      chunks.push(c);
      const all = Buffer.concat(chunks);
      if (!enough || enough(all)) finish(all);
    });
    sock.once('close', () => finish(chunks.length ? Buffer.concat(chunks) : null));
    sock.connect(port, '127.0.0.1', () => {
      if (hello) sock.write(hello);
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Polls `check` until it is true. Fails after `timeoutMs`, or at once when `proc` exits, with
 * the tail of its log in the message.
 */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  proc?: Proc,
  intervalMs = 250,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (proc?.done()) throw new Error(`${what}: the process exited (${await proc.exited})\n${tail(proc.logFile)}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > end)
      throw new Error(`${what}: not ready after ${timeoutMs / 1000} s${proc ? `\n${tail(proc.logFile)}` : ''}`);
    await sleep(intervalMs);
  }
}

/** The last `lines` lines of a log file, or a note that there is none. */
export function tail(file: string, lines = 40): string {
  try {
    const text = readFileSync(file, 'utf8').trimEnd().split('\n');
    return text
      .slice(-lines)
      .map((l) => `    | ${l}`)
      .join('\n');
  } catch {
    return `    | (no log at ${file})`;
  }
}
