import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { importKubernetes } from '../../importers/kubernetes';
import type { Design } from '../../model/types';
import { DesignBuilder } from '../compose/testDesigns';
import { generateProject } from '../project';

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

  it("keeps the value in the service's Secret, which the container reads, and out of its ConfigMap", () => {
    expect(byKind('Secret')).toMatchObject({
      metadata: { name: 'orders-credentials' },
      stringData: { STRIPE_KEY: 'sk_live_51Hx' },
    });
    expect(byKind('ConfigMap')?.data).toMatchObject({ LOG_LEVEL: 'debug' });
    expect(byKind('ConfigMap')?.data).not.toHaveProperty('STRIPE_KEY');
    expect(JSON.stringify(byKind('ConfigMap'))).not.toContain('sk_live');
    const env = byKind('Deployment')?.spec?.template.spec.containers[0]?.env ?? [];
    expect(env).toContainEqual({
      name: 'ORDERS__STRIPE_KEY',
      valueFrom: { secretKeyRef: { name: 'orders-credentials', key: 'STRIPE_KEY' } },
    });
    expect(env).toContainEqual({ name: 'STRIPE_KEY', value: '$(ORDERS__STRIPE_KEY)' });
    expect(JSON.stringify(byKind('Deployment'))).not.toContain('sk_live');
  });

  it('gives the chart the Secret and its value among the credentials', () => {
    expect(f.get('helm/values.yaml')).toMatch(/STRIPE_KEY: sk_live_51Hx/);
    const chart = [...f].filter(([p]) => p.startsWith('helm/templates/')).map(([, c]) => c);
    expect(chart.join('\n')).toMatch(
      /STRIPE_KEY: \{\{ index \.Values\.credentials "orders" "STRIPE_KEY" \| quote \}\}/,
    );
  });

  it('imports the exported manifests with the value marked secret again', () => {
    const text = [...f]
      .filter(([p]) => p.startsWith('k8s/') && !p.endsWith('kustomization.yaml'))
      .map(([, c]) => c)
      .join('\n---\n');
    const r = importKubernetes(text);
    expect(r.ok).toBe(true);
    const orders = r.ok ? r.design.nodes.find((n) => n.name === 'orders') : undefined;
    expect(orders?.env).toContainEqual({ key: 'STRIPE_KEY', value: 'sk_live_51Hx', secret: true });
    expect(orders?.env).toContainEqual({ key: 'LOG_LEVEL', value: 'debug' });
    // the variable that only carried it is not a second one
    expect(orders?.env.map((e) => e.key)).not.toContain('ORDERS__STRIPE_KEY');
    expect(r.warnings.join('\n')).toMatch(/Values of the Secrets orders-credentials were read .* marked secret/);
  });
});

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
