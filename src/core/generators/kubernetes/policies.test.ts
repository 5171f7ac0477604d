import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fixtures } from '../../../../conformance/fixtures/make';
import { isRuntime } from '../../catalog/catalog';
import { dnsLabel } from '../../model/naming';
import type { Design, DesignNode } from '../../model/types';
import { serviceWiring } from '../../model/wiring';
import { TEMPLATES } from '../../templates';
import { shopDesign } from '../compose/testDesigns';
import { generateKubernetes } from './index';
import { allows, type Pod, type Policy } from './netpol.testkit';
import { K8S_PLACEHOLDER_HEADER } from './todo';
import { enablePlaceholder } from './todo.testkit';
import { namespacedDesigns } from '../../../../test/fixtures/namespaced';
import { nodeNamespace } from '../../model/namespaces';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The pods and policies of a design's k8s/ folder, with kube-dns and the ingress controller beside;
 * the placeholders of services without a stub enabled, as their user would once they exist.
 */
function cluster(design: Design) {
  const docs = generateKubernetes(design).flatMap((f) =>
    f.path.endsWith('kustomization.yaml') || f.path.startsWith('k8s/secrets/')
      ? []
      : parseAllDocuments(f.content.startsWith(K8S_PLACEHOLDER_HEADER) ? enablePlaceholder(f.content) : f.content).map(
          (d) => d.toJS() as Doc,
        ),
  );
  const own = docs.filter((d) => d.kind === 'Namespace').map((d) => d.metadata.name as string);
  const pods = new Map<string, Pod>();
  for (const d of docs)
    if (d.spec?.template)
      pods.set(d.metadata.name, {
        name: d.metadata.name,
        namespace: d.metadata.namespace,
        labels: d.spec.template.metadata.labels,
        ports: d.spec.template.spec.containers.flatMap((c: Doc) => c.ports ?? []),
      });
  const dns: Pod = { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ports: [] };
  const controller: Pod = {
    name: 'controller',
    namespace: 'ingress-nginx',
    labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
    ports: [],
  };
  const stranger: Pod = { name: 'stranger', namespace: 'other', labels: { app: 'x' }, ports: [] };
  const namespaces = new Map(
    [...own, 'kube-system', 'ingress-nginx', 'other'].map((n) => [n, { 'kubernetes.io/metadata.name': n }]),
  );
  const policies = docs.filter((d) => d.kind === 'NetworkPolicy') as Policy[];
  const pod = (n: DesignNode) => {
    const p = pods.get(dnsLabel(n.name));
    if (!p) throw new Error(`no pod of ${n.name}`);
    return p;
  };
  const can = (a: Pod, b: Pod, port: number, protocol = 'TCP') => allows(policies, namespaces, a, b, port, protocol);
  return { pods, pod, can, dns, controller, stranger, policies, namespaces: own };
}

/** The connection a link makes: who opens it, to whom, on which port; null for a link that carries none. */
function connection(
  design: Design,
  source: DesignNode,
  target: DesignNode,
  kind: string,
): [DesignNode, DesignNode, number] | null {
  if (kind === 'queue') return isRuntime(source.kind) ? [source, target, target.port] : [target, source, source.port];
  if (kind === 'grpc') return serviceWiring(design, target.id)?.servesGrpc ? [source, target, target.grpcPort] : null;
  return [source, target, target.port];
}

const designs: [string, Design][] = [
  ...TEMPLATES.map((t): [string, Design] => [t.id, t.build()]),
  ...Object.entries(fixtures()),
  ['shop', shopDesign()],
  ...namespacedDesigns(),
];

describe('NetworkPolicies from the design', () => {
  it.each(designs)('%s: every link of the design is allowed, both ways of its policy', (_, design) => {
    const c = cluster(design);
    const byId = new Map(design.nodes.map((n) => [n.id, n]));
    let checked = 0;
    for (const l of design.links) {
      const s = byId.get(l.source);
      const t = byId.get(l.target);
      if (!s || !t) continue;
      const conn = connection(design, s, t, l.kind);
      if (!conn) continue;
      const [from, to, port] = conn;
      expect(c.can(c.pod(from), c.pod(to), port), `${l.kind} ${s.name} -> ${t.name}:${port}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    for (const p of c.pods.values()) {
      expect(c.can(p, c.dns, 53, 'UDP'), `${p.name} resolves names`).toBe(true);
      expect(c.can(p, c.dns, 53, 'TCP')).toBe(true);
    }
    for (const n of design.nodes.filter((x) => x.kind === 'gateway'))
      expect(c.can(c.controller, c.pod(n), n.port), `the ingress controller reaches ${n.name}`).toBe(true);
  });

  it.each(designs)('%s: a pair of nodes with no link between them cannot connect', (_, design) => {
    const c = cluster(design);
    const linked = new Set(design.links.flatMap((l) => [`${l.source}>${l.target}`, `${l.target}>${l.source}`]));
    let denied = 0;
    for (const a of design.nodes)
      for (const b of design.nodes) {
        if (a.id === b.id || linked.has(`${a.id}>${b.id}`)) continue;
        const pa = c.pods.get(dnsLabel(a.name));
        const pb = c.pods.get(dnsLabel(b.name));
        if (!pa || !pb) continue;
        for (const port of new Set([b.port, b.grpcPort].filter((x) => x > 0)))
          expect(c.can(pa, pb, port), `${a.name} -> ${b.name}:${port}`).toBe(false);
        denied++;
      }
    // a design whose nodes are all linked to one another (two services calling each other) has no pair to deny
    const anyUnlinked = design.nodes.some((a) =>
      design.nodes.some((b) => a.id !== b.id && !linked.has(`${a.id}>${b.id}`)),
    );
    if (anyUnlinked) expect(denied).toBeGreaterThan(0);
    // nothing outside the namespace gets in, nothing inside gets out but to what it calls
    for (const p of c.pods.values()) {
      for (const port of p.ports) expect(c.can(c.stranger, p, port.containerPort), `stranger -> ${p.name}`).toBe(false);
      expect(c.can(p, c.stranger, 443), `${p.name} -> stranger`).toBe(false);
    }
  });

  it('lets a caller in on the port of its link only', () => {
    const design = TEMPLATES.find((t) => t.id === 'grpc-recommendations')!.build();
    const c = cluster(design);
    // a gRPC caller reaches the gRPC port of its callee, not the HTTP port it has no link to
    for (const l of design.links.filter((x) => x.kind === 'grpc')) {
      const s = design.nodes.find((n) => n.id === l.source)!;
      const t = design.nodes.find((n) => n.id === l.target)!;
      if (design.links.some((x) => x.kind === 'rest' && x.source === s.id && x.target === t.id)) continue;
      expect(c.can(c.pod(s), c.pod(t), t.grpcPort)).toBe(true);
      expect(c.can(c.pod(s), c.pod(t), t.port), `${s.name} -> ${t.name} http`).toBe(false);
    }
  });
});

describe('NetworkPolicies across namespace boundaries', () => {
  const spread = namespacedDesigns();

  it.each(spread)('%s: puts the members of each namespace boundary in its namespace', (_, design) => {
    const c = cluster(design);
    expect(c.namespaces.length).toBeGreaterThan(1);
    for (const n of design.nodes) {
      const p = c.pods.get(dnsLabel(n.name));
      if (p) expect(p.namespace, n.name).toBe(nodeNamespace(design, n));
    }
    // each namespace denies by default and lets its pods resolve names
    for (const ns of c.namespaces) {
      const mine = c.policies.filter((p) => p.metadata.namespace === ns);
      expect(mine.some((p) => Object.keys(p.spec.podSelector).length === 0 && !p.spec.ingress && !p.spec.egress)).toBe(
        true,
      );
      expect(mine.some((p) => p.spec.egress?.some((r) => r.ports?.some((x) => x.port === 53)))).toBe(true);
    }
  });

  it.each(spread)('%s: every link across namespaces is allowed, through a namespace selector', (_, design) => {
    const c = cluster(design);
    const byId = new Map(design.nodes.map((n) => [n.id, n]));
    let across = 0;
    for (const l of design.links) {
      const conn = connection(design, byId.get(l.source)!, byId.get(l.target)!, l.kind);
      if (!conn) continue;
      const [from, to, port] = conn;
      const a = c.pod(from);
      const b = c.pod(to);
      if (a.namespace === b.namespace) continue;
      expect(c.can(a, b, port), `${from.name} (${a.namespace}) -> ${to.name} (${b.namespace}):${port}`).toBe(true);
      // the same labels in a namespace that has no link there do not get in
      for (const ns of c.namespaces.filter((x) => x !== a.namespace)) {
        const impostor = { ...a, name: `${a.name}-in-${ns}`, namespace: ns };
        expect(c.can(impostor, b, port), `${a.name}'s labels in ${ns} -> ${to.name}`).toBe(false);
      }
      across++;
    }
    expect(across).toBeGreaterThan(0);
  });

  it.each(spread)('%s: a pair across namespaces with no link cannot connect', (_, design) => {
    const c = cluster(design);
    const linked = new Set(design.links.flatMap((l) => [`${l.source}>${l.target}`, `${l.target}>${l.source}`]));
    let denied = 0;
    for (const a of design.nodes)
      for (const b of design.nodes) {
        const pa = c.pods.get(dnsLabel(a.name));
        const pb = c.pods.get(dnsLabel(b.name));
        if (!pa || !pb || pa.namespace === pb.namespace || linked.has(`${a.id}>${b.id}`)) continue;
        for (const port of new Set([b.port, b.grpcPort].filter((x) => x > 0)))
          expect(c.can(pa, pb, port), `${a.name} (${pa.namespace}) -> ${b.name} (${pb.namespace}):${port}`).toBe(false);
        denied++;
      }
    expect(denied).toBeGreaterThan(0);
  });
});

describe('the NetworkPolicy evaluator', () => {
  const ns = new Map([
    ['a', { 'kubernetes.io/metadata.name': 'a' }],
    ['b', { 'kubernetes.io/metadata.name': 'b' }],
  ]);
  const web: Pod = {
    name: 'web',
    namespace: 'a',
    labels: { app: 'web' },
    ports: [{ name: 'http', containerPort: 80 }],
  };
  const api: Pod = {
    name: 'api',
    namespace: 'a',
    labels: { app: 'api' },
    ports: [{ name: 'http', containerPort: 8080 }],
  };
  const far: Pod = { name: 'far', namespace: 'b', labels: { app: 'web' }, ports: [] };
  const policy = (name: string, spec: Policy['spec']): Policy => ({ metadata: { name, namespace: 'a' }, spec });
  const denyAll = policy('deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  const apiIn = policy('api-in', {
    podSelector: { matchLabels: { app: 'api' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'http' }] }],
  });
  const webOut = policy('web-out', {
    podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
    policyTypes: ['Egress'],
    egress: [
      {
        to: [{ podSelector: { matchLabels: { app: 'api' } } }],
        ports: [{ protocol: 'TCP', port: 8000, endPort: 8100 }],
      },
    ],
  });

  it('opens a pod no policy selects, and closes it with a default deny', () => {
    expect(allows([], ns, web, api, 8080)).toBe(true);
    expect(allows([denyAll], ns, web, api, 8080)).toBe(false);
  });

  it('needs both the egress of the source and the ingress of the destination', () => {
    expect(allows([denyAll, apiIn], ns, web, api, 8080)).toBe(false);
    expect(allows([denyAll, webOut], ns, web, api, 8080)).toBe(false);
    expect(allows([denyAll, apiIn, webOut], ns, web, api, 8080)).toBe(true);
  });

  it('matches named ports, port ranges, protocols and namespaces', () => {
    const all = [denyAll, apiIn, webOut];
    expect(allows(all, ns, web, api, 8080, 'UDP')).toBe(false);
    expect(allows(all, ns, web, api, 9000)).toBe(false);
    expect(allows(all, ns, api, web, 80)).toBe(false);
    // a peer without a namespace selector is in the policy's namespace
    expect(allows([apiIn], ns, far, api, 8080)).toBe(false);
    const anyNs = policy('any', {
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } }] }],
    });
    expect(allows([anyNs], ns, far, api, 8080)).toBe(true);
  });
});
