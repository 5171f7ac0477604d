import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import { namespacePlan } from '../../model/namespaces';
import { dnsLabel } from '../../model/naming';
import type { Design, DesignNode } from '../../model/types';
import { freeName, nodeNames, projectName } from '../compose/plan';
import { flows, topicJobNames, type Flow, type Party } from './flows';
import { labels, namespaceOf, objectMeta, selector, type Labels } from './meta';

/**
 * NetworkPolicies from the design's links: everything in each namespace is denied both ways, DNS
 * is allowed to every pod, and each node's policy lets in exactly its callers (the services
 * linked to it, the publishers and subscribers of a broker, the users of a database, the ingress
 * controller for a gateway or frontend) and lets out exactly what it calls, each on its port. A
 * peer in another namespace (a namespace boundary) is named by its namespace and its pods.
 */

/** Where the ingress controller runs: ingress-nginx's own namespace and labels. */
export const INGRESS_CONTROLLER = { namespace: 'ingress-nginx', name: 'ingress-nginx' };

/** The names of the namespace-wide policies, clear of every node's and job's name. */
export function globalPolicyNames(design: Design): { deny: string; dns: string } {
  const taken = nodeNames(design);
  for (const j of topicJobNames(design).values()) taken.add(j);
  return { deny: freeName('default-deny', taken), dns: freeName('allow-dns', taken) };
}

function podsOf(design: Design, p: Party): Labels {
  if ('node' in p) return selector(design, p.node);
  if ('job' in p) return { 'app.kubernetes.io/name': p.job, 'app.kubernetes.io/part-of': projectName(design) };
  return { 'app.kubernetes.io/name': INGRESS_CONTROLLER.name };
}

/** The namespace a party's pods run in: a topic job runs beside its broker. */
function partyNamespace(design: Design, p: Party): string {
  if ('node' in p) return namespaceOf(design, p.node);
  if ('job' in p) return namespaceOf(design, p.broker);
  return INGRESS_CONTROLLER.namespace;
}

/** The namespace label every namespace has (Kubernetes sets it), which a selector can name. */
export const NAMESPACE_LABEL = 'kubernetes.io/metadata.name';

/**
 * A party as a peer of a policy in namespace `here`: its pods alone when it runs there, else its
 * pods in its own namespace (a pod selector alone would mean pods of `here`).
 */
function peer(design: Design, p: Party, here: string): INetworkPolicyPeer {
  const ns = partyNamespace(design, p);
  if (ns === here) return { podSelector: { matchLabels: podsOf(design, p) } };
  return {
    namespaceSelector: { matchLabels: { [NAMESPACE_LABEL]: ns } },
    podSelector: { matchLabels: podsOf(design, p) },
  };
}

/** The flows of a design by the party they leave from and the node they go to. */
export interface FlowIndex {
  from: Map<string, Flow[]>;
  to: Map<string, Flow[]>;
}

const partyId = (p: Party) => ('node' in p ? p.node.id : 'job' in p ? `job:${p.job}` : 'ingress');

/** Indexes the design's flows once, for the policies of all its nodes. */
export function flowIndex(design: Design): FlowIndex {
  const index: FlowIndex = { from: new Map(), to: new Map() };
  for (const f of flows(design)) {
    const a = partyId(f.from);
    index.from.set(a, [...(index.from.get(a) ?? []), f]);
    index.to.set(f.to.node.id, [...(index.to.get(f.to.node.id) ?? []), f]);
  }
  return index;
}

/** The policy of one party: ingress from those that connect to it, egress to what it connects to. */
function partyPolicy(design: Design, me: Party, name: string, objectLabels: Labels, all: FlowIndex): INetworkPolicy {
  const here = partyNamespace(design, me);
  const incoming = 'node' in me ? (all.to.get(me.node.id) ?? []) : [];
  const outgoing = all.from.get(partyId(me)) ?? [];
  const byPort = new Map<number, Flow[]>();
  for (const f of incoming) byPort.set(f.port, [...(byPort.get(f.port) ?? []), f]);
  const ingress = [...byPort.entries()].map(([port, fs]) => ({
    from: fs.map((f) => peer(design, f.from, here)),
    ports: [{ protocol: 'TCP' as const, port }],
  }));
  const egress = outgoing.map((f) => ({
    to: [peer(design, { node: f.to.node }, here)],
    ports: [{ protocol: 'TCP' as const, port: f.port }],
  }));
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(here, name, objectLabels),
    spec: {
      podSelector: { matchLabels: podsOf(design, me) },
      policyTypes: ['Ingress', 'Egress'],
      ...(ingress.length > 0 ? { ingress } : {}),
      ...(egress.length > 0 ? { egress } : {}),
    },
  };
}

/** The policy of a node (in its own file), and of its Kafka topic job when it has one. */
export function nodePolicies(
  design: Design,
  node: DesignNode,
  all: FlowIndex,
  jobs: Map<string, string>,
): INetworkPolicy[] {
  const out = [partyPolicy(design, { node }, dnsLabel(node.name), labels(design, node), all)];
  const job = jobs.get(node.id);
  if (job) {
    const jobLabels = { ...labels(design, node), 'app.kubernetes.io/name': job };
    out.push(partyPolicy(design, { job, broker: node }, job, jobLabels, all));
  }
  return out;
}

/** Deny everything in each namespace of the design, then allow DNS to every pod. */
export function namespacePolicies(design: Design): INetworkPolicy[] {
  return namespacePlan(design).used.flatMap((ns) => policiesOf(design, ns));
}

/** Deny everything in one namespace, then allow DNS to every pod of it. */
export function policiesOf(design: Design, ns: string): INetworkPolicy[] {
  const names = globalPolicyNames(design);
  const own = { 'app.kubernetes.io/name': ns, 'app.kubernetes.io/part-of': projectName(design) };
  const dns = [53].flatMap((port) => [
    { protocol: 'UDP' as const, port },
    { protocol: 'TCP' as const, port },
  ]);
  return [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: objectMeta(ns, names.deny, own),
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: objectMeta(ns, names.dns, own),
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        // the cluster DNS, whichever namespace runs it (kube-system on most clusters)
        egress: [
          { to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: dns },
        ],
      },
    },
  ];
}
