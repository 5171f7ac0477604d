import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRuntime, type RuntimeId } from '../../src/core/catalog/catalog';
import { dnsLabel } from '../../src/core/model/naming';
import type { ServiceWiring } from '../../src/core/model/wiring';
import { restoreText } from '../../src/core/model/restore';
import { startInfra, type InfraHandle } from '../infra/index';
import { cacheRoot } from '../infra/install';
import { runLogged, stopProc, tail, type Proc } from '../infra/proc';
import { evaluate, type CheckResult, type ServiceStatus } from './checks';
import { makePlan, type Plan } from './plan';
import { collectTrees } from './ping';
import { grpcHealthChecks, grpcWithInfra, grpcWithoutInfra } from './grpcHealth';
import { readyChecks, readyWithInfra, readyWithoutInfra } from './ready';
import { rejectChecks, sendMalformed } from './reject';
import type { RuntimeRecipe } from '../runtimes/types';
import {
  buildService,
  dotenvCredentials,
  healthTimeoutMs,
  loadRecipe,
  startService,
  waitHealthy,
  type RecipeLookup,
} from './services';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The default work folder: exports, logs, broker data and report.json. */
export const WORK = join(ROOT, 'conformance', 'work');

export type Phase = 'export' | 'infra' | 'build' | 'start' | 'ping' | 'ready' | 'stop';

export interface RunOptions {
  /** The work folder; each fixture gets `<work>/<fixture>/`. */
  work: string;
  keep: boolean;
  build: boolean;
  /** `<work>/<fixture>/project` holds the project already (exported and changed by a test): build it as it is. */
  exported?: boolean;
  log: (line: string) => void;
}

export interface ServiceOutcome {
  name: string;
  runtime: RuntimeId;
  status: ServiceStatus;
  log: string;
  url: string;
}

/** Everything one fixture's run found, for the matrix and report.json. */
export interface FixtureOutcome {
  fixture: string;
  /** Milliseconds per phase. */
  phases: Partial<Record<Phase, number>>;
  services: ServiceOutcome[];
  infra: { name: string; kind: string; url?: string; error?: string }[];
  results: CheckResult[];
  /** Process groups still running (only with `keep`). */
  running: number[];
  /** Set when the fixture could not be run at all (export failed, not a design). */
  error?: string;
}

const firstLine = (s: string) => s.split('\n')[0] ?? s;

/** Exports, starts, builds, runs and pings one fixture design; stops everything unless `keep`. */
export async function runFixture(name: string, file: string, opts: RunOptions): Promise<FixtureOutcome> {
  const work = join(opts.work, name);
  const project = join(work, 'project');
  const out: FixtureOutcome = { fixture: name, phases: {}, services: [], infra: [], results: [], running: [] };
  const timed = async <T>(phase: Phase, f: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await f();
    } finally {
      out.phases[phase] = Date.now() - t0;
    }
  };
  const restored = restoreText(readFileSync(file, 'utf8'));
  if (!restored.ok) return { ...out, error: `${file}: ${restored.error}` };
  const design = restored.design;

  const exportError = await timed('export', () => exportProject(file, work, project, opts));
  if (exportError) {
    out.error = exportError;
    // the services cannot be built from an export that is not there
    for (const n of design.nodes)
      if (isRuntime(n.kind))
        out.results.push({
          id: `build:${n.name}`,
          title: `${n.name} builds`,
          status: 'fail',
          detail: 'the export failed',
          cells: [[n.kind, 'build']],
          services: [n.name],
        });
    return out;
  }

  const plan = await makePlan(design);
  const handles: InfraHandle[] = [];
  const procs = new Map<string, Proc>();
  const statuses = new Map<string, ServiceStatus>();
  try {
    await timed('infra', () => startAllInfra(plan, work, handles, out, opts));
    const ready = await timed('build', () => buildAll(plan, project, statuses, opts));
    await timed('start', () => startAll(plan, project, ready, statuses, procs, opts));
    const trees = await timed('ping', () => collectTrees(plan, statuses, opts.log));
    writeFileSync(join(work, 'trees.json'), `${JSON.stringify(trees, null, 2)}\n`);
    out.results = evaluate({ design, services: statuses, infraDown: plan.infraDown, trees });
    // rejection: a body that does not fit the contract gets 422 problem+json from every typed service
    const rejected = await sendMalformed(
      design,
      plan.services,
      statuses,
      (w) => plan.resolver.port(w.node),
      (w) => plan.resolver.grpcPort(w.node),
    );
    out.results.push(...rejectChecks(design, plan.services, statuses, rejected));
    // readiness: ready with the brokers and databases up; not ready (yet alive) once they stop,
    // which only a run that stops them at the end can see
    const port = (w: ServiceWiring) => plan.resolver.port(w.node);
    const grpcPort = (w: ServiceWiring) => plan.resolver.grpcPort(w.node);
    const readiness = await timed('ready', async () => {
      const up = await readyWithInfra(plan.services, statuses, port);
      const grpc = await grpcWithInfra(plan.services, statuses, grpcPort);
      if (opts.keep) return { up, down: null, grpc };
      for (const h of handles.splice(0).reverse()) await h.stop();
      const down = await readyWithoutInfra(plan.services, statuses, port);
      await grpcWithoutInfra(plan.services, statuses, grpcPort, grpc);
      return { up, down, grpc };
    });
    out.results.push(...readyChecks(plan.services, statuses, plan.infraDown, readiness.up, readiness.down));
    out.results.push(
      ...grpcHealthChecks(plan.services, statuses, plan.infraDown, readiness.grpc, readiness.down !== null),
    );
  } finally {
    out.services = plan.services.map((w) => ({
      name: w.node.name,
      runtime: w.runtime,
      status: statuses.get(w.node.id) ?? { state: 'skipped', reason: 'not reached' },
      log: join(work, `${dnsLabel(w.node.name)}.log`),
      url: `http://127.0.0.1:${plan.resolver.port(w.node)}`,
    }));
    if (opts.keep)
      out.running = [...handles.flatMap((h) => h.procs), ...procs.values()].filter((p) => !p.done()).map((p) => p.pid);
    else
      await timed('stop', async () => {
        await Promise.all([...procs.values()].map((p) => stopProc(p, 'SIGTERM', 10_000)));
        for (const h of handles.reverse()) await h.stop();
      });
  }
  return out;
}

async function exportProject(file: string, work: string, project: string, opts: RunOptions): Promise<string | null> {
  if (opts.exported) {
    rmSync(join(work, 'infra'), { recursive: true, force: true });
    return existsSync(join(project, 'compose.yaml')) ? null : `no exported project in ${project}`;
  }
  if (!opts.build && existsSync(join(project, 'compose.yaml'))) {
    opts.log(`  export: reusing ${project} (--no-build)`);
    rmSync(join(work, 'infra'), { recursive: true, force: true });
    return null;
  }
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const log = join(work, 'export.log');
  const cli = join(ROOT, 'bin', 'polyglot-canvas.mjs');
  const code = await runLogged(process.execPath, [cli, 'export', file, '-o', `${project}/`], {
    cwd: ROOT,
    logFile: log,
    timeoutMs: 120_000,
  });
  if (code === 0 && existsSync(join(project, 'compose.yaml'))) return null;
  return `export failed (polyglot-canvas export exited with ${code}):\n${tail(log, 20)}`;
}

async function startAllInfra(
  plan: Plan,
  work: string,
  handles: InfraHandle[],
  out: FixtureOutcome,
  opts: RunOptions,
): Promise<void> {
  for (const n of plan.infra) {
    const name = dnsLabel(n.name);
    try {
      const h = await startInfra(n.kind, join(work, 'infra'), {
        name,
        port: plan.resolver.port(n),
        log: (l) => opts.log(`  ${l}`),
      });
      handles.push(h);
      const topics = plan.kafkaTopics.get(n.id);
      if (topics?.length && h.createTopics) await h.createTopics(topics);
      out.infra.push({ name, kind: n.kind, url: h.url });
    } catch (e) {
      const msg = (e as Error).message;
      plan.infraDown.set(n.id, firstLine(msg));
      out.infra.push({ name, kind: n.kind, error: msg });
      opts.log(`  FAIL ${name} (${n.kind}) did not start:\n${msg}`);
    }
  }
  for (const [id, why] of plan.infraDown) {
    const n = plan.design.nodes.find((x) => x.id === id);
    if (n && !out.infra.some((i) => i.name === dnsLabel(n.name))) opts.log(`  SKIP ${n.name} (${n.kind}): ${why}`);
  }
}

/** Builds every service that has a recipe; returns the ids of those ready to start. */
async function buildAll(
  plan: Plan,
  project: string,
  statuses: Map<string, ServiceStatus>,
  opts: RunOptions,
): Promise<Map<string, RuntimeRecipe>> {
  const recipes = new Map<RuntimeId, RecipeLookup>();
  const ready = new Map<string, RuntimeRecipe>();
  for (const w of plan.services) {
    const look = recipes.get(w.runtime) ?? (await loadRecipe(w.runtime));
    recipes.set(w.runtime, look);
    const id = w.node.id;
    const dns = dnsLabel(w.node.name);
    if ('skip' in look) {
      statuses.set(id, { state: 'skipped', reason: look.skip });
      opts.log(`  SKIP ${w.node.name} (${w.runtime}): ${look.skip}`);
      continue;
    }
    if ('broken' in look) {
      statuses.set(id, { state: 'build-failed', reason: look.broken });
      opts.log(`  FAIL ${w.node.name} (${w.runtime}): ${look.broken}`);
      continue;
    }
    const dir = join(project, 'services', dns);
    const logFile = join(dirname(project), `${dns}.log`);
    if (!opts.build) {
      ready.set(id, look.recipe);
      continue;
    }
    rmSync(logFile, { force: true });
    const t0 = Date.now();
    const err = existsSync(dir)
      ? await buildService(look.recipe, dir, join(cacheRoot(), 'runtimes', w.runtime), logFile)
      : `the export has no services/${dns}/`;
    const secs = ((Date.now() - t0) / 1000).toFixed(0);
    if (err) {
      statuses.set(id, { state: 'build-failed', reason: err });
      opts.log(`  FAIL build ${w.node.name} (${w.runtime}, ${secs} s): ${err}\n${tail(logFile, 25)}`);
    } else {
      ready.set(id, look.recipe);
      opts.log(`  built ${w.node.name} (${w.runtime}) in ${secs} s`);
    }
  }
  return ready;
}

async function startAll(
  plan: Plan,
  project: string,
  ready: Map<string, RuntimeRecipe>,
  statuses: Map<string, ServiceStatus>,
  procs: Map<string, Proc>,
  opts: RunOptions,
): Promise<void> {
  // the credentials compose would read from the project's .env
  const dotenv = join(project, '.env');
  const credentials = dotenvCredentials(existsSync(dotenv) ? readFileSync(dotenv, 'utf8') : '');
  for (const wave of plan.waves) {
    const started: [(typeof wave)[number], Proc][] = [];
    for (const w of wave) {
      const recipe = ready.get(w.node.id);
      if (!recipe) continue;
      const dns = dnsLabel(w.node.name);
      const logFile = join(dirname(project), `${dns}.log`);
      const dir = join(project, 'services', dns);
      try {
        const cache = join(cacheRoot(), 'runtimes', w.runtime);
        const p = startService(recipe, w, dir, cache, plan.resolver, logFile, credentials);
        procs.set(w.node.id, p);
        started.push([w, p]);
      } catch (e) {
        statuses.set(w.node.id, { state: 'start-failed', reason: (e as Error).message });
      }
    }
    await Promise.all(
      started.map(async ([w, p]) => {
        const port = plan.resolver.port(w.node);
        const t0 = Date.now();
        const err = await waitHealthy(p, port, healthTimeoutMs(w.runtime));
        const secs = ((Date.now() - t0) / 1000).toFixed(1);
        statuses.set(w.node.id, err ? { state: 'start-failed', reason: err } : { state: 'up' });
        opts.log(
          err
            ? `  FAIL start ${w.node.name} (${w.runtime}): ${err}\n${tail(p.logFile, 25)}`
            : `  up ${w.node.name} (${w.runtime}) on :${port} in ${secs} s, pid ${p.pid}`,
        );
      }),
    );
  }
}
