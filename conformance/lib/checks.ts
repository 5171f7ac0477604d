import { RUNTIMES, isInfra, isRuntime, type RuntimeId } from '../../src/core/catalog/catalog';
import { designContracts } from '../../src/core/model/contracts';
import { celeryRoute } from '../../src/core/model/celery';
import { dnsLabel, topicName } from '../../src/core/model/naming';
import type { Design, DesignLink, DesignNode } from '../../src/core/model/types';
import { nativeProblem } from './native';
import { walk, type PingCall, type PingNode } from './tree';

/**
 * What the conformance run asserts, as a pure function of the design, what happened to each
 * service, and the `/ping` trees collected: every service answers in its own language, every
 * REST and gRPC link is a successful call to the right target, every published topic is a
 * successful publish, every subscription shows a message from a producer of its topic.
 */

export const BROKER_KINDS = ['kafka', 'rabbitmq', 'redis', 'nats'] as const;
export type BrokerKind = (typeof BROKER_KINDS)[number];
export const DB_KINDS = ['postgres', 'redis', 'mongodb'] as const;
export type DbKind = (typeof DB_KINDS)[number];

/** A column of the result matrix: what a runtime was seen doing. */
export type Column =
  | 'build'
  | 'start'
  | 'ready'
  | 'ping'
  | 'rest-client'
  | 'rest-server'
  | 'grpc-client'
  | 'grpc-server'
  | 'grpc-health'
  | 'methods'
  | 'reject'
  | 'native'
  | `pub-${BrokerKind}`
  | `sub-${BrokerKind}`
  | `db-${DbKind}`;

export type ServiceStatus =
  | { state: 'up' }
  | { state: 'skipped'; reason: string }
  | { state: 'build-failed'; reason: string }
  | { state: 'start-failed'; reason: string };

export interface CheckInput {
  design: Design;
  /** By node id, for every service of the design. */
  services: ReadonlyMap<string, ServiceStatus>;
  /** Infrastructure nodes that were not started, by node id, with the reason. */
  infraDown: ReadonlyMap<string, string>;
  /** Every tree `/ping` returned, entries and consumers, all rounds. */
  trees: readonly PingNode[];
}

export interface CheckResult {
  id: string;
  title: string;
  /** `skip`: not exercised (a runtime without a recipe, a dependency that did not start ...). */
  status: 'pass' | 'fail' | 'skip';
  detail: string;
  /** The matrix cells this check counts for. */
  cells: [RuntimeId, Column][];
  /** Names of the services involved, whose logs tell more when it fails. */
  services: string[];
}

const dns = (n: DesignNode) => dnsLabel(n.name);

/** Runs every check of one fixture. */
export function evaluate(input: CheckInput): CheckResult[] {
  const { design, services } = input;
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const answers = input.trees.flatMap((t) => [...walk(t)]).filter((n) => !n.loop);
  const answersOf = (n: DesignNode) => answers.filter((a) => a.service === dns(n));
  const status = (n: DesignNode): ServiceStatus => services.get(n.id) ?? { state: 'skipped', reason: 'not run' };
  /** Why a check involving these nodes cannot be exercised, or null. */
  const blocked = (...nodes: DesignNode[]): string | null => {
    for (const n of nodes) {
      if (isRuntime(n.kind)) {
        const s = status(n);
        if (s.state !== 'up') return `${n.name} ${s.state === 'skipped' ? `skipped: ${s.reason}` : s.state}`;
      } else {
        const down = input.infraDown.get(n.id);
        if (down !== undefined) return `${n.name} not started: ${down}`;
      }
    }
    return null;
  };

  const out: CheckResult[] = [];
  for (const n of design.nodes) {
    if (!isRuntime(n.kind)) continue;
    const rt = n.kind;
    const s = status(n);
    const skip = s.state === 'skipped' ? s.reason : null;
    out.push(
      result(
        `build:${n.name}`,
        `${n.name} builds`,
        [[rt, 'build']],
        skip,
        s.state === 'build-failed' ? s.reason : null,
        [n],
      ),
    );
    out.push(
      result(
        `start:${n.name}`,
        `${n.name} starts and answers /healthz`,
        [[rt, 'start']],
        skip ?? (s.state === 'build-failed' ? 'not built' : null),
        s.state === 'start-failed' ? s.reason : null,
        [n],
      ),
    );
    out.push(pingCheck(n, rt, answersOf(n), blocked(n)));
    if (n.native) out.push(nativeCheck(n, rt, n.native.kind, answersOf(n), blocked(n)));
  }
  for (const link of design.links) {
    const source = byId.get(link.source);
    const target = byId.get(link.target);
    if (!source || !target) continue;
    const check = linkCheck(link, source, target, design, answersOf, blocked);
    if (check) out.push(check);
    const typed = methodsCheck(link, source, target, design, answersOf, blocked);
    if (typed) out.push(typed);
  }
  return out;
}

const typedRuntime = (n: DesignNode): boolean => isRuntime(n.kind) && RUNTIMES[n.kind].typedContracts;

/**
 * The typed exercise of a REST or gRPC link whose both ends read the typed contracts: the
 * caller's call entry lists every method the link uses, each `ok`. For a queue link from a
 * typed producer to a typed consumer: the consumer saw the payload as the channel's sample.
 */
function methodsCheck(
  link: DesignLink,
  source: DesignNode,
  target: DesignNode,
  design: Design,
  answersOf: (n: DesignNode) => PingNode[],
  blocked: (...n: DesignNode[]) => string | null,
): CheckResult | null {
  if ((link.kind === 'rest' || link.kind === 'grpc') && typedRuntime(source) && typedRuntime(target)) {
    const c = designContracts(design);
    const wanted =
      link.kind === 'rest'
        ? c.usedEndpoints(link).map((e) => `${e.method} ${e.path}`)
        : c.usedRpcs(link).map((r) => r.name);
    if (wanted.length === 0) return null;
    const id = `methods:${link.kind}:${source.name}->${target.name}`;
    const title = `${source.name} calls every ${link.kind === 'rest' ? 'endpoint' : 'RPC'} of ${target.name} with the typed sample (${wanted.length})`;
    const calls = answersOf(source).flatMap((a) =>
      a.calls.filter((x) => x.via === link.kind && x.target === dns(target) && x.methods),
    );
    const problems = (m: PingCall['methods']) => {
      const got = new Map((m ?? []).map((x) => [x.name, x]));
      return wanted.flatMap((w) => {
        const x = got.get(w);
        return x === undefined ? [`${w}: not called`] : x.ok ? [] : [`${w}: ${x.error ?? 'not ok'}`];
      });
    };
    const best = calls.map((x) => problems(x.methods)).sort((a, b) => a.length - b.length)[0];
    const failure =
      best === undefined
        ? `no call of ${dns(source)} to ${dns(target)} lists its methods`
        : best.length === 0
          ? null
          : best.slice(0, 3).join('; ');
    const cells: [RuntimeId, Column][] = [
      [source.kind as RuntimeId, 'methods'],
      [target.kind as RuntimeId, 'methods'],
    ];
    return result(id, title, cells, blocked(source, target), failure, [source, target]);
  }
  if (link.kind === 'queue' && isBroker(source) && typedRuntime(target)) {
    const topic = topicName(link.topic);
    const producers = design.links
      .filter((l) => l.kind === 'queue' && l.target === source.id && topicName(l.topic) === topic)
      .map((l) => design.nodes.find((n) => n.id === l.source))
      .filter((n): n is DesignNode => !!n && typedRuntime(n));
    if (producers.length === 0) return null;
    const from = new Set(producers.map(dns));
    const id = `payload:${source.name}->${target.name}:${topic}`;
    const title = `${target.name} finds the sample payload in ${topic} from ${[...from].join(', ')}`;
    const got = answersOf(target)
      .flatMap((a) => a.received)
      .filter((r) => r.broker === dns(source) && r.topic === topic && r.from !== undefined && from.has(r.from));
    const failure = got.some((r) => r.valid === true)
      ? null
      : got.length === 0
        ? `no message of ${topic} from ${[...from].join(' or ')}`
        : `the payload of ${got.length} message(s) was not the sample`;
    return result(id, title, [[target.kind as RuntimeId, 'methods']], blocked(target, source, ...producers), failure, [
      target,
      ...producers,
    ]);
  }
  return null;
}

function result(
  id: string,
  title: string,
  cells: [RuntimeId, Column][],
  skip: string | null,
  failure: string | null,
  nodes: DesignNode[],
): CheckResult {
  const services = nodes.filter((n) => isRuntime(n.kind)).map((n) => n.name);
  if (skip !== null) return { id, title, status: 'skip', detail: skip, cells, services };
  if (failure !== null) return { id, title, status: 'fail', detail: failure, cells, services };
  return { id, title, status: 'pass', detail: '', cells, services };
}

function pingCheck(n: DesignNode, rt: RuntimeId, seen: PingNode[], blocked: string | null): CheckResult {
  const { language, framework } = RUNTIMES[rt];
  let failure: string | null = null;
  if (seen.length === 0) failure = `${dns(n)} is in no /ping tree`;
  else if (!seen.some((a) => a.language === language && a.framework === framework)) {
    const a = seen[0];
    failure = `${dns(n)} says it is ${a?.language ?? '?'} / ${a?.framework ?? '?'}, expected ${language} / ${framework}`;
  }
  return result(`ping:${n.name}`, `${n.name} answers /ping as ${language}`, [[rt, 'ping']], blocked, failure, [n]);
}

/** A service with an in-process module answers /ping with the module's checksum of a fresh input. */
function nativeCheck(
  n: DesignNode,
  rt: RuntimeId,
  kind: string,
  seen: PingNode[],
  blocked: string | null,
): CheckResult {
  const problems = seen.map((a) => nativeProblem(a.native, kind));
  const failure =
    seen.length === 0 ? `${dns(n)} is in no /ping tree` : problems.includes(null) ? null : (problems[0] ?? null);
  return result(
    `native:${n.name}`,
    `${n.name} calls its ${kind} module in-process and gets the checksum of its input`,
    [[rt, 'native']],
    blocked,
    failure,
    [n],
  );
}

function describeFailures(calls: PingCall[]): string {
  const errors = [...new Set(calls.map((c) => (c.ok ? 'answered by the wrong service' : (c.error ?? 'ok: false'))))];
  return errors.slice(0, 3).join('; ');
}

function linkCheck(
  link: DesignLink,
  source: DesignNode,
  target: DesignNode,
  design: Design,
  answersOf: (n: DesignNode) => PingNode[],
  blocked: (...n: DesignNode[]) => string | null,
): CheckResult | null {
  const id = `${link.kind}:${source.name}->${target.name}${link.topic ? `:${link.topic}` : ''}`;
  if ((link.kind === 'rest' || link.kind === 'grpc') && isRuntime(source.kind) && isRuntime(target.kind)) {
    const via = link.kind;
    const title = `${source.name} calls ${target.name} over ${via === 'rest' ? 'REST' : 'gRPC'}`;
    const cells: [RuntimeId, Column][] = [
      [source.kind, `${via}-client`],
      [target.kind, `${via}-server`],
    ];
    const calls = answersOf(source).flatMap((a) => a.calls.filter((c) => c.via === via && c.target === dns(target)));
    const lang = RUNTIMES[target.kind].language;
    const good = calls.some((c) => c.ok && c.tree?.service === dns(target) && c.tree.language === lang);
    const failure = good
      ? null
      : calls.length === 0
        ? `no ${via} call to ${dns(target)} in any answer of ${dns(source)}`
        : `${describeFailures(calls)}`;
    return result(id, title, cells, blocked(source, target), failure, [source, target]);
  }
  if (link.kind === 'queue' && isRuntime(source.kind) && isBroker(target)) {
    const topic = topicName(link.topic);
    const title = `${source.name} publishes ${topic} to ${target.name}`;
    const calls = answersOf(source).flatMap((a) =>
      a.calls.filter((c) => c.via === 'queue' && c.broker === dns(target) && c.topic === topic),
    );
    // a Python producer enqueues a Celery task in the queue of each Celery worker of the topic
    const queues = RUNTIMES[source.kind].languageId === 'python' ? celeryRoute(design, target.id, topic).queues : [];
    const enqueued = (c: PingCall) => queues.every((q) => c.celery?.includes(q));
    const good = calls.some((c) => c.ok && (c.brokerKind === undefined || c.brokerKind === target.kind) && enqueued(c));
    const failure = good
      ? null
      : calls.length === 0
        ? `no publish of ${topic} to ${dns(target)} in any answer of ${dns(source)}`
        : calls.some((c) => c.ok)
          ? `no publish enqueued the Celery task in ${queues.join(', ')}`
          : describeFailures(calls);
    return result(id, title, [[source.kind, `pub-${target.kind}`]], blocked(source, target), failure, [source]);
  }
  if (link.kind === 'queue' && isBroker(source) && isRuntime(target.kind)) {
    const topic = topicName(link.topic);
    const title = `${target.name} receives ${topic} from ${source.name}`;
    const producers = design.links
      .filter((l) => l.kind === 'queue' && l.target === source.id && topicName(l.topic) === topic)
      .map((l) => design.nodes.find((n) => n.id === l.source))
      .filter((n): n is DesignNode => !!n && isRuntime(n.kind));
    const cells: [RuntimeId, Column][] = [[target.kind, `sub-${source.kind}`]];
    if (producers.length === 0)
      return result(id, title, cells, `no service of the design publishes ${topic} to ${source.name}`, null, [target]);
    const live = producers.filter((p) => blocked(p) === null);
    const why = blocked(target, source) ?? (live.length === 0 ? blocked(...producers) : null);
    const from = new Set(live.map(dns));
    const got = answersOf(target).flatMap((a) => a.received);
    const good = got.some(
      (r) => r.broker === dns(source) && r.topic === topic && r.from !== undefined && from.has(r.from),
    );
    const failure = good
      ? null
      : `${dns(target)} shows no message of ${topic} on ${dns(source)} from ${[...from].join(' or ')}` +
        (got.length ? ` (it shows ${got.length} other)` : '');
    return result(id, title, cells, why, failure, [target, ...live]);
  }
  if (link.kind === 'database' && isRuntime(source.kind) && isDb(target)) {
    const title = `${source.name} uses ${target.name}`;
    const calls = answersOf(source).flatMap((a) =>
      a.calls.filter((c) => c.via === 'database' && c.target === dns(target)),
    );
    const failure = calls.some((c) => c.ok)
      ? null
      : calls.length === 0
        ? `no database call to ${dns(target)} in any answer of ${dns(source)}`
        : describeFailures(calls);
    return result(id, title, [[source.kind, `db-${target.kind}`]], blocked(source, target), failure, [source]);
  }
  return null;
}

function isBroker(n: DesignNode): n is DesignNode & { kind: BrokerKind } {
  return isInfra(n.kind) && (BROKER_KINDS as readonly string[]).includes(n.kind);
}

function isDb(n: DesignNode): n is DesignNode & { kind: DbKind } {
  return isInfra(n.kind) && (DB_KINDS as readonly string[]).includes(n.kind);
}
