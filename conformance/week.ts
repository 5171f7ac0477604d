import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GO_HANDLERS, IMPLEMENTED, implementHandler, weekMonday, weekThursday } from './fixtures/week';
import { run, stopAll, killAllNow } from './infra/proc';
import { ROOT, WORK, runFixture } from './lib/fixture';

/**
 * A user's week with an exported project, built and run for real:
 *
 * 1. Monday: export a two-service design (Python · FastAPI calling Go · net/http over REST).
 * 2. The user implements the Go handler (an answer computed from the request) and adds a file.
 * 3. Thursday: the design gains an endpoint on that call and a gRPC link;
 *    `polyglot-canvas export thursday.json -o project/ --update` merges it in.
 * 4. The implementation and the user's file are still there, the new endpoint and RPC are
 *    generated; the project builds with the conformance recipes, `/ping` shows both links working,
 *    and the implemented endpoint answers with the user's value.
 *
 *   npx tsx conformance/week.ts        (prints `N passed, M failed`; exit 1 on a failure)
 */

const work = join(WORK, 'week');
const project = join(work, 'project');
const cli = join(ROOT, 'bin', 'polyglot-canvas.mjs');
let passed = 0;
let failed = 0;
const check = (ok: boolean, what: string, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? 'PASS' : 'FAIL'} ${what}${!ok && detail ? `: ${detail}` : ''}`);
};

async function main(): Promise<void> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const monday = join(work, 'monday.json');
  const thursday = join(work, 'thursday.json');
  writeFileSync(monday, JSON.stringify(weekMonday(), null, 2));
  writeFileSync(thursday, JSON.stringify(weekThursday(), null, 2));

  console.log('== Monday: export');
  const first = await run(process.execPath, [cli, 'export', monday, '-o', `${project}/`], { cwd: ROOT });
  check(first.code === 0, 'the first export writes the project', first.output);

  console.log('== the user implements GetStockById and adds a file');
  const handlers = join(project, GO_HANDLERS);
  writeFileSync(handlers, implementHandler(readFileSync(handlers, 'utf8')));
  writeFileSync(join(project, 'NOTES.md'), 'Ask ops about the stock database.\n');

  console.log('== Thursday: export --update');
  const update = await run(process.execPath, [cli, 'export', thursday, '-o', project, '--update'], { cwd: ROOT });
  console.log(update.output.replace(/^/gm, '  | '));
  check(update.code === 0, 'the update merges without conflicts', update.output);
  const after = readFileSync(handlers, 'utf8');
  check(after.includes(IMPLEMENTED), 'the implementation is still there', after);
  check(/func GetStockByIdHistory\(/.test(after), 'the new endpoint has its handler', after);
  check(readFileSync(join(project, 'NOTES.md'), 'utf8').startsWith('Ask ops'), "the user's own file is untouched");

  console.log('== build, start and /ping the updated project');
  const outcome = await runFixture('week', thursday, {
    work: WORK,
    keep: true,
    build: true,
    exported: true,
    log: (l) => console.log(l),
  });
  if (outcome.error) check(false, 'the project runs', outcome.error);
  for (const r of outcome.results) check(r.status !== 'fail', r.title, r.detail);
  check(
    outcome.results.some((r) => r.status === 'pass'),
    'the conformance checks ran',
  );
  const stock = outcome.services.find((s) => s.name === 'stock');
  if (stock?.status.state === 'up') {
    const res = await fetch(`${stock.url}/stock/abc`);
    const body = (await res.json()) as { id?: string; status?: string };
    check(
      res.ok && body.status === 'reserved for abc by stock',
      'GET /stock/abc answers with the implementation',
      JSON.stringify(body),
    );
  } else check(false, 'stock is up', JSON.stringify(stock?.status));
}

try {
  await main();
} catch (e) {
  check(false, 'the week ran to its end', e instanceof Error ? (e.stack ?? e.message) : String(e));
} finally {
  await stopAll().catch(() => killAllNow());
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
