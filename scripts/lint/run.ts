import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { restoreText } from '../../src/core/model/restore';
import type { Design } from '../../src/core/model/types';
import { generateProject } from '../../src/core/generators/project';
import { TEMPLATES } from '../../src/core/templates';
import { namespacedDesigns } from '../../test/fixtures/namespaced';
import { ALLOWED, allowed } from './allow';
import {
  TOOL_NAMES,
  checkov,
  hadolint,
  helm,
  kubeScore,
  kubeconform,
  redocly,
  spectral,
  toolPath,
  type Finding,
  type Tool,
} from './tools';

/**
 * The export gate: exports every template, every conformance fixture and the namespace variants, runs the linters a
 * platform engineer runs on them (hadolint, kube-score, kubeconform on `kustomize build k8s` and
 * on the rendered Helm chart, helm lint, checkov, Redocly, Spectral), and fails on any error or warning that is
 * not an allowed exception (allow.ts). Prints the findings per tool and a last line
 * `N passed, M failed` counting project × tool cells.
 *
 *   npm run test:lint [-- --tool kube-score]... [--project NAME]... [--report] [--work DIR] [--keep]
 *
 * --report  print the figures, exit 0 whatever they are (to measure an older export)
 * --keep    leave the exported projects in the work folder
 * --project lint only this project (e.g. variant-namespaces-shop, template-event-driven)
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function option(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => {
    if (a === name && process.argv[i + 1]) out.push(process.argv[i + 1] ?? '');
    else if (a.startsWith(`${name}=`)) out.push(a.slice(name.length + 1));
  });
  return out;
}

function designs(): [string, Design][] {
  const out: [string, Design][] = TEMPLATES.map((t) => [`template-${t.id}`, t.build()]);
  const dir = join(ROOT, 'conformance', 'fixtures');
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    const r = restoreText(readFileSync(join(dir, f), 'utf8'));
    if (!r.ok) throw new Error(`${f}: ${r.error}`);
    out.push([`fixture-${f.slice(0, -5)}`, r.design]);
  }
  // designs spread over namespace boundaries: several namespaces, policies and Secrets across them
  for (const [name, design] of namespacedDesigns()) out.push([`variant-${name}`, design]);
  return out;
}

const PER_PROJECT: Record<Exclude<Tool, 'checkov'>, (project: string, dir: string) => Finding[]> = {
  hadolint,
  'kube-score': kubeScore,
  kubeconform,
  helm,
  redocly,
  spectral,
};

const BINARIES: Record<Tool, string> = {
  hadolint: 'hadolint',
  'kube-score': 'kube-score',
  kubeconform: 'kubeconform',
  helm: 'helm',
  checkov: 'checkov',
  redocly: 'redocly',
  spectral: 'spectral',
};

function main(): number {
  const report = process.argv.includes('--report');
  const picked = option('--tool') as Tool[];
  const tools = picked.length ? TOOL_NAMES.filter((t) => picked.includes(t)) : TOOL_NAMES;
  const missing = tools.filter(
    (t) =>
      !toolPath(BINARIES[t]) ||
      (t === 'helm' && !toolPath('kubeconform')) ||
      (t === 'kubeconform' && !toolPath('kustomize')),
  );
  if (missing.length) {
    console.log(`Missing tools: ${missing.join(', ')}; install them with: bash scripts/lint/install.sh`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const work = option('--work')[0] ?? join(tmpdir(), 'polyglot-canvas-lint');
  rmSync(work, { recursive: true, force: true });
  const projects: string[] = [];
  const only = option('--project');
  for (const [name, design] of designs()) {
    if (only.length > 0 && !only.includes(name)) continue;
    for (const f of generateProject(design)) {
      const path = join(work, name, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
    projects.push(name);
  }
  console.log(`Exported ${projects.length} projects to ${work}`);

  const findings: Finding[] = [];
  for (const tool of tools) {
    const t0 = Date.now();
    if (tool === 'checkov') findings.push(...checkov(work, projects));
    else for (const p of projects) findings.push(...PER_PROJECT[tool](p, join(work, p)));
    console.log(`  ${tool}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  // kube-score fails on CRITICAL only (its warnings, such as a single replica, are counted);
  // every other tool on any error or warning; the allow-list excuses named rules
  const failing = (f: Finding) =>
    f.level === 'error' || (f.level === 'warning' && f.tool !== 'kube-score')
      ? !(f.tool !== 'kubeconform' && f.tool !== 'helm' && allowed(f.tool, f.rule))
      : false;
  console.log('\nFindings per tool (errors / warnings / info; allowed; failing):');
  for (const tool of tools) {
    const mine = findings.filter((f) => f.tool === tool);
    const count = (l: Finding['level']) => mine.filter((f) => f.level === l).length;
    const allowedCount = mine.filter((f) => f.level !== 'info' && !failing(f) && allowed(f.tool, f.rule)).length;
    console.log(
      `  ${tool.padEnd(12)} ${String(count('error')).padStart(5)} / ${String(count('warning')).padStart(5)} / ${String(count('info')).padStart(5)}; allowed ${allowedCount}; failing ${mine.filter(failing).length}`,
    );
    const rules = new Map<string, number>();
    for (const f of mine.filter((x) => x.level !== 'info'))
      rules.set(`${f.level} ${f.rule}`, (rules.get(`${f.level} ${f.rule}`) ?? 0) + 1);
    for (const [rule, n] of [...rules].sort((a, b) => b[1] - a[1]))
      console.log(`      ${String(n).padStart(5)}  ${rule}`);
  }
  const bad = findings.filter(failing);
  for (const f of bad.slice(0, 60))
    console.log(`FAIL ${f.tool} ${f.project} ${f.file}: ${f.rule} ${f.message.slice(0, 300)}`);
  if (bad.length > 60) console.log(`... and ${bad.length - 60} more`);
  if (ALLOWED.length)
    console.log(
      `\nAllowed exceptions (scripts/lint/allow.ts): ${ALLOWED.map((a) => `${a.tool} ${a.rule}`).join(', ')}`,
    );
  let passed = 0;
  let failed = 0;
  for (const p of projects)
    for (const t of tools) {
      if (bad.some((f) => f.project === p && f.tool === t)) failed++;
      else passed++;
    }
  if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  return report || failed === 0 ? 0 : 1;
}

process.exit(main());
