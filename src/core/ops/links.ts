import {
  RUNTIMES,
  describeKind,
  isBroker,
  isRuntime,
  isWorker,
  roleOf,
  type LinkKind,
  type NodeKind,
} from '../catalog/catalog';
import { dnsLabel, topicName } from '../model/naming';
import type { Design, DesignLink, DesignNode } from '../model/types';
import { addChannel, addEndpoint, addRpc } from './api';
import { newId, type OpResult } from './ids';

/**
 * Edits of links: the connection rules, connecting two nodes (a target that serves nothing of the
 * link's kind yet gets a starter method; a broker gets the channel of a new topic), and changes to
 * a link's kind, topic and the methods it uses.
 */

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
  if (patch.uses !== undefined) {
    const target = design.nodes.find((n) => n.id === link.target);
    const kind = patch.kind ?? link.kind;
    const served = new Set(
      kind === 'rest'
        ? (target?.api?.rest ?? []).map((e) => e.id)
        : kind === 'grpc'
          ? (target?.api?.grpc ?? []).flatMap((s) => s.rpcs.map((r) => r.id))
          : [],
    );
    if (patch.uses.some((u) => !served.has(u)))
      return { ok: false, reason: `${target?.name ?? 'The target'} does not serve all of those methods.` };
  }
  const next: DesignLink = { ...link, ...patch };
  if (next.kind !== link.kind && patch.uses === undefined) delete next.uses;
  if ('uses' in patch && patch.uses === undefined) delete next.uses;
  const d = { ...design, links: design.links.map((l) => (l.id === id ? next : l)) };
  return { ok: true, design: next.kind === 'queue' ? ensureChannel(d, next, link.topic) : d };
}

/** The broker of a queue link (its service end being the other). */
function brokerOf(design: Design, link: DesignLink): DesignNode | undefined {
  const source = design.nodes.find((n) => n.id === link.source);
  const broker = source && isBroker(source.kind) ? source : design.nodes.find((n) => n.id === link.target);
  return broker && isBroker(broker.kind) ? broker : undefined;
}

const DEFAULT_EVENT = [
  { name: 'id', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'at', type: 'string' },
];

/**
 * A queue link's topic is a channel of its broker. When it names a new one, the channel it left
 * (`from`) is renamed if no other link uses it any more, or else copied with its message; with
 * no channel to start from, one is made with a starter message.
 */
export function ensureChannel(design: Design, link: DesignLink, from?: string): Design {
  const broker = brokerOf(design, link);
  if (!broker || link.topic.trim() === '') return design;
  const channels = broker.channels ?? [];
  const same = (a: string, b: string) => topicName(a) === topicName(b);
  if (channels.some((c) => same(c.topic, link.topic))) return design;
  const old = from === undefined ? undefined : channels.find((c) => same(c.topic, from));
  if (old) {
    const used = design.links.some(
      (l) => l.kind === 'queue' && (l.source === broker.id || l.target === broker.id) && same(l.topic, old.topic),
    );
    const moved = used
      ? [...channels, { ...old, topic: link.topic }]
      : channels.map((c) => (c === old ? { ...c, topic: link.topic } : c));
    return { ...design, nodes: design.nodes.map((n) => (n.id === broker.id ? { ...broker, channels: moved } : n)) };
  }
  const r = addChannel(design, broker.id, { topic: link.topic, fields: DEFAULT_EVENT });
  return r.ok ? r.design : design;
}

/** The link kinds that make sense from one node kind to another, best first. */
export function allowedLinkKinds(source: NodeKind, target: NodeKind): LinkKind[] {
  const s = roleOf(source);
  const t = roleOf(target);
  const out: LinkKind[] = [];
  if (s === 'service' || s === 'gateway' || s === 'frontend') {
    if (t === 'service' && !isWorker(target)) {
      out.push('rest');
      if (s === 'service' && isRuntime(target) && RUNTIMES[target].grpc) out.push('grpc');
    }
    if (t === 'gateway' && s === 'frontend') out.push('rest');
  }
  if (s === 'service' && t === 'broker') out.push('queue');
  if (s === 'broker' && t === 'service' && workerTakes(target, source)) out.push('queue');
  if (s === 'service' && (t === 'database' || target === 'redis')) out.push('database');
  return out;
}

/** Whether a service of this kind may consume from this broker (a task worker only from its own). */
function workerTakes(service: NodeKind, broker: NodeKind): boolean {
  if (!isRuntime(service)) return true;
  const w = (RUNTIMES[service] as { worker?: { brokers: readonly string[] } }).worker;
  return w === undefined || w.brokers.includes(broker);
}

/** Why a link of this kind between these kinds is refused, or null when it is fine. */
export function linkProblem(source: NodeKind, target: NodeKind, kind: LinkKind): string | null {
  if (allowedLinkKinds(source, target).includes(kind)) return null;
  const s = roleOf(source);
  const t = roleOf(target);
  const sl = describeKind(source).label;
  const tl = describeKind(target).label;
  if (
    isWorker(target) &&
    (kind === 'rest' || kind === 'grpc') &&
    (s === 'service' || s === 'gateway' || s === 'frontend')
  )
    return `${tl} serves no API: send it a task through a Redis or RabbitMQ queue link instead.`;
  if (kind === 'queue' && s === 'broker' && !workerTakes(target, source))
    return `${tl} takes Celery tasks from Redis or RabbitMQ only, not from ${sl}.`;
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
  /** A queue link's topic; by default one the broker has, or `<service>-events`. */
  topic?: string;
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
          (roleOf(source.kind) === 'service' && roleOf(target.kind) === 'service') || isBroker(source.kind)
            ? 'queue'
            : 'rest',
        ) ?? 'These two cannot be linked.',
    };
  }
  const why = linkProblem(source.kind, target.kind, kind);
  if (why) return { ok: false, reason: why };
  if (design.links.some((l) => l.source === source.id && l.target === target.id && l.kind === kind))
    return { ok: false, reason: `${source.name} already has a ${kind.toUpperCase()} link to ${target.name}.` };
  const link: DesignLink = { id: args.id ?? newId('l'), kind, source: source.id, target: target.id, topic: '' };
  let next: Design = { ...design, links: [...design.links, link] };
  if (kind === 'queue') {
    // A subscription picks up a topic already on the broker, so the pair meets.
    const broker = isBroker(source.kind) ? source : target;
    const service = broker === source ? target : source;
    const existing =
      broker.channels?.[0]?.topic ??
      design.links.find((l) => l.kind === 'queue' && (l.source === broker.id || l.target === broker.id) && l.topic)
        ?.topic;
    link.topic = args.topic ?? existing ?? `${dnsLabel(service.name).replace(/-service$/, '')}-events`;
    next = ensureChannel(next, link);
  } else {
    next = withStarterApi(next, kind, target);
  }
  return { ok: true, design: next, id: link.id, link };
}

/**
 * A REST or gRPC link to a service that serves nothing of that kind yet gives it a starter method
 * (an endpoint `GET /<name>/{id}`, an RPC `GetItem`), so the link has something to call.
 */
function withStarterApi(design: Design, kind: LinkKind, target: DesignNode): Design {
  if (kind === 'rest' && (target.api?.rest.length ?? 0) === 0 && isRuntime(target.kind)) {
    const r = addEndpoint(design, target.id, {
      method: 'GET',
      path: `/${dnsLabel(target.name)}/{id}`.replace(/-service/, ''),
      responseFields: [
        { name: 'id', type: 'string' },
        { name: 'status', type: 'string' },
      ],
    });
    if (r.ok) return r.design;
  }
  if (kind === 'grpc' && (target.api?.grpc.flatMap((s) => s.rpcs).length ?? 0) === 0) {
    const r = addRpc(design, target.id, {
      name: 'GetItem',
      requestFields: [{ name: 'id', type: 'string' }],
      responseFields: [
        { name: 'id', type: 'string' },
        { name: 'score', type: 'double' },
      ],
    });
    if (r.ok) return r.design;
  }
  return design;
}
