/**
 * A small NetworkPolicy evaluator for the tests (networking.k8s.io/v1 semantics): whether a
 * connection from one pod to another, on a port and protocol, gets through every policy of both
 * namespaces. Egress of the source and ingress of the destination must both allow it; a pod no
 * policy of a direction selects is open in that direction. Peers by pod and namespace selectors
 * (matchLabels and matchExpressions); ports by number, by the destination's port name, or as a
 * range with endPort. IP blocks never match a pod here: the generated policies do not use them.
 */

type Labels = Record<string, string>;

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: unknown;
}

export interface PolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

export interface Policy {
  metadata: { name: string; namespace: string };
  spec: {
    podSelector: LabelSelector;
    policyTypes?: string[];
    ingress?: { from?: PolicyPeer[]; ports?: PolicyPort[] }[];
    egress?: { to?: PolicyPeer[]; ports?: PolicyPort[] }[];
  };
}

export interface Pod {
  name: string;
  namespace: string;
  labels: Labels;
  ports: { name?: string; containerPort: number; protocol?: string }[];
}

/** Whether a selector selects these labels; an empty selector selects everything. */
export function selects(sel: LabelSelector, labels: Labels): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = k(labels, e.key);
    const value = labels[e.key];
    const inValues = value !== undefined && (e.values ?? []).includes(value);
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

const k = (labels: Labels, key: string) => Object.prototype.hasOwnProperty.call(labels, key);

function peerMatches(
  peer: PolicyPeer,
  policyNamespace: string,
  pod: Pod,
  namespaces: ReadonlyMap<string, Labels>,
): boolean {
  if (peer.ipBlock) return false;
  const inNamespace = peer.namespaceSelector
    ? selects(peer.namespaceSelector, namespaces.get(pod.namespace) ?? {})
    : pod.namespace === policyNamespace;
  return inNamespace && (peer.podSelector ? selects(peer.podSelector, pod.labels) : true);
}

function portMatches(ports: PolicyPort[] | undefined, dst: Pod, port: number, protocol: string): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'string')
      return dst.ports.some((c) => c.name === p.port && c.containerPort === port && (c.protocol ?? 'TCP') === protocol);
    return p.endPort !== undefined ? port >= p.port && port <= p.endPort : port === p.port;
  });
}

function types(p: Policy): string[] {
  return p.spec.policyTypes ?? (p.spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);
}

/** Whether `src` may open a connection to `dst` on `port`. */
export function allows(
  policies: readonly Policy[],
  namespaces: ReadonlyMap<string, Labels>,
  src: Pod,
  dst: Pod,
  port: number,
  protocol = 'TCP',
): boolean {
  const egress = policies.filter(
    (p) =>
      p.metadata.namespace === src.namespace && types(p).includes('Egress') && selects(p.spec.podSelector, src.labels),
  );
  const out =
    egress.length === 0 ||
    egress.some((p) =>
      (p.spec.egress ?? []).some(
        (r) =>
          (r.to === undefined ||
            r.to.length === 0 ||
            r.to.some((peer) => peerMatches(peer, p.metadata.namespace, dst, namespaces))) &&
          portMatches(r.ports, dst, port, protocol),
      ),
    );
  const ingress = policies.filter(
    (p) =>
      p.metadata.namespace === dst.namespace && types(p).includes('Ingress') && selects(p.spec.podSelector, dst.labels),
  );
  const into =
    ingress.length === 0 ||
    ingress.some((p) =>
      (p.spec.ingress ?? []).some(
        (r) =>
          (r.from === undefined ||
            r.from.length === 0 ||
            r.from.some((peer) => peerMatches(peer, p.metadata.namespace, src, namespaces))) &&
          portMatches(r.ports, dst, port, protocol),
      ),
    );
  return out && into;
}
