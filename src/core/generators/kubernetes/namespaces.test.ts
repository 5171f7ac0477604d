import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { drawNamespace, namespacedDesigns } from '../../../../test/fixtures/namespaced';
import { checkDesign } from '../../checks';
import { boundaryNamespace, namespacePlan } from '../../model/namespaces';
import type { Design } from '../../model/types';
import { TEMPLATES } from '../../templates';
import { generateCompose } from '../compose';
import { generateHelm } from '../helm';
import { generateKubernetes } from './index';
import { k8sProblems, type Doc } from './k8sCheck';

const shop = () => namespacedDesigns().find(([n]) => n === 'namespaces-shop')![1];
const events = () => namespacedDesigns().find(([n]) => n === 'namespaces-events')![1];
const template = (id: string) => TEMPLATES.find((t) => t.id === id)!.build();

/** The objects of k8s/, the Secrets of its secretGenerator among them. */
function docsOf(design: Design): Doc[] {
  return k8sProblems(generateKubernetes(design)).docs;
}
const find = (docs: Doc[], kind: string, name: string, ns?: string) =>
  docs.filter((d) => d.kind === kind && d.metadata.name === name && (ns === undefined || d.metadata.namespace === ns));

describe('namespace names from boundaries', () => {
  const d = { name: 'Polyglot Shop' };
  it('derives a DNS-1123 label, and moves names Kubernetes keeps out of the way', () => {
    expect(boundaryNamespace(d, { name: 'Payments' })).toBe('payments');
    expect(boundaryNamespace(d, { name: 'Orders & Stock' })).toBe('orders-stock');
    expect(boundaryNamespace(d, { name: '"; rm -rf /' })).toBe('rm-rf');
    expect(boundaryNamespace(d, { name: '../../etc' })).toBe('etc');
    expect(boundaryNamespace(d, { name: 'Zahlungsverkehr – Zürich' })).toBe('zahlungsverkehr-zurich');
    expect(boundaryNamespace(d, { name: '42' })).toBe('namespace-42');
    expect(boundaryNamespace(d, { name: '🙂' })).toBe('namespace');
    expect(boundaryNamespace(d, { name: 'kube-system' })).toBe('polyglot-shop-kube-system');
    expect(boundaryNamespace(d, { name: 'Default' })).toBe('polyglot-shop-default');
    expect(boundaryNamespace(d, { name: 'ingress-nginx' })).toBe('polyglot-shop-ingress-nginx');
    for (const name of ['x'.repeat(200), 'a b '.repeat(60), 'KUBE public', '-lead-', 'Ω'])
      expect(boundaryNamespace(d, { name })).toMatch(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/);
  });

  it('names each changed, reserved or shared namespace in a checker message', () => {
    let design = template('polyglot-shop');
    design = drawNamespace(design, 'kube-system', ['web', 'gateway', 'bff']);
    design = drawNamespace(design, 'Orders & Stock', ['orders-db', 'rabbitmq']);
    design = drawNamespace(design, 'orders stock', ['notifications']);
    const messages = checkDesign(design)
      .filter((f) => f.rule === 'namespace-name')
      .map((f) => f.message);
    expect(messages).toEqual([
      'The namespace boundary "kube-system" names a namespace Kubernetes keeps for itself; its cards go to the namespace polyglot-shop-kube-system.',
      'The namespace boundary "Orders & Stock" becomes the Kubernetes namespace orders-stock (lower-case letters, digits and hyphens).',
      'The namespace boundary "orders stock" becomes the Kubernetes namespace orders-stock (lower-case letters, digits and hyphens).',
      'The namespace boundaries "Orders & Stock" and "orders stock" both become the namespace orders-stock; their cards share it.',
    ]);
    expect(namespacePlan(design).used).toEqual(['polyglot-shop', 'polyglot-shop-kube-system', 'orders-stock']);
    expect(k8sProblems(generateKubernetes(design)).problems).toEqual([]);
  });

  it('leaves boundaries of other kinds, and empty namespace boundaries, out of the export', () => {
    const design = shop();
    const plain: Design = {
      ...design,
      boundaries: design.boundaries!.map((b, i) => (i === 0 ? { ...b, kind: 'team' } : { ...b, members: [] })),
    };
    expect(namespacePlan(plain).used).toEqual(['polyglot-shop']);
    expect(generateKubernetes(plain)).toEqual(generateKubernetes(template('polyglot-shop')));
  });
});

describe('the Kubernetes export of namespace boundaries', () => {
  it('puts each member in its namespace, with a Namespace and pod-security labels per namespace', () => {
    const docs = docsOf(shop());
    const namespaces = docs.filter((d) => d.kind === 'Namespace');
    expect(namespaces.map((n) => n.metadata.name)).toEqual(['polyglot-shop', 'storefront', 'orders-stock']);
    for (const n of namespaces)
      expect(n.metadata.labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
      });
    const where = (kind: string, name: string) => find(docs, kind, name).map((d) => d.metadata.namespace);
    expect(where('Deployment', 'bff')).toEqual(['storefront']);
    expect(where('Ingress', 'gateway')).toEqual(['storefront']);
    expect(where('StatefulSet', 'orders-db')).toEqual(['orders-stock']);
    expect(where('Deployment', 'notifications')).toEqual(['polyglot-shop']);
    for (const ns of ['polyglot-shop', 'storefront', 'orders-stock']) {
      expect(find(docs, 'NetworkPolicy', 'default-deny', ns)).toHaveLength(1);
      expect(find(docs, 'NetworkPolicy', 'allow-dns', ns)).toHaveLength(1);
    }
  });

  it('drops the kustomization namespace with several namespaces, and keeps it with one', () => {
    const k = (d: Design) => parse(generateKubernetes(d).find((f) => f.path === 'k8s/kustomization.yaml')!.content);
    expect(k(shop()).namespace).toBeUndefined();
    expect(k(template('polyglot-shop')).namespace).toBe('polyglot-shop');
  });

  it('qualifies addresses across namespaces and keeps them short inside one', () => {
    const docs = docsOf(shop());
    const config = (n: string) => find(docs, 'ConfigMap', `${n}-config`)[0]!.data;
    expect(config('bff').ORDERS_URL).toBe('http://orders.orders-stock.svc.cluster.local:8000');
    expect(config('orders').INVENTORY_GRPC_ADDR).toBe('inventory:50051');
    const env = (n: string) => find(docs, 'Deployment', n)[0]!.spec.template.spec.containers[0].env;
    expect(env('notifications').find((e: Doc) => e.name === 'RABBITMQ_URL').value).toContain(
      '@rabbitmq.orders-stock.svc.cluster.local:5672/',
    );
    expect(env('orders').find((e: Doc) => e.name === 'RABBITMQ_URL').value).toContain('@rabbitmq:5672/');
    expect(config('gateway')['default.conf']).toContain('proxy_pass http://bff:3000/;');
  });

  it('advertises a Kafka broker by its full name to clients in other namespaces', () => {
    const docs = docsOf(events());
    const kafka = docs.find((d) => d.kind === 'StatefulSet' && d.metadata.namespace === 'streaming')!;
    const env = kafka.spec.template.spec.containers[0].env as Doc[];
    const dns = kafka.metadata.name as string;
    expect(env.find((e) => e.name === 'KAFKA_ADVERTISED_LISTENERS')!.value).toContain(
      `INTERNAL://${dns}.streaming.svc.cluster.local:`,
    );
    const clients = docs.filter((d) => d.kind === 'ConfigMap' && d.metadata.namespace !== 'streaming');
    expect(clients.some((c) => Object.values(c.data).includes(`${dns}.streaming.svc.cluster.local:9092`))).toBe(true);
  });

  it('copies a Secret into each other namespace whose services use it, and only there', () => {
    const docs = docsOf(shop());
    const rabbit = find(docs, 'Secret', 'rabbitmq-credentials').map((d) => d.metadata.namespace);
    expect(rabbit).toEqual(['orders-stock', 'polyglot-shop']);
    expect(find(docs, 'Secret', 'orders-db-credentials').map((d) => d.metadata.namespace)).toEqual(['orders-stock']);
    expect(k8sProblems(generateKubernetes(shop())).problems).toEqual([]);
  });

  it('catches a pod that refers to a Secret of another namespace', () => {
    const files = generateKubernetes(shop()).map((f) =>
      f.path === 'k8s/kustomization.yaml'
        ? {
            ...f,
            content: f.content.replace(
              /name: rabbitmq-credentials\n {4}namespace: polyglot-shop/,
              'name: rabbitmq-credentials\n    namespace: storefront',
            ),
          }
        : f,
    );
    expect(k8sProblems(files).problems.join('\n')).toMatch(/uses Secret rabbitmq-credentials, not in polyglot-shop/);
  });

  it('leaves the compose export as it is', () => {
    const flat = template('polyglot-shop');
    expect(generateCompose(shop())).toEqual(generateCompose(flat));
  });

  it('gives the Helm chart the same namespaces, made by the chart', () => {
    const files = new Map(generateHelm(shop()).map((f) => [f.path, f.content]));
    const made = parseAllDocuments(files.get('helm/templates/namespaces.yaml')!).map((d) => d.toJS() as Doc);
    expect(made.map((n) => n.metadata.name)).toEqual(['polyglot-shop', 'storefront', 'orders-stock']);
    expect(files.get('helm/templates/bff.yaml')).toContain('namespace: storefront');
    expect(files.get('helm/templates/bff.yaml')).not.toContain('.Release.Namespace');
    expect(generateHelm(template('polyglot-shop')).some((f) => f.path === 'helm/templates/namespaces.yaml')).toBe(
      false,
    );
  });
});
