import { isBroker } from '../catalog/catalog';
import { dnsLabel } from '../model/naming';
import type { Design, DesignLink, DesignNode } from '../model/types';
import { linkProblem, type ConnectArgs } from './ops';

/**
 * Many links added to a design at once (an import), each checked and given its topic as
 * `connect` would, in constant time per link (the broker channels of the topics are the caller's
 * to add, with `ensureChannel`, once the topics are final): `connect` copies the design's link list each time,
 * which makes thousands of links quadratic.
 */
export class LinkBatch {
  /** The links added, in order. */
  readonly links: DesignLink[] = [];
  private readonly byId: Map<string, DesignNode>;
  private readonly taken = new Set<string>();
  /** Per broker, the first queue link with a topic: new queue links on it default to that topic. */
  private readonly topicOf = new Map<string, DesignLink>();

  constructor(design: Design) {
    this.byId = new Map(design.nodes.map((n) => [n.id, n]));
    for (const l of design.links) this.note(l);
  }

  /** Adds a link, or says why it cannot be made. */
  add(
    args: ConnectArgs & { kind: DesignLink['kind']; id: string },
  ): { ok: true; link: DesignLink } | { ok: false; reason: string } {
    if (args.source === args.target) return { ok: false, reason: 'A node cannot link to itself.' };
    const source = this.byId.get(args.source);
    const target = this.byId.get(args.target);
    if (!source || !target) return { ok: false, reason: 'Both ends of a link must be on the canvas.' };
    const why = linkProblem(source.kind, target.kind, args.kind);
    if (why) return { ok: false, reason: why };
    if (this.taken.has(key(source.id, target.id, args.kind)))
      return { ok: false, reason: `${source.name} already has a ${args.kind.toUpperCase()} link to ${target.name}.` };
    const broker = args.kind === 'queue' ? (isBroker(source.kind) ? source : target) : null;
    const existing = broker ? this.topicOf.get(broker.id) : undefined;
    // what connect() would give: a queue link takes the topic already on its broker
    const link: DesignLink = { id: args.id, kind: args.kind, source: source.id, target: target.id, topic: '' };
    if (existing) link.topic = existing.topic;
    else if (broker)
      link.topic = `${dnsLabel(broker === source ? target.name : source.name).replace(/-service$/, '')}-events`;
    this.links.push(link);
    this.taken.add(key(source.id, target.id, args.kind));
    return { ok: true, link };
  }

  /** Records a link's topic once it is final, for the queue links that follow on its broker. */
  note(link: DesignLink): void {
    this.taken.add(key(link.source, link.target, link.kind));
    if (link.kind !== 'queue' || !link.topic) return;
    for (const end of [link.source, link.target]) {
      const node = this.byId.get(end);
      if (node && isBroker(node.kind) && !this.topicOf.has(end)) this.topicOf.set(end, link);
    }
  }
}

const key = (source: string, target: string, kind: string) => `${source}\n${target}\n${kind}`;
