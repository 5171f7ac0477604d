import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { schemaFileName, standaloneSchemas } from './schemas';

/** The linters of the export gate and how each one's findings are read. */

export const TOOLS = process.env.LINT_TOOLS ?? join(homedir(), '.cache', 'polyglot-canvas', 'lint-tools');
const HERE = dirname(fileURLToPath(import.meta.url));
/** The Kubernetes releases every manifest is validated against. */
export const K8S_VERSIONS = ['v1.29.0', 'v1.37.0'];

export type Tool = 'hadolint' | 'kube-score' | 'kubeconform' | 'helm' | 'checkov' | 'redocly' | 'spectral';
export const TOOL_NAMES: Tool[] = ['hadolint', 'kube-score', 'kubeconform', 'helm', 'checkov', 'redocly', 'spectral'];

export interface Finding {
  tool: Tool;
  project: string;
  file: string;
  rule: string;
  /** `error` and `warning` fail the gate unless allowed; `info` is only counted. */
  level: 'error' | 'warning' | 'info';
  message: string;
}

/** Where a tool's executable is, or null. */
export function toolPath(name: string): string | null {
  for (const dir of [join(TOOLS, 'bin'), join(TOOLS, 'venv', 'bin'), join(TOOLS, 'npm', 'node_modules', '.bin')]) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return null;
}

function run(cmd: string, args: string[], cwd: string, input?: string): { code: number; out: string; err: string } {
  const r = spawnSync(cmd, args, {
    cwd,
    input,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  return { code: r.status ?? 1, out: r.stdout, err: r.stderr };
}

const files = (dir: string, ext: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(ext))
        .sort()
        .map((f) => join(dir, f))
    : [];

export function hadolint(project: string, dir: string): Finding[] {
  const dockerfiles = existsSync(join(dir, 'services'))
    ? readdirSync(join(dir, 'services'))
        .map((s) => join('services', s, 'Dockerfile'))
        .filter((f) => existsSync(join(dir, f)))
    : [];
  if (dockerfiles.length === 0) return [];
  const r = run(toolPath('hadolint')!, ['-f', 'json', '--no-fail', ...dockerfiles], dir);
  const list = JSON.parse(r.out || '[]') as {
    code: string;
    file: string;
    level: string;
    line: number;
    message: string;
  }[];
  return list.map((f) => ({
    tool: 'hadolint',
    project,
    file: `${f.file}:${f.line}`,
    rule: f.code,
    level: f.level === 'error' ? 'error' : f.level === 'warning' ? 'warning' : 'info',
    message: f.message,
  }));
}

export function kubeScore(project: string, dir: string): Finding[] {
  const manifests = files(join(dir, 'k8s'), '.yaml').filter((f) => !f.endsWith('kustomization.yaml'));
  if (manifests.length === 0) return [];
  const r = run(toolPath('kube-score')!, ['score', '-o', 'json', ...manifests.map((f) => relative(dir, f))], dir);
  type Check = {
    check: { id: string };
    grade: number;
    skipped: boolean;
    comments: { summary: string; path: string }[] | null;
  };
  // null when every file holds comments only
  const objects = (JSON.parse(r.out) ?? []) as { object_name: string; file_name?: string; checks: Check[] }[];
  const out: Finding[] = [];
  for (const o of objects)
    for (const c of o.checks) {
      // kube-score grades: 1 critical, 5 warning, 7 almost OK, 10 OK
      if (c.skipped || c.grade >= 7) continue;
      out.push({
        tool: 'kube-score',
        project,
        file: o.object_name,
        rule: c.check.id,
        level: c.grade <= 1 ? 'error' : 'warning',
        message: (c.comments ?? []).map((x) => `${x.path} ${x.summary}`.trim()).join('; '),
      });
    }
  return out;
}

/** The schema file names of every object in these YAML texts. */
function kindsOf(texts: string[]): Set<string> {
  const kinds = new Set<string>();
  for (const t of texts)
    for (const d of parseAllDocuments(t)) {
      const o = d.toJS() as { apiVersion?: string; kind?: string } | null;
      if (o?.apiVersion && o.kind && o.kind !== 'Kustomization') kinds.add(schemaFileName(o.apiVersion, o.kind));
    }
  return kinds;
}

function kubeconformOn(project: string, dir: string, label: string, paths: string[], texts: string[]): Finding[] {
  const schemas = join(TOOLS, 'k8s-schemas');
  const source = join(TOOLS, 'venv', 'lib');
  const pkg = existsSync(source)
    ? readdirSync(source)
        .map((py) => join(source, py, 'site-packages', 'kubernetes_validate', 'kubernetes-json-schema'))
        .find(existsSync)
    : undefined;
  if (!pkg) throw new Error('kubernetes-validate is not installed (scripts/lint/install.sh)');
  const out: Finding[] = [];
  for (const v of K8S_VERSIONS) {
    for (const k of standaloneSchemas(pkg, schemas, v, kindsOf(texts)))
      out.push({
        tool: 'kubeconform',
        project,
        file: label,
        rule: 'no-schema',
        level: 'error',
        message: `${v} has no schema ${k}`,
      });
    const args = ['-strict', '-output', 'json', '-kubernetes-version', v.slice(1), '-skip', 'Kustomization'];
    args.push(
      '-schema-location',
      join(
        schemas,
        '{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json',
      ),
    );
    const r = run(toolPath('kubeconform')!, [...args, ...paths], dir);
    const res =
      (
        JSON.parse(r.out || '{}') as {
          resources?: { filename: string; kind: string; name: string; status: string; msg: string }[];
        }
      ).resources ?? [];
    for (const x of res)
      if (x.status !== 'statusValid' && x.status !== 'statusSkipped')
        out.push({
          tool: 'kubeconform',
          project,
          file: `${x.filename} ${x.kind}/${x.name}`,
          rule: `${v} ${x.status}`,
          level: 'error',
          message: x.msg,
        });
  }
  return out;
}

/**
 * k8s/ as `kubectl apply -k` applies it: built by kustomize (with the Secrets its secretGenerator
 * makes from the export's env files, names hashed and references rewritten), validated by
 * kubeconform, and every ConfigMap and Secret a pod refers to present in its namespace with the key.
 */
export function kubeconform(project: string, dir: string): Finding[] {
  if (!existsSync(join(dir, 'k8s', 'kustomization.yaml'))) return [];
  const built = run(toolPath('kustomize')!, ['build', 'k8s'], dir);
  if (built.code !== 0)
    return [
      {
        tool: 'kubeconform',
        project,
        file: 'k8s/',
        rule: 'kustomize build',
        level: 'error',
        message: built.err.trim(),
      },
    ];
  writeFileSync(join(dir, 'k8s-built.yaml'), built.out);
  return [
    ...kubeconformOn(project, dir, 'kustomize build k8s', ['k8s-built.yaml'], [built.out]),
    ...unresolvedReferences(built.out).map((message) => ({
      tool: 'kubeconform' as const,
      project,
      file: 'kustomize build k8s',
      rule: 'unresolved-reference',
      level: 'error' as const,
      message,
    })),
  ];
}

/** The references of pods to ConfigMaps and Secrets (and their keys) that the objects do not hold. */
function unresolvedReferences(text: string): string[] {
  type Obj = {
    kind?: string;
    metadata?: { name?: string; namespace?: string };
    data?: Record<string, string>;
    spec?: { template?: { spec?: Record<string, { env?: Env[]; envFrom?: EnvFrom[] }[] | undefined> } };
  };
  type Ref = { name: string; key?: string };
  type Env = { name: string; valueFrom?: { secretKeyRef?: Ref; configMapKeyRef?: Ref } };
  type EnvFrom = { secretRef?: Ref; configMapRef?: Ref };
  const docs = parseAllDocuments(text)
    .map((d) => d.toJS() as Obj | null)
    .filter((d): d is Obj => d !== null);
  const held = new Map(docs.map((d) => [`${d.kind}/${d.metadata?.namespace}/${d.metadata?.name}`, d.data ?? {}]));
  const out: string[] = [];
  for (const d of docs) {
    const pod = d.spec?.template?.spec;
    if (!pod) continue;
    const ns = d.metadata?.namespace;
    const check = (kind: string, ref: Ref) => {
      const data = held.get(`${kind}/${ns}/${ref.name}`);
      if (!data) out.push(`${d.kind} ${d.metadata?.name} refers to ${kind} ${ref.name}, which ${ns} does not hold`);
      else if (ref.key !== undefined && !(ref.key in data))
        out.push(`${d.kind} ${d.metadata?.name} refers to the key ${ref.key} of ${kind} ${ref.name}, which it lacks`);
    };
    for (const c of [...(pod.containers ?? []), ...(pod.initContainers ?? [])]) {
      for (const e of c.env ?? []) {
        if (e.valueFrom?.secretKeyRef) check('Secret', e.valueFrom.secretKeyRef);
        if (e.valueFrom?.configMapKeyRef) check('ConfigMap', e.valueFrom.configMapKeyRef);
      }
      for (const f of c.envFrom ?? []) {
        if (f.secretRef) check('Secret', { name: f.secretRef.name });
        if (f.configMapRef) check('ConfigMap', { name: f.configMapRef.name });
      }
    }
  }
  return out;
}

/**
 * `helm lint --strict`, then `helm template` validated by kubeconform like k8s/, both with the
 * credentials of the export's git-ignored `helm/values.secret.yaml` (the chart refuses to render
 * without them).
 */
export function helm(project: string, dir: string): Finding[] {
  if (!existsSync(join(dir, 'helm', 'Chart.yaml'))) return [];
  const out: Finding[] = [];
  const secrets = existsSync(join(dir, 'helm', 'values.secret.yaml')) ? ['-f', 'helm/values.secret.yaml'] : [];
  const lint = run(toolPath('helm')!, ['lint', '--strict', ...secrets, 'helm'], dir);
  if (lint.code !== 0)
    out.push({
      tool: 'helm',
      project,
      file: 'helm/',
      rule: 'lint',
      level: 'error',
      message: (lint.out + lint.err).trim(),
    });
  const tpl = run(toolPath('helm')!, ['template', project, 'helm', '--namespace', project, ...secrets], dir);
  if (tpl.code !== 0) {
    out.push({ tool: 'helm', project, file: 'helm/', rule: 'template', level: 'error', message: tpl.err.trim() });
    return out;
  }
  const rendered = join(dir, 'helm-rendered.yaml');
  writeFileSync(rendered, tpl.out);
  for (const f of kubeconformOn(project, dir, 'helm template', ['helm-rendered.yaml'], [tpl.out]))
    out.push({ ...f, tool: 'helm' });
  return out;
}

/** checkov's Kubernetes and Dockerfile checks over every project at once (its start-up is slow). */
export function checkov(root: string, projects: string[]): Finding[] {
  const r = run(
    toolPath('checkov')!,
    [
      '-d',
      '.',
      '--framework',
      'kubernetes',
      'dockerfile',
      '-o',
      'json',
      '--quiet',
      '--compact',
      '--skip-download',
      '--skip-path',
      'helm',
    ],
    root,
  );
  const reports = JSON.parse(r.out || '[]') as unknown;
  type Report = {
    check_type: string;
    results: { failed_checks: { check_id: string; check_name: string; file_path: string; resource: string }[] };
  };
  const out: Finding[] = [];
  for (const rep of (Array.isArray(reports) ? reports : [reports]) as Report[])
    for (const f of rep.results?.failed_checks ?? []) {
      const path = f.file_path.replace(/^\//, '');
      const project = projects.find((p) => path.startsWith(`${p}/`)) ?? '?';
      out.push({
        tool: 'checkov',
        project,
        file: `${path.slice(project.length + 1)} ${f.resource}`,
        rule: f.check_id,
        level: 'error',
        message: f.check_name,
      });
    }
  return out;
}

export function redocly(project: string, dir: string): Finding[] {
  const out: Finding[] = [];
  type Problem = { ruleId: string; severity: string; message: string };
  // one document a run: with several, the tool prints one JSON report after the other
  for (const doc of files(join(dir, 'openapi'), '.yaml').map((f) => relative(dir, f))) {
    const r = run(toolPath('redocly')!, ['lint', '--format', 'json', '--extends', 'recommended', doc], dir);
    const start = r.out.indexOf('{');
    const problems = (JSON.parse(start >= 0 ? r.out.slice(start) : '{}') as { problems?: Problem[] }).problems ?? [];
    for (const p of problems)
      out.push({
        tool: 'redocly',
        project,
        file: doc,
        rule: p.ruleId,
        level: p.severity === 'error' ? 'error' : 'warning',
        message: p.message,
      });
  }
  return out;
}

/**
 * Whether a Spectral path points inside a named example's value (`…examples.<name>.value…`): data
 * that Spectral's oas3-valid-schema-example takes for a schema when it has keys named like schema
 * keywords (`type` and `default`, as in a message with such fields).
 */
export function isExampleValue(path: readonly (string | number)[]): boolean {
  return path.some((seg, i) => seg === 'examples' && path[i + 2] === 'value' && path[i - 1] !== 'properties');
}

export function spectral(project: string, dir: string): Finding[] {
  const docs = files(join(dir, 'openapi'), '.yaml').map((f) => relative(dir, f));
  if (docs.length === 0) return [];
  const r = run(
    toolPath('spectral')!,
    ['lint', '--ruleset', join(HERE, 'spectral.yaml'), '-f', 'json', '--quiet', ...docs],
    dir,
  );
  const start = r.out.indexOf('[');
  const all = JSON.parse(start >= 0 ? r.out.slice(start) : '[]') as {
    code: string;
    severity: number;
    message: string;
    source?: string;
    path?: (string | number)[];
  }[];
  const list = all.filter((p) => !(p.code === 'oas3-valid-schema-example' && isExampleValue(p.path ?? [])));
  if (list.length < all.length)
    console.log(
      `spectral ${project}: ${all.length - list.length} oas3-valid-schema-example finding(s) on example values set ` +
        'aside: they are data, not schemas (an example object with keys named `type` and `default` matches the ' +
        "rule's schema selector); oas3-valid-media-example still checks every example against its schema",
    );
  return list.map((p) => ({
    tool: 'spectral',
    project,
    file: (p.source ?? '').replace(`${dir}/`, ''),
    rule: p.code,
    level: p.severity === 0 ? 'error' : p.severity === 1 ? 'warning' : 'info',
    message: p.message,
  }));
}
