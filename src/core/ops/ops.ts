import {
  INFRA,
  RUNTIMES,
  describeKind,
  isBroker,
  isInfra,
  isRuntime,
  roleOf,
  type LinkKind,
  type NodeKind,
} from '../catalog/catalog';
import { imageProblem } from '../model/image';
import { nameProblem, dnsLabel, packageSegment } from '../model/naming';
import type { Design, DesignLink, DesignNode, XY } from '../model/types';
import { pruneOrder } from '../presentation/steps';

/**
 * Pure edits of the design document. Each returns a new design and never mutates its input;
 * untouched nodes and links keep their identity so the canvas re-renders only what changed.
 */

export type OpResult<T = object> = ({ ok: true; design: Design } & T) | { ok: false; reason: string };

let counter = 0;
/** A fresh id: random when crypto is there, counted otherwise. Ids never reach generated output. */
export function newId(prefix: string): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  const rnd = c?.randomUUID ? c.randomUUID().slice(0, 8) : (++counter).toString(36);
  return `${prefix}_${rnd}${(++counter).toString(36)}`;
}

/** The next name like `base`, `base-2`, … that no node uses yet. */
export function uniqueName(design: Design, base: string): string {
  const taken = new Set(design.nodes.map((n) => dnsLabel(n.name)));
  const takenPkg = new Set(design.nodes.map((n) => packageSegment(n.name)));
  const free = (c: string) => !taken.has(dnsLabel(c)) && !takenPkg.has(packageSegment(c));
  if (free(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`;
    if (free(candidate)) return candidate;
    // A long name loses the suffix to the 40-character clip of its DNS label, so every candidate
    // would clash forever: number a shortened form instead.
    const short = `${dnsLabel(base).slice(0, 30)}-${i}`;
    if (free(short)) return short;
  }
}

/** The first port at or above `start` that no node publishes yet. */
export function freePort(design: Design, start: number, skip: ReadonlySet<number> = new Set()): number {
  const used = new Set(design.nodes.map((n) => n.port));
  let p = start;
  while (used.has(p) || skip.has(p)) p++;
  return p;
}

function defaultName(kind: NodeKind): string {
  if (isRuntime(kind)) return `${RUNTIMES[kind].languageId}-service`;
  return kind === 'postgres' ? 'postgres' : kind;
}

export interface AddNodeArgs {
  kind: NodeKind;
  position: XY;
  name?: string;
  id?: string;
}

/** Adds a node of a catalog kind, with a unique name and a free host port. */
export function addNode(design: Design, args: AddNodeArgs): OpResult<{ id: string }> {
  const id = args.id ?? newId('n');
  const name = uniqueName(design, args.name ?? defaultName(args.kind));
  const port = freePort(design, describeKind(args.kind).defaultPort);
  const node: DesignNode = {
    id,
    kind: args.kind,
    name,
    position: { x: Math.round(args.position.x), y: Math.round(args.position.y) },
    port,
    grpcPort: isRuntime(args.kind) ? 50051 : 0,
    replicas: 1,
    env: [],
    description: '',
  };
  return { ok: true, design: { ...design, nodes: [...design.nodes, node] }, id };
}

/** Removes nodes and links by id; links of removed nodes go with them. */
export function removeElements(design: Design, ids: Iterable<string>): Design {
  const gone = new Set(ids);
  const nodes = design.nodes.filter((n) => !gone.has(n.id));
  const links = design.links.filter((l) => !gone.has(l.id) && !gone.has(l.source) && !gone.has(l.target));
  if (nodes.length === design.nodes.length && links.length === design.links.length) return design;
  return pruneOrder({ ...design, nodes, links });
}

/** Moves nodes; only the moved node objects are replaced. */
export function moveNodes(design: Design, moves: ReadonlyMap<string, XY>): Design {
  let changed = false;
  const nodes = design.nodes.map((n) => {
    const p = moves.get(n.id);
    if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
    changed = true;
    return { ...n, position: { x: p.x, y: p.y } };
  });
  return changed ? { ...design, nodes } : design;
}

export type NodePatch = Partial<Omit<DesignNode, 'id'>>;

/** Changes fields of one node; a rename is checked for uniqueness and validity. */
export function updateNode(design: Design, id: string, patch: NodePatch): OpResult {
  const node = design.nodes.find((n) => n.id === id);
  if (!node) return { ok: false, reason: 'That node no longer exists.' };
  if (patch.name !== undefined && patch.name !== node.name) {
    const problem = nameProblem(
      patch.name,
      design.nodes.filter((n) => n.id !== id).map((n) => n.name),
    );
    if (problem) return { ok: false, reason: problem };
  }
  if (patch.port !== undefined && !validPort(patch.port))
    return { ok: false, reason: 'A port is a whole number from 1 to 65535.' };
  if (patch.grpcPort !== undefined && !validPort(patch.grpcPort))
    return { ok: false, reason: 'A port is a whole number from 1 to 65535.' };
  if (
    patch.replicas !== undefined &&
    !(Number.isInteger(patch.replicas) && patch.replicas >= 0 && patch.replicas <= 100)
  )
    return { ok: false, reason: 'Replicas are a whole number from 0 to 100.' };
  if (patch.image !== undefined) {
    const why = imageProblem(patch.image);
    if (why) return { ok: false, reason: why };
  }
  if (patch.hostPort !== undefined && patch.hostPort !== 0 && !validPort(patch.hostPort))
    return { ok: false, reason: 'A host port is a whole number from 1 to 65535, or 0 to publish none.' };
  const next = { ...node, ...patch };
  return { ok: true, design: { ...design, nodes: design.nodes.map((n) => (n.id === id ? next : n)) } };
}

export function validPort(p: number): boolean {
  return Number.isInteger(p) && p >= 1 && p <= 65535;
}

export type LinkPatch = Partial<Omit<DesignLink, 'id' | 'source' | 'target'>>;

/** Changes fields of one link; a kind change is checked against the connection rules. */
export function updateLink(design: Design, id: string, patch: LinkPatch): OpResult {
  const link = design.links.find((l) => l.id === id);
  if (!link) return { ok: false, reason: 'That link no longer exists.' };
  if (patch.kind !== undefined && patch.kind !== link.kind) {
    const source = design.nodes.find((n) => n.id === link.source);
    const target = design.nodes.find((n) => n.id === link.target);
    if (!source || !target) return { ok: false, reason: 'That link no longer has both ends.' };
    const why = linkProblem(source.kind, target.kind, patch.kind);
    if (why) return { ok: false, reason: why };
  }
  const next = { ...link, ...patch };
  return { ok: true, design: { ...design, links: design.links.map((l) => (l.id === id ? next : l)) } };
}

/** The link kinds that make sense from one node kind to another, best first. */
export function allowedLinkKinds(source: NodeKind, target: NodeKind): LinkKind[] {
  const s = roleOf(source);
  const t = roleOf(target);
  const out: LinkKind[] = [];
  if (s === 'service' || s === 'gateway' || s === 'frontend') {
    if (t === 'service') {
      out.push('rest');
      if (s === 'service' && isRuntime(target) && RUNTIMES[target].grpc) out.push('grpc');
    }
    if (t === 'gateway' && s === 'frontend') out.push('rest');
  }
  if (s === 'service' && t === 'broker') out.push('queue');
  if (s === 'broker' && t === 'service') out.push('queue');
  if (s === 'service' && (t === 'database' || target === 'redis')) out.push('database');
  return out;
}

/** Why a link of this kind between these kinds is refused, or null when it is fine. */
export function linkProblem(source: NodeKind, target: NodeKind, kind: LinkKind): string | null {
  if (allowedLinkKinds(source, target).includes(kind)) return null;
  const s = roleOf(source);
  const t = roleOf(target);
  const sl = describeKind(source).label;
  const tl = describeKind(target).label;
  if (kind === 'queue' && s === 'service' && t === 'service')
    return 'A queue link between two services needs a broker: connect the producer to a Kafka, RabbitMQ, Redis or NATS node, and that node to the consumer.';
  if (kind === 'grpc' && isRuntime(target) && !RUNTIMES[target].grpc)
    return `${tl} cannot serve gRPC in this designer; use REST for it.`;
  if (kind === 'grpc' && t !== 'service') return `gRPC calls go to a service; ${tl} does not serve gRPC.`;
  if (t === 'database' && kind !== 'database') return `${tl} is a database: connect to it with a database link.`;
  if (s === 'database')
    return `${sl} is a database: it does not call anything. Draw the link from the service that uses it.`;
  if (s === 'broker' && t !== 'service')
    return `Messages from ${sl} go to a consuming service; draw the link from ${sl} to that service.`;
  if (t === 'broker' && s !== 'service') return `Only services publish to ${tl}.`;
  if (kind === 'database') return `A database link goes from a service to PostgreSQL, MongoDB or Redis.`;
  return `A ${kind.toUpperCase()} link from ${sl} to ${tl} is not something a real system would do.`;
}

export interface ConnectArgs {
  source: string;
  target: string;
  kind?: LinkKind;
  id?: string;
}

/** Connects two nodes, choosing the kind from the ends unless one is given. */
export function connect(design: Design, args: ConnectArgs): OpResult<{ id: string; link: DesignLink }> {
  if (args.source === args.target) return { ok: false, reason: 'A node cannot link to itself.' };
  const source = design.nodes.find((n) => n.id === args.source);
  const target = design.nodes.find((n) => n.id === args.target);
  if (!source || !target) return { ok: false, reason: 'Both ends of a link must be on the canvas.' };
  const allowed = allowedLinkKinds(source.kind, target.kind);
  const kind = args.kind ?? allowed[0];
  if (!kind) {
    return {
      ok: false,
      reason:
        linkProblem(
          source.kind,
          target.kind,
          roleOf(source.kind) === 'service' && roleOf(target.kind) === 'service' ? 'queue' : 'rest',
        ) ?? 'These two cannot be linked.',
    };
  }
  const why = linkProblem(source.kind, target.kind, kind);
  if (why) return { ok: false, reason: why };
  if (design.links.some((l) => l.source === source.id && l.target === target.id && l.kind === kind))
    return { ok: false, reason: `${source.name} already has a ${kind.toUpperCase()} link to ${target.name}.` };
  const link = defaultLink(design, args.id ?? newId('l'), kind, source, target);
  return { ok: true, design: { ...design, links: [...design.links, link] }, id: link.id, link };
}

/**
 * A new link with the defaults `connect` gives it: a sample endpoint or RPC, or for a queue the
 * topic (and message) already used on its broker in `design`, else one named after the service.
 */
export function defaultLink(
  design: Pick<Design, 'links'>,
  id: string,
  kind: LinkKind,
  source: DesignNode,
  target: DesignNode,
): DesignLink {
  const base: DesignLink = {
    id,
    kind,
    source: source.id,
    target: target.id,
    endpoints: [],
    rpcs: [],
    topic: '',
    message: [],
  };
  if (kind === 'rest') {
    base.endpoints = [
      {
        method: 'GET',
        path: `/${dnsLabel(target.name)}/{id}`.replace(/-service/, ''),
        request: [],
        response: [
          { name: 'id', type: 'string' },
          { name: 'status', type: 'string' },
        ],
      },
    ];
  } else if (kind === 'grpc') {
    base.rpcs = [
      {
        name: 'GetItem',
        request: [{ name: 'id', type: 'string' }],
        response: [
          { name: 'id', type: 'string' },
          { name: 'score', type: 'float' },
        ],
      },
    ];
  } else if (kind === 'queue') {
    // A subscription picks up the topic already published to the broker, so the pair matches.
    const broker = isBroker(source.kind) ? source : target;
    const existing = design.links.find(
      (l) => l.kind === 'queue' && (l.source === broker.id || l.target === broker.id) && l.topic,
    );
    base.topic =
      existing?.topic ??
      `${dnsLabel(isBroker(source.kind) ? target.name : source.name).replace(/-service$/, '')}-events`;
    base.message = existing?.message.map((f) => ({ ...f })) ?? [
      { name: 'id', type: 'string' },
      { name: 'kind', type: 'string' },
      { name: 'at', type: 'string' },
    ];
  }
  return base;
}

/** Copies nodes (and the links among them) with new ids and names, offset on the canvas. */
export function duplicateElements(
  design: Design,
  nodes: readonly DesignNode[],
  links: readonly DesignLink[],
  offset: XY = { x: 40, y: 40 },
): { design: Design; ids: string[] } {
  const idMap = new Map<string, string>();
  let next = design;
  for (const n of nodes) {
    if (!isInfra(n.kind) && !isRuntime(n.kind)) continue;
    const r = addNode(next, {
      kind: n.kind,
      name: n.name,
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    });
    if (!r.ok) continue;
    const added = r.design.nodes[r.design.nodes.length - 1];
    if (!added) continue;
    const copy = {
      ...added,
      grpcPort: n.grpcPort,
      replicas: n.replicas,
      env: n.env.map((e) => ({ ...e })),
      description: n.description,
      // the host port stays the fresh one addNode chose, so two nodes never publish the same
      ...(n.image !== undefined ? { image: n.image } : {}),
    };
    next = { ...r.design, nodes: [...r.design.nodes.slice(0, -1), copy] };
    idMap.set(n.id, r.id);
  }
  const newLinks: DesignLink[] = [];
  for (const l of links) {
    const s = idMap.get(l.source);
    const t = idMap.get(l.target);
    if (!s || !t) continue;
    newLinks.push({ ...structuredClone(l), id: newId('l'), source: s, target: t });
  }
  next = { ...next, links: [...next.links, ...newLinks] };
  return { design: next, ids: [...idMap.values(), ...newLinks.map((l) => l.id)] };
}

/** Renames the project (the export's name and proto root). */
export function renameProject(design: Design, name: string): OpResult {
  if (name.trim().length === 0) return { ok: false, reason: 'The project needs a name.' };
  if (name.length > 100) return { ok: false, reason: 'Names are limited to 100 characters.' };
  if (/[\u0000-\u001f\u007f]/.test(name))
    return { ok: false, reason: 'Names cannot contain control characters or line breaks.' };
  return { ok: true, design: { ...design, name } };
}

export { INFRA };
