import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { generateProject } from '../../generators/project';
import text from '../../../../test/fixtures/kubernetes/shop.yaml?raw';
import { importKubernetes, isKubernetesText } from './index';

const docs = parseAllDocuments(text).map((d) => d.toJS() as { kind: string; metadata: { name: string } });
const workloads = docs.filter((d) => d.kind === 'Deployment' || d.kind === 'StatefulSet');

describe(`Kubernetes import: a shop of ${docs.length} documents, ${workloads.length} workloads`, () => {
  const r = importKubernetes(text, 'shop.yaml');
  if (!r.ok) throw new Error(r.error);
  const byName = new Map(r.design.nodes.map((n) => [n.name, n]));

  it('is told apart from a compose file', () => {
    expect(isKubernetesText(text)).toBe(true);
    expect(isKubernetesText('services:\n  a:\n    image: x\n')).toBe(false);
  });

  it('makes a node of every workload with its image, port, environment and replicas', () => {
    for (const w of workloads) expect(byName.has(w.metadata.name), w.metadata.name).toBe(true);
    expect(byName.get('checkout')).toMatchObject({ image: 'ghcr.io/shop/checkout:1.2.0', port: 5050 });
    expect(byName.get('redis-cart')?.kind).toBe('redis');
    expect(byName.get('shop-ingress')?.kind).toBe('gateway');
    // a ConfigMap reference is resolved from the same file
    expect(byName.get('checkout')?.env).toContainEqual({
      key: 'DATABASE_URL',
      value: 'postgres://shop:s3cret@orders-db:5432/orders',
    });
    expect(r.warnings).toContain('frontend: 3 replicas of Container are not modelled; it runs one.');
  });

  it("keeps the database's credentials from its Secret, and exports them unchanged", () => {
    const db = byName.get('orders-db');
    expect(db?.kind).toBe('postgres');
    expect(db?.env).toEqual([
      // read from the Secret: marked secret, so the inspector shows them only on a click
      { key: 'POSTGRES_USER', value: 'shop', secret: true },
      { key: 'POSTGRES_PASSWORD', value: 's3cret', secret: true },
      { key: 'POSTGRES_DB', value: 'orders' },
    ]);
    const files = new Map(generateProject(r.design).map((f) => [f.path, f.content]));
    expect(files.get('.env')).toMatch(/^ORDERS_DB_USER=shop$/m);
    expect(files.get('.env')).toMatch(/^ORDERS_DB_PASSWORD=s3cret$/m);
    expect(files.get('k8s/secrets/orders-db-credentials.env')).toMatch(/^username=shop$/m);
    expect(files.get('k8s/secrets/orders-db-credentials.env')).toMatch(/^password=s3cret$/m);
    expect(files.get('k8s/orders-db.yaml')).not.toContain('s3cret');
    expect(files.get('k8s/orders-db.yaml')).toMatch(/POSTGRES_DB\n\s+value: orders/);
    expect(r.warnings.join('\n')).toMatch(/Values of the Secrets orders-db were read/);
  });

  it('links callers to the Services their environment names', () => {
    const links = r.design.links.map((l) => {
      const s = r.design.nodes.find((n) => n.id === l.source)?.name;
      const t = r.design.nodes.find((n) => n.id === l.target)?.name;
      return `${s}>${t}`;
    });
    expect(links).toEqual(
      expect.arrayContaining([
        'frontend>cart',
        'checkout>payment',
        'cart>redis-cart',
        'checkout>orders-db',
        'shop-ingress>frontend',
      ]),
    );
  });

  it('lists the kinds it does not map', () => {
    expect(r.warnings).toContain(
      'Kinds the design does not map were left out: HorizontalPodAutoscaler (frontend), ServiceAccount (shop).',
    );
  });

  it('refuses a Helm template and broken YAML with a clear message', () => {
    const helm = importKubernetes('apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n');
    expect(helm.ok ? '' : helm.error).toMatch(/helm template/);
    const broken = importKubernetes('apiVersion: v1\nkind: Service\n---\nkind: [\n');
    expect(broken.ok ? '' : broken.error).toMatch(/not valid YAML: .*line \d+/);
    const none = importKubernetes('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n');
    expect(none.ok ? '' : none.error).toMatch(/no workload/);
  });
});
