import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { fixtures } from '../conformance/fixtures/make';
import type { Design } from '../src/core/model/types';
import { TEMPLATES } from '../src/core/templates';
import { diagramOnlyDesign, replicasDesign, shopDesign } from '../src/core/generators/compose/testDesigns';
import { generateKubernetes } from '../src/core/generators/kubernetes';
import { k8sProblems } from '../src/core/generators/kubernetes/k8sCheck';
import { generateHelm } from '../src/core/generators/helm';
import { hasSeveralNamespaces } from '../src/core/model/namespaces';
import { namespacedDesigns } from './fixtures/namespaced';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** helm from the lint tools (scripts/lint/install.sh), or from PATH. */
const HELM = [join(process.env.LINT_TOOLS ?? join(homedir(), '.cache', 'polyglot-canvas', 'lint-tools'), 'bin', 'helm')]
  .concat((process.env.PATH ?? '').split(':').map((d) => join(d, 'helm')))
  .find((p) => existsSync(p));

const tmp = mkdtempSync(join(tmpdir(), 'pgc-helm-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function chart(design: Design, name: string): string {
  const dir = join(tmp, name);
  for (const f of generateHelm(design)) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return join(dir, 'helm');
}

function helm(...args: string[]): { code: number; out: string } {
  const r = spawnSync(HELM ?? 'helm', args, { encoding: 'utf8' });
  return { code: r.status ?? 1, out: r.stdout + r.stderr };
}

/** The chart rendered with the export's git-ignored credentials file and `--set` values. */
function render(dir: string, namespace: string, ...set: string[]): Doc[] {
  const r = helm(
    'template',
    'x',
    dir,
    '--namespace',
    namespace,
    ...secretValues(dir),
    ...set.flatMap((s) => ['--set', s]),
  );
  expect(r.code, r.out).toBe(0);
  return parseAllDocuments(r.out)
    .map((d) => d.toJS() as Doc | null)
    .filter((d): d is Doc => d !== null);
}

const secretValues = (dir: string) =>
  existsSync(join(dir, 'values.secret.yaml')) ? ['-f', join(dir, 'values.secret.yaml')] : [];

const key = (d: Doc) => `${d.kind}/${d.metadata.namespace ?? ''}/${d.metadata.name}`;
/** The chart keeps replicated pods apart even at one replica: leave that out of the comparison. */
const withoutAffinity = (d: Doc) => {
  const copy = structuredClone(d);
  if (copy.spec?.template?.spec) delete copy.spec.template.spec.affinity;
  return copy;
};

const designs: [string, Design][] = [
  ['shop', shopDesign()],
  ['replicas', replicasDesign()],
  ['diagram only', diagramOnlyDesign()],
  ...TEMPLATES.map((t): [string, Design] => [t.id, t.build()]),
  ...Object.entries(fixtures()).filter(([n]) => n === 'polyglot-all' || n === 'brokers-ring'),
  ...namespacedDesigns(),
];

describe('the Helm chart', () => {
  it('has values for every node’s image, replicas and resources, the ingress and the credentials', () => {
    const files = new Map(generateHelm(shopDesign()).map((f) => [f.path, f.content]));
    const values = parse(files.get('helm/values.yaml') ?? '') as Doc;
    expect(values.ingress).toEqual({ enabled: true, className: 'nginx', controllerNamespace: 'ingress-nginx' });
    expect(values.nodes.orders).toMatchObject({ image: 'polyglot-shop/orders:dev', replicas: 1 });
    expect(values.nodes.orders.resources.limits).toEqual({ cpu: '1', memory: '512Mi', 'ephemeral-storage': '512Mi' });
    expect(values.nodes.edge.ingress).toEqual({ host: 'edge.polyglot-shop.example.com', tlsSecretName: 'edge-tls' });
    // no credential value in values.yaml: they are in the git-ignored values.secret.yaml
    expect(values.credentials.postgres).toEqual({ existingSecret: '' });
    expect(files.get('helm/values.yaml')).not.toMatch(/password|username/);
    const secret = parse(files.get('helm/values.secret.yaml') ?? '') as Doc;
    expect(secret.credentials.postgres).toEqual({ username: 'app', password: 'app' });
    const example = parse(files.get('helm/values.secret.yaml.example') ?? '') as Doc;
    expect(example.credentials.postgres).toEqual({ username: '', password: '' });
    expect(parse(files.get('helm/Chart.yaml') ?? '')).toMatchObject({ apiVersion: 'v2', name: 'polyglot-shop' });
    expect(files.get('helm/templates/orders.yaml')).toContain(
      'image: {{ index .Values.nodes "orders" "image" | quote }}',
    );
  });

  it.skipIf(!HELM).each(designs)(
    '%s: lints and renders the objects of k8s/ in the release namespace',
    (name, design) => {
      const dir = chart(design, name);
      const lint = helm('lint', '--strict', ...secretValues(dir), dir);
      expect(lint.code, lint.out).toBe(0);
      const ns = 'elsewhere';
      const rendered = new Map(render(dir, ns).map((d) => [key(d), d]));
      // one namespace is the release's; several keep their names, and the chart makes them
      const several = hasSeveralNamespaces(design);
      // the objects of k8s/ with the Secrets its kustomization generates
      const wanted = k8sProblems(generateKubernetes(design))
        .docs.filter((d) => several || d.kind !== 'Namespace')
        .map((d) => (several ? d : { ...d, metadata: { ...d.metadata, namespace: ns } }));
      expect([...rendered.keys()].sort()).toEqual(wanted.map(key).sort());
      for (const d of wanted) expect(withoutAffinity(rendered.get(key(d)) ?? {}), key(d)).toEqual(withoutAffinity(d));
    },
  );

  it.skipIf(!HELM)('takes images, replicas, resources, ingress and credentials from the values', () => {
    const dir = chart(shopDesign(), 'values');
    const docs = render(
      dir,
      'shop',
      'nodes.orders.replicas=3',
      'nodes.orders.image=registry.example/orders:1.2',
      'nodes.orders.resources.limits.memory=1Gi',
      'ingress.enabled=false',
      'credentials.postgres.password=s3cret',
    );
    const find = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name);
    const orders = find('Deployment', 'orders');
    expect(orders?.spec.replicas).toBe(3);
    expect(orders?.spec.template.spec.containers[0].image).toBe('registry.example/orders:1.2');
    expect(orders?.spec.template.spec.containers[0].resources.limits.memory).toBe('1Gi');
    expect(find('PodDisruptionBudget', 'orders')?.spec.maxUnavailable).toBe(1);
    expect(find('PodDisruptionBudget', 'inventory')).toBeUndefined();
    expect(find('Ingress', 'edge')).toBeUndefined();
    expect(find('Secret', 'postgres-credentials')?.stringData.password).toBe('s3cret');
  });

  it.skipIf(!HELM)('refuses to render without the credentials, naming the value and where it goes', () => {
    const dir = chart(shopDesign(), 'no-secrets');
    const r = helm('template', 'x', dir, '--namespace', 'shop');
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(
      /credentials\.\S+\.(username|password) is not set: install with -f helm\/values\.secret\.yaml/,
    );
    // an empty value is a value: only a missing one is refused
    const empty = helm('template', 'x', dir, '--namespace', 'shop', '-f', join(dir, 'values.secret.yaml.example'));
    expect(empty.code, empty.out).toBe(0);
  });

  it.skipIf(!HELM)('uses an existing Secret instead of its own, in every reference', () => {
    const dir = chart(shopDesign(), 'existing');
    const r = helm(
      'template',
      'x',
      dir,
      '--namespace',
      'shop',
      '--set',
      'credentials.postgres.existingSecret=pg-prod',
      '--set',
      'credentials.rabbitmq.existingSecret=mq-prod',
    );
    expect(r.code, r.out).toBe(0);
    const docs = parseAllDocuments(r.out)
      .map((d) => d.toJS() as Doc | null)
      .filter((d): d is Doc => d !== null);
    expect(docs.filter((d) => d.kind === 'Secret')).toEqual([]);
    const refs = docs.flatMap((d) =>
      [...(d.spec?.template?.spec?.containers ?? []), ...(d.spec?.template?.spec?.initContainers ?? [])].flatMap(
        (c: Doc) =>
          (c.env ?? []).flatMap((e: Doc) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef.name] : [])),
      ),
    );
    expect(new Set(refs)).toEqual(new Set(['pg-prod', 'mq-prod']));
  });
});
