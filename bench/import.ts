/**
 * `npm run bench:import`: imports each heavy compose file (test/fixtures/compose/heavy.ts) in a
 * fresh Node process and prints how long it took, the peak memory of the process, the size of
 * the file and what came of it (imported, or refused and why). The targets: every file up to
 * 1 MiB imported or refused in under 2 s, in under 512 MB. `--runs N` takes the best of N runs.
 * Exits non-zero when a file misses a target or does not end as its case says it should.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { heavyCases } from '../test/fixtures/compose/heavy';
import { importCompose } from '../src/core/importers/compose';

const TARGET_MS = 2000;
const TARGET_MB = 512;

interface Figures {
  ms: number;
  mb: number;
  ok: boolean;
  summary: string;
}

/** In the child: one case, once; prints its figures as JSON. */
function runCase(name: string): void {
  const c = heavyCases().find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  const t0 = performance.now();
  const r = importCompose(c.text, 'compose.yaml');
  const ms = performance.now() - t0;
  const figures: Figures = {
    ms,
    mb: process.resourceUsage().maxRSS / 1024,
    ok: r.ok,
    summary: r.ok
      ? `${r.design.nodes.length} nodes, ${r.design.links.length} links, ${r.warnings.length} warnings`
      : r.error,
  };
  process.stdout.write(JSON.stringify(figures));
}

function main(): void {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Math.max(1, Number(process.argv[i + 1]) || 1) : 1;
  const self = fileURLToPath(import.meta.url);
  console.log(
    `compose import, ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`${'case'.padEnd(18)} ${'KiB'.padStart(6)} ${'ms'.padStart(7)} ${'MB'.padStart(5)}  result`);
  const misses: string[] = [];
  for (const c of heavyCases()) {
    let best: Figures | null = null;
    for (let r = 0; r < runs; r++) {
      const out = execFileSync(process.execPath, [...process.execArgv, self, '--case', c.name], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      const f = JSON.parse(out) as Figures;
      if (!best || f.ms < best.ms) best = f;
    }
    if (!best) continue;
    const kib = new TextEncoder().encode(c.text).length / 1024;
    const summary = best.ok ? `imported: ${best.summary}` : `refused: ${best.summary}`;
    console.log(
      `${c.name.padEnd(18)} ${kib.toFixed(0).padStart(6)} ${best.ms.toFixed(0).padStart(7)} ${best.mb.toFixed(0).padStart(5)}  ${summary}`,
    );
    if (best.ms > TARGET_MS) misses.push(`${c.name}: ${best.ms.toFixed(0)} ms`);
    if (best.mb > TARGET_MB) misses.push(`${c.name}: ${best.mb.toFixed(0)} MB`);
    if (best.ok !== c.imports) misses.push(`${c.name}: ${best.ok ? 'imported' : 'refused'}, expected the opposite`);
  }
  if (misses.length > 0) {
    console.log(`\nmissed (targets ${TARGET_MS} ms, ${TARGET_MB} MB): ${misses.join('; ')}`);
    process.exitCode = 1;
  } else console.log(`\nevery file imported or refused within ${TARGET_MS} ms and ${TARGET_MB} MB`);
}

const at = process.argv.indexOf('--case');
if (at >= 0) runCase(process.argv[at + 1] ?? '');
else main();
