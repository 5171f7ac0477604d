import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { RUNTIME_IDS, isRuntime, type RuntimeId } from '../src/core/catalog/catalog';
import { kafkaVersion } from './infra/kafka';
import { killAllNow, stopAll, tail } from './infra/proc';
import { ROOT, WORK, runFixture, type FixtureOutcome, type Phase } from './lib/fixture';
import { aggregate, renderMatrix, tally } from './lib/matrix';

/**
 * The conformance run: exports each fixture design with the command line, starts its brokers
 * and databases natively, builds and starts every service with its runtime's recipe, pings the
 * system, and checks that every link really carried a call or a message.
 *
 *   npm run test:conformance -- [--fixture NAME]... [--runtime ID]... [--keep] [--no-build] [--allow-skip]
 *
 * --fixture  run only these fixtures (file names in conformance/fixtures without .json)
 * --runtime  run only fixtures whose services all use these runtimes
 * --keep     leave brokers and services running at the end (their URLs are printed)
 * --no-build reuse the previous export and build in conformance/work
 * --work     another work folder than conformance/work (one run at a time uses a folder)
 * --allow-skip  exit 0 even when some check was skipped (a runtime without a recipe or toolchain, a
 *            link whose other end has no stub); without it a skip fails the run: it is not a pass
 */

interface Options {
  fixtures: string[];
  runtimes: RuntimeId[];
  keep: boolean;
  build: boolean;
  work: string;
  allowSkip: boolean;
}

const USAGE =
  'usage: run.ts [FIXTURE]... [--fixture NAME]... [--runtime ID]... [--keep] [--no-build] [--work DIR] [--allow-skip]';
const FIXTURES = join(ROOT, 'conformance', 'fixtures');
const PHASES: Phase[] = ['export', 'infra', 'build', 'start', 'ping', 'ready', 'stop'];

function parse(argv: string[]): Options | string {
  const o: Options = { fixtures: [], runtimes: [], keep: false, build: true, work: WORK, allowSkip: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--fixture') o.fixtures.push(value().replace(/\.json$/, ''));
    else if (flag === '--runtime') {
      const r = value();
      if (!isRuntime(r)) return `unknown runtime ${JSON.stringify(r)}; one of ${RUNTIME_IDS.join(', ')}`;
      o.runtimes.push(r);
    } else if (flag === '--keep') o.keep = true;
    else if (flag === '--no-build') o.build = false;
    else if (flag === '--work') o.work = resolve(value());
    else if (flag === '--allow-skip') o.allowSkip = true;
    else if (flag === '-h' || flag === '--help') return USAGE;
    else if (!a.startsWith('-') && a) o.fixtures.push(a.replace(/\.json$/, ''));
    else return `unknown option ${JSON.stringify(a)}\n${USAGE}`;
  }
  return o;
}

/** Fixture names and files, filtered by the options. */
function selectFixtures(o: Options): [string, string][] | string {
  const all = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  const unknown = o.fixtures.filter((f) => !all.includes(f));
  if (unknown.length) return `no fixture ${unknown.join(', ')}; there are: ${all.join(', ')}`;
  let names = o.fixtures.length ? all.filter((f) => o.fixtures.includes(f)) : all;
  if (o.runtimes.length) {
    names = names.filter((n) => {
      const design = JSON.parse(readFileSync(join(FIXTURES, `${n}.json`), 'utf8')) as { nodes?: { kind?: string }[] };
      const kinds = (design.nodes ?? []).map((x) => x.kind ?? '').filter(isRuntime);
      return kinds.length > 0 && kinds.every((k) => o.runtimes.includes(k));
    });
  }
  return names.map((n) => [n, join(FIXTURES, `${n}.json`)]);
}

/**
 * Takes the work folder for this run: two runs in one folder would delete each other's exports
 * and brokers. Returns why it cannot, or null. The lock goes when this process exits.
 */
function lockWork(work: string): string | null {
  const lock = join(work, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      process.on('exit', () => rmSync(lock, { force: true }));
      return null;
    } catch {
      const pid = Number(readFileSync(lock, 'utf8').trim());
      let alive: boolean;
      try {
        alive = pid > 0 && process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (alive)
        return `Another conformance run (pid ${pid}) is using ${work}; wait for it, or pass --work <another folder>.`;
      rmSync(lock, { force: true });
    }
  }
  return `Cannot take ${lock}.`;
}

const secs = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)}s`);

function printFixture(f: FixtureOutcome): void {
  if (f.error) console.log(`  FAIL ${f.fixture}: ${f.error}`);
  for (const r of f.results) {
    if (r.status === 'pass') continue;
    console.log(`  ${r.status === 'fail' ? 'FAIL' : 'SKIP'} ${r.title}${r.detail ? `: ${r.detail}` : ''}`);
  }
  const passed = f.results.filter((r) => r.status === 'pass').length;
  console.log(`  ${passed} of ${f.results.length} checks passed`);
  // the logs of running services whose checks failed, once each (build and start failures
  // printed theirs already)
  const failing = new Set(f.results.filter((r) => r.status === 'fail').flatMap((r) => r.services));
  for (const s of f.services)
    if (s.status.state === 'up' && failing.has(s.name)) console.log(`  --- tail of ${s.log}\n${tail(s.log, 30)}`);
}

async function main(argv: string[]): Promise<number> {
  const opts = parse(argv);
  if (typeof opts === 'string') {
    console.log(opts);
    return opts === USAGE ? 0 : 2;
  }
  const picked = selectFixtures(opts);
  if (typeof picked === 'string') {
    console.error(picked);
    return 2;
  }
  if (picked.length === 0) {
    console.log('No fixture matches; nothing to run.\n0 passed, 0 failed, 0 skipped');
    return 0;
  }
  mkdirSync(opts.work, { recursive: true });
  const held = lockWork(opts.work);
  if (held) {
    console.error(held);
    return 2;
  }
  const t0 = Date.now();
  const outcomes: FixtureOutcome[] = [];
  for (const [name, file] of picked) {
    console.log(`\n== ${name}`);
    const o = await runFixture(name, file, { ...opts, log: (l) => console.log(l) });
    printFixture(o);
    outcomes.push(o);
    if (opts.keep) {
      for (const i of o.infra) if (i.url) console.log(`  running: ${i.name} ${i.url}`);
      for (const s of o.services) if (s.status.state === 'up') console.log(`  running: ${s.name} ${s.url}`);
    }
  }

  const results = outcomes.flatMap((o) => o.results);
  const matrix = aggregate(results);
  const { passed, failed } = tally(matrix);
  console.log(`\n${renderMatrix(matrix, RUNTIME_IDS)}\n`);
  const skipped = [
    ...new Set(
      outcomes
        .flatMap((o) => o.services.filter((s) => s.status.state === 'skipped'))
        .map((s) => `${s.runtime}: ${s.status.state === 'skipped' ? s.status.reason : ''}`),
    ),
  ];
  for (const s of skipped) console.log(`SKIP ${s}`);
  console.log(`\n${'fixture'.padEnd(16)} ${PHASES.map((p) => p.padStart(8)).join('')}`);
  for (const o of outcomes)
    console.log(`${o.fixture.slice(0, 16).padEnd(16)} ${PHASES.map((p) => secs(o.phases[p]).padStart(8)).join('')}`);
  console.log(`total ${secs(Date.now() - t0)}, Kafka ${kafkaVersion()}`);

  const report = {
    kafkaVersion: kafkaVersion(),
    durationMs: Date.now() - t0,
    passed,
    failed,
    skipped: results.filter((r) => r.status === 'skip').length,
    matrix: Object.fromEntries([...matrix].map(([rt, row]) => [rt, Object.fromEntries(row)])),
    fixtures: outcomes,
  };
  const reportFile = join(opts.work, 'report.json');
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  const rel = relative(process.cwd(), reportFile);
  console.log(`report: ${rel.startsWith('..') ? reportFile : rel}`);
  const running = outcomes.flatMap((o) => o.running);
  if (running.length)
    console.log(`still running (--keep); stop them with:\n  kill -INT -- ${running.map((p) => `-${p}`).join(' ')}`);
  const exportFailed = outcomes.some((o) => o.error);
  // A broker that did not start leaves its links unchecked: that is a failure, not a smaller run.
  const infraFailed = outcomes.flatMap((o) => o.infra.filter((i) => i.error).map((i) => `${o.fixture}/${i.name}`));
  for (const f of infraFailed) console.log(`FAIL infrastructure did not start: ${f}`);
  // A check that was not exercised (a runtime without a recipe or toolchain, a link whose other end
  // has no stub, a service that did not start) is not a pass: it is counted, and fails the run
  // unless --allow-skip says a smaller run is what was wanted.
  const skippedChecks = results.filter((r) => r.status === 'skip');
  for (const r of skippedChecks) console.log(`SKIP ${r.title}: ${r.detail}`);
  const skipFails = skippedChecks.length > 0 && !opts.allowSkip;
  if (skipFails) console.log('FAIL some checks were skipped (see the SKIP lines above); --allow-skip accepts that');
  console.log(`${passed} passed, ${failed + infraFailed.length} failed, ${skippedChecks.length} skipped`);
  return failed > 0 || exportFailed || infraFailed.length > 0 || skipFails ? 1 : 0;
}

const keep = process.argv.includes('--keep');
process.on('SIGINT', () => void stopAll(5_000).then(() => process.exit(130)));
process.on('SIGTERM', () => void stopAll(5_000).then(() => process.exit(143)));
process.on('exit', () => {
  if (!keep) killAllNow();
});
const code = await main(process.argv.slice(2));
// with --keep the services run on in their own process groups; nothing else keeps us here
process.exit(code);
