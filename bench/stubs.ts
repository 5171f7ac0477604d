/**
 * `npm run bench:stubs [-- --quick] [--runtime ID]... [--work DIR]`: what the generated plumbing
 * costs. For each runtime with a conformance recipe it exports a small design with the app's own code,
 * builds and starts its services natively with the conformance recipes (conformance/run.ts's
 * `runFixture`), builds and starts the framework's hello world from bench/stubs-baseline/<runtime>/
 * (same server and process model as the stub), and drives both with `wrk` on loopback:
 *
 * - `GET /healthz` of a stub with no links against the hello world's `GET /healthz` (the same
 *   JSON answer, `{"status":"ok"}`): requests/s and p99 at 32 connections, and their ratio;
 * - `GET /ping` of a service with no links, of one with one REST link and of one with one gRPC
 *   link, at 1 connection (latency) and at 32 (requests/s): the cost of one hop is the caller's
 *   median latency minus that of the service with no links.
 *
 * Prints a table and writes every figure to bench/results/stubs-<time>.json. Not a test: nothing
 * gates on the figures. Exits 1 when something could not be measured, 2 on bad options or when
 * wrk is missing.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { RUNTIME_IDS, isRuntime, isWorker, type RuntimeId } from '../src/core/catalog/catalog';
import { emptyDesign, type Design } from '../src/core/model/types';
import { addNode, connect, withCountedIds } from '../src/core/ops/ops';
import { cacheRoot, which } from '../conformance/infra/install';
import { freePort, killAllNow, spawnLogged, stopAll, tail, type Proc } from '../conformance/infra/proc';
import { ROOT, runFixture, type FixtureOutcome } from '../conformance/lib/fixture';
import { buildService, healthTimeoutMs, loadRecipe, waitHealthy } from '../conformance/lib/services';
import { pythonVenv } from '../conformance/runtimes/python-venv';
import type { RuntimeRecipe } from '../conformance/runtimes/types';

const USAGE = 'usage: stubs.ts [--quick] [--runtime ID]... [--work DIR]';
const BASELINES = join(ROOT, 'bench', 'stubs-baseline');
/** Connections of the throughput runs; the latency runs use one. */
const CONNECTIONS = 32;

interface Options {
  quick: boolean;
  runtimes: RuntimeId[];
  work: string;
}

function parse(argv: string[]): Options | string {
  const o: Options = { quick: false, runtimes: [], work: join(ROOT, 'bench', 'results', 'stubs-work') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--quick') o.quick = true;
    else if (a === '--runtime') {
      const r = argv[++i] ?? '';
      if (!isRuntime(r)) return `unknown runtime ${JSON.stringify(r)}; one of ${RUNTIME_IDS.join(', ')}`;
      if (isWorker(r)) return `${r} is a task worker: it serves no REST or gRPC to measure`;
      o.runtimes.push(r);
    } else if (a === '--work') o.work = resolve(argv[++i] ?? '');
    else if (a === '-h' || a === '--help') return USAGE;
    else return `unknown option ${JSON.stringify(a)}\n${USAGE}`;
  }
  // by default every runtime the conformance run can build and start (it has a recipe) that serves
  // REST and gRPC: a task worker has no API to load
  if (o.runtimes.length === 0)
    o.runtimes = RUNTIME_IDS.filter(
      (r) => !isWorker(r) && existsSync(join(ROOT, 'conformance', 'runtimes', `${r}.ts`)),
    );
  return o;
}

/**
 * The design: `solo` has no link; `rest-caller` calls `rest-target` over REST and `grpc-caller`
 * calls `grpc-target` over gRPC, made with the app's ops as a person would draw them.
 */
function benchDesign(runtime: RuntimeId): Design {
  return withCountedIds(() => {
    let d = emptyDesign(`bench-${runtime}`);
    ['solo', 'rest-caller', 'rest-target', 'grpc-caller', 'grpc-target'].forEach((id, i) => {
      const r = addNode(d, { kind: runtime, id, name: id, position: { x: 80 + i * 260, y: 80 } });
      if (!r.ok) throw new Error(`${id}: ${r.reason}`);
      d = r.design;
    });
    for (const [source, target, kind] of [
      ['rest-caller', 'rest-target', 'rest'],
      ['grpc-caller', 'grpc-target', 'grpc'],
    ] as const) {
      const r = connect(d, { source, target, kind, id: `${source}-${kind}` });
      if (!r.ok) throw new Error(`${source}: ${r.reason}`);
      d = r.design;
    }
    return d;
  });
}

/** Prints wrk's figures as one JSON line when it is done (latencies in microseconds). */
const WRK_LUA = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\n{"requests":%d,"durationUs":%d,"errors":%d,"non2xx":%d,"p50Us":%d,"p99Us":%d,"meanUs":%.1f}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99), latency.mean))
end
`;

export interface Load {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requests: number;
  errors: number;
}

function wrk(url: string, connections: number, seconds: number, lua: string): Promise<Load> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', lua, url];
  return new Promise((ok, fail) => {
    execFile('wrk', args, { timeout: (seconds + 30) * 1000 }, (err, stdout, stderr) => {
      const line = stdout
        .trim()
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{'));
      if (err || !line) {
        fail(new Error(`wrk ${args.join(' ')}: ${err?.message ?? 'no figures'}\n${stderr}${stdout}`));
        return;
      }
      const f = JSON.parse(line) as Record<string, number>;
      const n = f.requests ?? 0;
      ok({
        rps: n / ((f.durationUs ?? 1) / 1e6),
        p50Ms: (f.p50Us ?? 0) / 1000,
        p99Ms: (f.p99Us ?? 0) / 1000,
        meanMs: (f.meanUs ?? 0) / 1000,
        requests: n,
        errors: (f.errors ?? 0) + (f.non2xx ?? 0),
      });
    });
  });
}

/** How the hello world of a runtime is built and started: the stub's recipe, except for Python. */
function baselineRecipe(runtime: RuntimeId, stub: RuntimeRecipe, stubDir: string): RuntimeRecipe {
  if (!runtime.startsWith('python-')) return stub;
  // the stub's own virtual environment: the same framework and server versions, nothing to build
  return {
    runtime,
    tools: stub.tools,
    build: () => [],
    start: (_dir, cache) => ({
      cmd: join(pythonVenv(stubDir, cache), 'bin', 'python'),
      args: ['main.py'],
      env: { PYTHONUNBUFFERED: '1' },
    }),
  };
}

interface RuntimeFigures {
  runtime: RuntimeId;
  loadBefore: number[];
  loadAfter?: number[];
  healthz?: { stub: Load; bare: Load; ratio: number };
  ping?: Record<'solo' | 'rest' | 'grpc', { one: Load; many: Load }>;
  restHopMs?: number;
  grpcHopMs?: number;
  error?: string;
}

const log = (l: string) => console.log(l);

async function startBaseline(
  runtime: RuntimeId,
  recipe: RuntimeRecipe,
  dir: string,
  cache: string,
  logFile: string,
): Promise<{ proc: Proc; url: string } | string> {
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(BASELINES, runtime), dir, { recursive: true });
  const err = await buildService(recipe, dir, cache, logFile);
  if (err) return `the hello world did not build: ${err}\n${tail(logFile, 20)}`;
  const port = await freePort();
  const c = recipe.start(dir, cache);
  const proc = spawnLogged(`${runtime}-baseline`, c.cmd, c.args, {
    cwd: dir,
    env: { ...process.env, ...c.env, PORT: String(port) },
    logFile,
  });
  const down = await waitHealthy(proc, port, healthTimeoutMs(runtime));
  if (down) return `the hello world did not start: ${down}\n${tail(logFile, 20)}`;
  return { proc, url: `http://127.0.0.1:${port}` };
}

async function benchRuntime(runtime: RuntimeId, o: Options, lua: string): Promise<RuntimeFigures> {
  const out: RuntimeFigures = { runtime, loadBefore: loadavg() };
  const name = `stubs-${runtime}`;
  const designFile = join(o.work, `${name}.json`);
  writeFileSync(designFile, `${JSON.stringify(benchDesign(runtime), null, 2)}\n`);
  const look = await loadRecipe(runtime);
  if (!('recipe' in look)) return { ...out, error: 'skip' in look ? look.skip : look.broken };
  log(`\n== ${runtime}: export, build and start the stubs`);
  const f: FixtureOutcome = await runFixture(name, designFile, { work: o.work, keep: true, build: true, log });
  const failed = f.results.filter((r) => r.status !== 'pass');
  for (const r of failed) log(`  ${r.status.toUpperCase()} ${r.title}${r.detail ? `: ${r.detail}` : ''}`);
  const url = (s: string) => f.services.find((x) => x.name === s && x.status.state === 'up')?.url;
  const missing = ['solo', 'rest-caller', 'grpc-caller'].filter((s) => !url(s));
  if (f.error || missing.length) return { ...out, error: f.error ?? `not running: ${missing.join(', ')}` };

  log(`== ${runtime}: build and start the hello world (bench/stubs-baseline/${runtime})`);
  const stubDir = join(o.work, name, 'project', 'services', 'solo');
  const cache = join(cacheRoot(), 'runtimes', runtime);
  const base = await startBaseline(
    runtime,
    baselineRecipe(runtime, look.recipe, stubDir),
    join(o.work, name, 'baseline'),
    cache,
    join(o.work, name, 'baseline.log'),
  );
  if (typeof base === 'string') return { ...out, error: base };

  const warm = o.quick ? 2 : 5;
  const measure = o.quick ? 5 : 10;
  const rounds = o.quick ? 1 : 2;
  log(
    `== ${runtime}: load (${warm} s warm-up, ${measure} s measure, ${rounds} round(s) each, load ${fmtLoad(loadavg())})`,
  );
  const stubHealth = `${url('solo')}/healthz`;
  const bareHealth = `${base.url}/healthz`;
  for (const u of [stubHealth, bareHealth]) await wrk(u, CONNECTIONS, warm, lua);
  const runs: Record<'stub' | 'bare', Load[]> = { stub: [], bare: [] };
  for (let i = 0; i < rounds; i++) {
    // alternate which goes first, so a drift of the machine's load falls on both
    const order = i % 2 === 0 ? (['stub', 'bare'] as const) : (['bare', 'stub'] as const);
    for (const k of order) runs[k].push(await wrk(k === 'stub' ? stubHealth : bareHealth, CONNECTIONS, measure, lua));
  }
  const stub = meanLoad(runs.stub);
  const bare = meanLoad(runs.bare);
  out.healthz = { stub, bare, ratio: stub.rps / bare.rps };
  log(`  /healthz stub ${fmt(stub)} | bare ${fmt(bare)} | ${(out.healthz.ratio * 100).toFixed(0)} %`);

  const ping = {} as NonNullable<RuntimeFigures['ping']>;
  for (const [k, svc] of [
    ['solo', 'solo'],
    ['rest', 'rest-caller'],
    ['grpc', 'grpc-caller'],
  ] as const) {
    const u = `${url(svc)}/ping`;
    await wrk(u, CONNECTIONS, warm, lua);
    const many = await wrk(u, CONNECTIONS, measure, lua);
    const one = await wrk(u, 1, measure, lua);
    ping[k] = { one, many };
    log(`  /ping ${svc}: 1 connection ${fmt(one)}; ${CONNECTIONS} connections ${fmt(many)}`);
  }
  out.ping = ping;
  out.restHopMs = ping.rest.one.p50Ms - ping.solo.one.p50Ms;
  out.grpcHopMs = ping.grpc.one.p50Ms - ping.solo.one.p50Ms;
  const errors = [stub, bare, ...Object.values(ping).flatMap((p) => [p.one, p.many])].reduce((n, l) => n + l.errors, 0);
  if (errors > 0) out.error = `${errors} requests failed or answered other than 2xx`;
  out.loadAfter = loadavg();
  return out;
}

function meanLoad(runs: Load[]): Load {
  const avg = (k: keyof Load) => runs.reduce((s, r) => s + r[k], 0) / runs.length;
  return {
    rps: avg('rps'),
    p50Ms: avg('p50Ms'),
    p99Ms: avg('p99Ms'),
    meanMs: avg('meanMs'),
    requests: runs.reduce((s, r) => s + r.requests, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
  };
}

const fmt = (l: Load) => `${l.rps.toFixed(0)} req/s, p50 ${l.p50Ms.toFixed(2)} ms, p99 ${l.p99Ms.toFixed(2)} ms`;
const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');

function table(figures: RuntimeFigures[]): string {
  const head = [
    'runtime',
    'stub req/s',
    'stub p99',
    'bare req/s',
    'bare p99',
    'ratio',
    '/ping solo p50',
    'REST hop',
    'gRPC hop',
    'load 1m',
  ];
  const rows = figures.map((f) => {
    const h = f.healthz;
    const ms = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(2)} ms`);
    return [
      f.runtime,
      h ? h.stub.rps.toFixed(0) : '—',
      ms(h?.stub.p99Ms),
      h ? h.bare.rps.toFixed(0) : '—',
      ms(h?.bare.p99Ms),
      h ? `${(h.ratio * 100).toFixed(0)} %` : '—',
      ms(f.ping?.solo.one.p50Ms),
      ms(f.restHopMs),
      ms(f.grpcHopMs),
      `${(f.loadBefore[0] ?? 0).toFixed(2)}→${(f.loadAfter?.[0] ?? NaN).toFixed(2)}`,
    ];
  });
  const widths = head.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const o = parse(argv);
  if (typeof o === 'string') {
    console.log(o);
    return o === USAGE ? 0 : 2;
  }
  if (!which('wrk')) {
    console.error(
      'wrk is not on PATH: install it (Debian and Ubuntu: `apt-get install wrk`; macOS: `brew install wrk`) and run again.',
    );
    return 2;
  }
  mkdirSync(o.work, { recursive: true });
  const lua = join(o.work, 'figures.lua');
  writeFileSync(lua, WRK_LUA);
  const started = new Date();
  console.log(
    `bench:stubs ${o.quick ? '(quick) ' : ''}on ${cpus().length} cores, load ${fmtLoad(loadavg())}; wrk -t1, ${CONNECTIONS} connections`,
  );
  const figures: RuntimeFigures[] = [];
  for (const runtime of o.runtimes) {
    let f: RuntimeFigures;
    try {
      f = await benchRuntime(runtime, o, lua);
    } catch (e) {
      f = { runtime, loadBefore: [], error: (e as Error).message };
    }
    await stopAll(10_000);
    if (f.error) log(`  FAIL ${runtime}: ${f.error}`);
    figures.push(f);
  }
  console.log(`\n${table(figures)}\n`);
  console.log(
    '/healthz: 32 connections; ratio = stub req/s ÷ bare req/s (goal ≥ 80 %). Hops: median /ping latency at 1 connection minus that of the service with no links.',
  );
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const file = join(ROOT, 'bench', 'results', `stubs-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ started, quick: o.quick, cores: cpus().length, connections: CONNECTIONS, figures }, null, 2)}\n`,
  );
  console.log(`figures: ${file}`);
  const failures = figures.filter((f) => f.error);
  for (const f of failures) console.log(`FAIL ${f.runtime}: ${f.error?.split('\n')[0]}`);
  return failures.length ? 1 : 0;
}

process.on('SIGINT', () => void stopAll(5_000).then(() => process.exit(130)));
process.on('SIGTERM', () => void stopAll(5_000).then(() => process.exit(143)));
process.on('exit', () => killAllNow());
if (!existsSync(BASELINES)) throw new Error(`${BASELINES} is missing`);
process.exit(await main(process.argv.slice(2)));
