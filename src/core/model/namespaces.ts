import { dnsLabel } from './naming';
import type { Boundary, Design, DesignNode } from './types';

/**
 * The Kubernetes namespaces of a design. Every node is in the project's namespace (the project's
 * DNS name) unless it is a member of a boundary of the kind "Kubernetes namespace": then it is in
 * the namespace named after that boundary. Boundaries whose names give the same namespace share
 * it. The export, the checker and the inspector all read the names from here.
 */

/** Namespaces Kubernetes keeps for itself, and the ingress controller's, which the policies name. */
const RESERVED = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease', 'ingress-nginx']);

/** Why a namespace name derived from a boundary's name was changed, or null when it was kept. */
export type NamespaceChange = 'sanitised' | 'reserved' | null;

export interface BoundaryNamespace {
  boundary: Boundary;
  /** The namespace its members go to: a DNS-1123 label of at most 63 characters. */
  namespace: string;
  /** How the boundary's name was changed to make it, for the message that names it. */
  change: NamespaceChange;
}

export interface NamespacePlan {
  /** The project's namespace, where every node outside a namespace boundary goes. */
  project: string;
  /** Each namespace boundary, in design order, with its namespace. */
  boundaries: BoundaryNamespace[];
  /** The namespace of each node, by node id. */
  byNode: ReadonlyMap<string, string>;
  /** The namespaces that hold at least one node: the project's first, then in boundary order. */
  used: string[];
}

/** The namespace of the project: its DNS name, as before namespaces could be drawn. */
export function projectNamespace(design: Pick<Design, 'name'>): string {
  return dnsLabel(design.name, 'project');
}

/**
 * The namespace a boundary stands for, from its name: lower-case words joined by hyphens (the
 * same rule as a node's host name), and a name Kubernetes keeps for itself (`default`, `kube-…`)
 * prefixed with the project's namespace.
 */
export function boundaryNamespace(design: Pick<Design, 'name'>, boundary: Pick<Boundary, 'name'>): string {
  return namespaceOfName(projectNamespace(design), boundary.name).namespace;
}

function namespaceOfName(project: string, name: string): { namespace: string; change: NamespaceChange } {
  const label = dnsLabel(name, 'namespace');
  if (RESERVED.has(label) || label.startsWith('kube-'))
    return { namespace: `${project}-${label}`.slice(0, 63).replace(/-+$/, ''), change: 'reserved' };
  // a change of case alone is not worth a message: Kubernetes names are lower case
  return { namespace: label, change: label === name.trim().toLowerCase() ? null : 'sanitised' };
}

const cache = new WeakMap<Design, NamespacePlan>();

/** The namespaces of a design; the same object for the same design. */
export function namespacePlan(design: Design): NamespacePlan {
  let plan = cache.get(design);
  if (!plan) {
    plan = computePlan(design);
    cache.set(design, plan);
  }
  return plan;
}

function computePlan(design: Design): NamespacePlan {
  const project = projectNamespace(design);
  const boundaries: BoundaryNamespace[] = [];
  const byNode = new Map<string, string>();
  for (const b of design.boundaries ?? []) {
    if (b.kind !== 'namespace') continue;
    const { namespace, change } = namespaceOfName(project, b.name);
    boundaries.push({ boundary: b, namespace, change });
    for (const m of b.members) if (!byNode.has(m)) byNode.set(m, namespace);
  }
  const nodeIds = new Set(design.nodes.map((n) => n.id));
  for (const id of [...byNode.keys()]) if (!nodeIds.has(id)) byNode.delete(id);
  for (const n of design.nodes) if (!byNode.has(n.id)) byNode.set(n.id, project);
  const present = new Set(byNode.values());
  const used = [project, ...boundaries.map((b) => b.namespace)].filter(
    (ns, i, all) => present.has(ns) && all.indexOf(ns) === i,
  );
  // a design with no node keeps its one namespace
  if (used.length === 0) used.push(project);
  return { project, boundaries, byNode, used };
}

/** The namespace a node is deployed to. */
export function nodeNamespace(design: Design, node: Pick<DesignNode, 'id'>): string {
  const plan = namespacePlan(design);
  return plan.byNode.get(node.id) ?? plan.project;
}

/** Whether the export spreads the design over more than one namespace. */
export function hasSeveralNamespaces(design: Design): boolean {
  return namespacePlan(design).used.length > 1;
}
