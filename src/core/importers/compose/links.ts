import { RUNTIMES, isRuntime, roleOf, type LinkKind, type NodeKind } from '../../catalog/catalog';
import { dnsLabel } from '../../model/naming';
import { allowedLinkKinds } from '../../ops/ops';
import { someOf } from '../../model/text';
import type { ComposeServiceFacts } from './service';

/**
 * Links from what a compose file says: `depends_on`, and environment values that name another
 * service (`AMQP_HOST=rabbitmq`, `http://orders:8000`, `redis://cache:6379/0`, `kafka:9092`).
 */

export interface ImportedService {
  facts: ComposeServiceFacts;
  kind: NodeKind;
  /** The node's name in the design. */
  name: string;
  /** Whether the node keeps the file's entry (written back as it was on export). */
  keep?: boolean;
}

export interface LinkPlan {
  source: string;
  target: string;
  kind: LinkKind;
  /** Queue links: the topic, or null when nothing in the file names one. */
  topic: string | null;
  /** gRPC links: the port the caller dials, when the value gave one. */
  grpcPort: number | null;
}

interface Mention {
  target: string;
  key: string;
  value: string;
  port: number | null;
  scheme: string;
}

const URL_RE = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/\s]*@)?(\[[^\]]*\]|[^:/?#\s]+)(?::(\d{1,5}))?/i;
// a host name has a letter: a bare number (PORT=8000) names no service
const HOST_PORT = /^((?=[^:]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9._-]*):(\d{1,5})(?:\/.*)?$/;
const BARE = /^(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Hosts named in one environment value. */
export function hostsIn(value: string): { host: string; port: number | null; scheme: string }[] {
  const out: { host: string; port: number | null; scheme: string }[] = [];
  for (const part of value.split(/[,;\s]+/).slice(0, 20)) {
    if (!part) continue;
    const u = URL_RE.exec(part);
    if (u) {
      out.push({ host: u[2] ?? '', port: u[3] ? Number(u[3]) : null, scheme: (u[1] ?? '').toLowerCase() });
      continue;
    }
    const hp = HOST_PORT.exec(part);
    if (hp) {
      out.push({ host: hp[1] ?? '', port: Number(hp[2]), scheme: '' });
      continue;
    }
    if (BARE.test(part)) out.push({ host: part, port: null, scheme: '' });
  }
  return out;
}

const TOPIC_KEY = /(TOPIC|QUEUE|SUBJECT|STREAM|CHANNEL|EXCHANGE|ROUTING_KEY)/i;
const CONSUMER_KEY = /(CONSUM|SUBSCRIB|LISTEN|INPUT|INBOUND|SOURCE|GROUP|_IN$|^IN_)/i;
const CONSUMER_NAME = /(worker|consumer|listener|subscriber|processor|sink|notifier|indexer)/i;
const REDIS_AS_BROKER = /(QUEUE|STREAM|TOPIC|CHANNEL|PUBSUB|BROKER|CELERY|BULL|RQ_)/i;

/** The topic a service's environment names, and whether it reads rather than writes it. */
function topicOf(s: ImportedService, mentions: readonly Mention[]): { topic: string | null; consumes: boolean } {
  let topic: string | null = null;
  let consumes = CONSUMER_NAME.test(s.name);
  for (const [k, v] of s.facts.env) {
    if (!TOPIC_KEY.test(k) || !v || /[:/]/.test(v)) continue;
    topic = v.split(',')[0]?.trim() || null;
    if (CONSUMER_KEY.test(k)) consumes = true;
    if (topic) break;
  }
  if (mentions.some((m) => CONSUMER_KEY.test(m.key))) consumes = true;
  return { topic, consumes };
}

/**
 * Plans the links of the imported services. `warn` hears what could not become a link.
 * Every link is one the designer's connection rules accept.
 */
export function planLinks(
  services: readonly ImportedService[],
  warn: (w: string) => void,
  maxLinks = Number.POSITIVE_INFINITY,
): LinkPlan[] {
  const exact = new Map<string, ImportedService>();
  const byDns = new Map<string, ImportedService>();
  const order = new Map<ImportedService, number>();
  services.forEach((s, i) => {
    order.set(s, i);
    exact.set(s.facts.name.toLowerCase(), s);
    for (const a of s.facts.aliases) if (!exact.has(a.toLowerCase())) exact.set(a.toLowerCase(), s);
    // the name the export gives it: an exported file names `a_b` as `a-b`
    if (!byDns.has(dnsLabel(s.name))) byDns.set(dnsLabel(s.name), s);
  });
  const byHost = { get: (host: string) => exact.get(host.toLowerCase()) ?? byDns.get(dnsLabel(host)) };
  const plans: LinkPlan[] = [];
  const seen = new Set<string>();
  let asked = 0;
  for (const s of services) {
    const mentions = new Map<ImportedService, Mention[]>();
    for (const [key, value] of s.facts.env) {
      for (const h of hostsIn(value)) {
        const t = byHost.get(h.host);
        if (!t || t === s) continue;
        const m = { target: t.name, key, value, port: h.port, scheme: h.scheme };
        const list = mentions.get(t);
        if (list) list.push(m);
        else mentions.set(t, [m]);
      }
    }
    const targets = new Map<ImportedService, Mention[]>(mentions);
    const missing: string[] = [];
    for (const d of s.facts.dependsOn) {
      const t = byHost.get(d);
      if (!t) missing.push(JSON.stringify(d.slice(0, 60)));
      else if (t !== s && !targets.has(t)) targets.set(t, []);
    }
    if (missing.length > 0)
      warn(
        `${s.name}: depends on ${someOf(missing)}, which ${missing.length === 1 ? 'is not a service' : 'are not services'} of this file.`,
      );
    const waits = new Set(s.facts.dependsOn);
    // in file order of the targets, whatever named them first, so re-importing an export agrees
    const ordered = [...targets.entries()].sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    for (const [t, ms] of ordered) {
      const plan = planOne(s, t, ms);
      if (!plan) {
        if (waits.has(t.facts.name))
          warn(
            `${s.name} waits for ${t.name}, but the designer has no link from ${s.kind} to ${t.kind}; the order is not kept.`,
          );
        continue;
      }
      const id = `${plan.source}>${plan.target}>${plan.kind}`;
      if (seen.has(id)) continue;
      seen.add(id);
      asked++;
      if (plans.length >= maxLinks) continue;
      if (plan.kind === 'queue' && plan.topic === null)
        warn(
          `${s.name} uses ${t.name}, but no ${t.kind === 'nats' ? 'subject' : 'topic or queue'} is named in its environment; the link got a made-up one — rename it in the inspector.`,
        );
      plans.push(plan);
    }
  }
  if (asked > plans.length)
    warn(
      `The file asks for ${asked.toLocaleString('en-US')} links, but a design holds ${maxLinks.toLocaleString('en-US')}; the first ${plans.length.toLocaleString('en-US')} were made.`,
    );
  return plans;
}

function planOne(s: ImportedService, t: ImportedService, ms: readonly Mention[]): LinkPlan | null {
  const sr = roleOf(s.kind);
  const tr = roleOf(t.kind);
  const base = { topic: null, grpcPort: null };
  if (sr !== 'service' && sr !== 'gateway' && sr !== 'frontend') return null;
  const allowed = (source: NodeKind, target: NodeKind, kind: LinkKind) =>
    allowedLinkKinds(source, target).includes(kind);

  if (t.kind === 'redis' && !ms.some((m) => REDIS_AS_BROKER.test(m.key)) && allowed(s.kind, t.kind, 'database'))
    return { ...base, source: s.name, target: t.name, kind: 'database' };
  if (tr === 'broker') {
    if (sr !== 'service') return null;
    const { topic, consumes } = topicOf(s, ms);
    return consumes
      ? { ...base, source: t.name, target: s.name, kind: 'queue', topic }
      : { ...base, source: s.name, target: t.name, kind: 'queue', topic };
  }
  if (tr === 'database')
    return allowed(s.kind, t.kind, 'database') ? { ...base, source: s.name, target: t.name, kind: 'database' } : null;
  const grpcSaid = ms.some((m) => /GRPC/i.test(m.key) || m.scheme === 'grpc' || m.port === 50051);
  if (grpcSaid && isRuntime(t.kind) && RUNTIMES[t.kind].grpc && allowed(s.kind, t.kind, 'grpc')) {
    const port = ms.find((m) => m.port !== null)?.port ?? null;
    return { ...base, source: s.name, target: t.name, kind: 'grpc', grpcPort: port };
  }
  return allowed(s.kind, t.kind, 'rest') ? { ...base, source: s.name, target: t.name, kind: 'rest' } : null;
}
