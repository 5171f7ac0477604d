import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { importKubernetes, importKubernetesFiles } from '../../importers/kubernetes';
import type { Design } from '../../model/types';
import { DesignBuilder } from '../compose/testDesigns';
import { generateProject } from '../project';
import { generateKubernetes } from './index';
import { k8sProblems } from './k8sCheck';

interface Obj {
  kind: string;
  metadata: { name: string };
  stringData?: Record<string, string>;
  data?: Record<string, string>;
  spec?: { template: { spec: { containers: { env?: { name: string; value?: string; valueFrom?: unknown }[] }[] } } };
}

function design(): Design {
  const b = new DesignBuilder('shop');
  const orders = b.node('python-fastapi', 'orders');
  b.patch(orders, {
    env: [
      { key: 'STRIPE_KEY', value: 'sk_live_51Hx', secret: true },
      { key: 'LOG_LEVEL', value: 'debug' },
    ],
  });
  return b.design;
}

const files = (d: Design) => new Map(generateProject(d).map((f) => [f.path, f.content]));
const objects = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Obj);

describe('Kubernetes: secret environment values', () => {
  const f = files(design());
  const all = objects(f.get('k8s/orders.yaml') ?? '');
  const byKind = (kind: string) => all.find((o) => o.kind === kind);
  const kustomization = parse(f.get('k8s/kustomization.yaml') ?? '') as {
    secretGenerator: { name: string; envs?: string[]; type: string; options: { labels: Record<string, string> } }[];
  };

  it("keeps the value in a git-ignored env file that kustomize makes the service's Secret from, out of its ConfigMap", () => {
    expect(kustomization.secretGenerator).toEqual([
      {
        name: 'orders-credentials',
        type: 'Opaque',
        envs: ['secrets/orders-credentials.env'],
        options: { labels: expect.objectContaining({ 'app.kubernetes.io/name': 'orders' }) as unknown },
      },
    ]);
    expect(f.get('k8s/secrets/orders-credentials.env')).toMatch(/^STRIPE_KEY=sk_live_51Hx$/m);
    expect(f.get('k8s/secrets/orders-credentials.env.example')).toMatch(/^STRIPE_KEY=$/m);
    // no committed file holds the value: .gitignore covers those that do
    const ignored = ignoredBy(f.get('.gitignore') ?? '');
    const holding = [...f].filter(([, c]) => c.includes('sk_live_51Hx')).map(([p]) => p);
    expect(holding.sort()).toEqual(['.env', 'helm/values.secret.yaml', 'k8s/secrets/orders-credentials.env']);
    for (const p of holding) expect(ignored(p), p).toBe(true);
    for (const p of ['.env.example', 'k8s/secrets/orders-credentials.env.example', 'helm/values.secret.yaml.example'])
      expect(ignored(p), p).toBe(false);
    expect(byKind('Secret')).toBeUndefined();
    expect(byKind('ConfigMap')?.data).toMatchObject({ LOG_LEVEL: 'debug' });
    expect(byKind('ConfigMap')?.data).not.toHaveProperty('STRIPE_KEY');
    const env = byKind('Deployment')?.spec?.template.spec.containers[0]?.env ?? [];
    expect(env).toContainEqual({
      name: 'ORDERS__STRIPE_KEY',
      valueFrom: { secretKeyRef: { name: 'orders-credentials', key: 'STRIPE_KEY' } },
    });
    expect(env).toContainEqual({ name: 'STRIPE_KEY', value: '$(ORDERS__STRIPE_KEY)' });
    expect(k8sProblems(generateKubernetes(design())).problems).toEqual([]);
  });

  it('gives the chart the Secret, its value only in the git-ignored values file', () => {
    expect(f.get('helm/values.yaml')).not.toContain('sk_live');
    expect(parse(f.get('helm/values.yaml') ?? '')).toMatchObject({ credentials: { orders: { existingSecret: '' } } });
    expect(parse(f.get('helm/values.secret.yaml') ?? '')).toEqual({
      credentials: { orders: { STRIPE_KEY: 'sk_live_51Hx' } },
    });
    expect(parse(f.get('helm/values.secret.yaml.example') ?? '')).toEqual({
      credentials: { orders: { STRIPE_KEY: '' } },
    });
    const chart = [...f].filter(([p]) => p.startsWith('helm/templates/')).map(([, c]) => c);
    expect(chart.join('\n')).toContain(
      'STRIPE_KEY: {{ include "shop.credential" (dict "root" $ "node" "orders" "key" "STRIPE_KEY") }}',
    );
  });

  it('imports the exported k8s/ folder with the value marked secret again, nothing lost', () => {
    const folder = [...f].filter(([p]) => p.startsWith('k8s/')).map(([p, text]) => ({ name: p.slice(4), text }));
    const r = importKubernetesFiles(folder, 'k8s');
    expect(r.ok).toBe(true);
    const orders = r.ok ? r.design.nodes.find((n) => n.name === 'orders') : undefined;
    expect(orders?.env).toContainEqual({ key: 'STRIPE_KEY', value: 'sk_live_51Hx', secret: true });
    expect(orders?.env).toContainEqual({ key: 'LOG_LEVEL', value: 'debug' });
    // the variable that only carried it is not a second one
    expect(orders?.env.map((e) => e.key)).not.toContain('ORDERS__STRIPE_KEY');
    expect(r.warnings.join('\n')).toMatch(/Values of the Secrets orders-credentials were read .* marked secret/);
    // every file of the generator was read: none is missing or left out
    expect(r.warnings.join('\n')).not.toMatch(/secrets\/|missing|does not list/);
  });
});

/** Whether a .gitignore's patterns (the few forms the export writes: a path, `dir/*`, `!…`) ignore a path. */
function ignoredBy(gitignore: string): (path: string) => boolean {
  const rules = gitignore
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const glob = negate ? l.slice(1) : l;
      const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')}$`);
      return { negate, re };
    });
  return (path) => rules.reduce((ignored, r) => (r.re.test(path) ? !r.negate : ignored), false);
}

it("reads a service's secret from its own Secret and its database's password from the database's", () => {
  const b = new DesignBuilder('shop');
  const orders = b.node('go-nethttp', 'orders');
  const db = b.node('postgres', 'orders db');
  b.link(orders, db);
  b.patch(orders, { env: [{ key: 'DB_PASSWORD', value: 'mine', secret: true }] });
  const docs = objects(files(b.design).get('k8s/orders.yaml') ?? '');
  const env = docs.find((o) => o.kind === 'Deployment')?.spec?.template.spec.containers[0]?.env ?? [];
  expect(env).toContainEqual({
    name: 'ORDERS__DB_PASSWORD',
    valueFrom: { secretKeyRef: { name: 'orders-credentials', key: 'DB_PASSWORD' } },
  });
  expect(env).toContainEqual({
    name: 'ORDERS_DB_PASSWORD',
    valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'password' } },
  });
  expect(env).toContainEqual({ name: 'DB_PASSWORD', value: '$(ORDERS__DB_PASSWORD)' });
});

describe('Kubernetes import: which values are secret', () => {
  const manifest = `apiVersion: v1
kind: Secret
metadata: {name: api-keys}
stringData: {TOKEN: t0k, PLAIN_LATER: p1}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/x/api:1
          envFrom:
            - secretRef: {name: api-keys}
              prefix: K_
          env:
            - {name: PLAIN_LATER, value: "over"}
            - {name: K_PLAIN_LATER, value: "plain now"}
            - name: ONE
              valueFrom: {secretKeyRef: {name: api-keys, key: TOKEN}}
            - {name: COPY, value: "$(ONE)"}
`;
  it('marks values from envFrom (with its prefix) and secretKeyRef; a later plain value is ordinary', () => {
    const r = importKubernetes(manifest);
    const env = r.ok ? r.design.nodes.find((n) => n.name === 'api')?.env : undefined;
    expect(env).toEqual([
      { key: 'K_TOKEN', value: 't0k', secret: true },
      { key: 'K_PLAIN_LATER', value: 'plain now' },
      { key: 'PLAIN_LATER', value: 'over' },
      { key: 'ONE', value: 't0k', secret: true },
      // a reference to a secret value of the user's own is that value, secret; ONE stays
      { key: 'COPY', value: 't0k', secret: true },
    ]);
  });
});

describe('Kubernetes: secret values an env file cannot hold as they are', () => {
  const tricky = {
    PEM: '-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8w\n-----END PRIVATE KEY-----\n',
    SPACED: '  leading and trailing  ',
    MARKS: `a#b=c $HOME "q" 'q' \\n`,
    EMPTY: '',
  };
  const b = new DesignBuilder('shop');
  const api = b.node('go-nethttp', 'api');
  const db = b.node('postgres', 'api db');
  b.link(api, db);
  b.patch(api, { env: Object.entries(tricky).map(([key, value]) => ({ key, value, secret: true })) });
  b.patch(db, {
    env: [
      { key: 'POSTGRES_USER', value: 'shop', secret: true },
      { key: 'POSTGRES_PASSWORD', value: 'pa ss#1', secret: true },
    ],
  });
  const f = files(b.design);

  it('puts a value with line breaks in a file of its own, the rest in the env file', () => {
    const k = parse(f.get('k8s/kustomization.yaml') ?? '') as { secretGenerator: { name: string; files?: string[] }[] };
    expect(k.secretGenerator.find((g) => g.name === 'api-credentials')?.files).toEqual([
      'PEM=secrets/api-credentials.PEM',
    ]);
    expect(f.get('k8s/secrets/api-credentials.PEM')).toBe(tricky.PEM);
    expect(f.get('k8s/secrets/api-credentials.env')).not.toContain('BEGIN');
    expect(f.get('k8s/secrets/api-credentials.env.example')).toMatch(/^# PEM: .*api-credentials\.PEM$/m);
    const secrets = k8sProblems(generateKubernetes(b.design));
    expect(secrets.problems).toEqual([]);
    expect(secrets.docs.find((d) => d.metadata?.name === 'api-credentials')?.stringData).toEqual(tricky);
    expect(secrets.docs.find((d) => d.metadata?.name === 'api-db-credentials')?.stringData).toEqual({
      username: 'shop',
      password: 'pa ss#1',
    });
  });

  it('reads every value back as it was from the exported k8s/ folder', () => {
    const folder = [...f].filter(([p]) => p.startsWith('k8s/')).map(([p, text]) => ({ name: p.slice(4), text }));
    const r = importKubernetesFiles(folder, 'k8s');
    const nodes = r.ok ? r.design.nodes : [];
    const env = nodes.find((n) => n.name === 'api')?.env ?? [];
    for (const [key, value] of Object.entries(tricky)) expect(env, key).toContainEqual({ key, value, secret: true });
    const dbEnv = nodes.find((n) => n.name === 'api-db')?.env ?? [];
    expect(dbEnv).toContainEqual(expect.objectContaining({ key: 'POSTGRES_PASSWORD', value: 'pa ss#1' }));
    expect(dbEnv).toContainEqual(expect.objectContaining({ key: 'POSTGRES_USER', value: 'shop' }));
  });
});
