import {
  INFRA,
  RUNTIMES,
  describeKind,
  diagramOnlyReason,
  isBroker,
  isInfra,
  isRuntime,
  roleOf,
  unsupportedInfra,
  type RuntimeId,
} from '../catalog/catalog';
import { namespacePlan } from '../model/namespaces';
import { dnsLabel, topicName } from '../model/naming';
import { publishedPort, type Design, type DesignNode, type NativeKind } from '../model/types';
import { cycles, longestChains, syncCalls } from './graph';
import { CONTRACT_RULES } from './contractRules';
import { CELERY_RULES } from './celeryRules';
import type { Rule } from './types';

/** How many synchronous hops a request may take before the checker calls the chain deep. */
export const MAX_SYNC_DEPTH = 3;

const names = (design: Design) => new Map(design.nodes.map((n) => [n.id, n.name]));

/** At most this many names in a route a finding spells out; the canvas marks every node of it. */
export const ROUTE_NAMES = 8;

/**
 * The names of the nodes along a route, joined by arrows: a long one keeps its first and last
 * few around a count of the rest, so a chain of hundreds of hops reads in one line (and a large
 * design's findings do not hold every name of every chain).
 */
export function route(ids: readonly string[], n: ReadonlyMap<string, string>): string {
  const name = (id: string) => n.get(id) ?? id;
  if (ids.length <= ROUTE_NAMES) return ids.map(name).join(' → ');
  const head = ids.slice(0, ROUTE_NAMES - 3).map(name);
  const tail = ids.slice(-2).map(name);
  return [...head, `… ${ids.length - head.length - tail.length} more`, ...tail].join(' → ');
}

/** What each kind of in-process module costs, for the checker's note. */
const NATIVE_COST: Record<NativeKind, string> = {
  ctypes:
    'the C library builds with gcc in a build stage (seconds); the image gains only the .so, but it is built for one CPU architecture, and a wrong ctypes signature crashes the process.',
  cffi: 'cffi and a C compiler join the build stage (seconds); cffi stays in the image at run time, and the module is built for one CPython version and platform.',
  cython:
    'Cython and a C compiler join the build stage (tens of seconds); the module is built for one CPython version and platform, so each needs its own wheel.',
  pyo3: 'the Rust toolchain joins the build stage (about 1 GB there, none in the final image) and the first build compiles PyO3 for a few minutes; the wheel is built for one CPython version and platform.',
  graalpy:
    'GraalPy needs JDK 21 or newer, adds its runtime (over 100 MB) to the image, and starts slower while its compiler warms up.',
  jython: 'Jython adds a jar of about 50 MB and runs Python 2.7 only, with no C extensions.',
};

/** The checker's rules, in the order findings are listed. */
export const RULES: readonly Rule[] = [
  {
    id: 'port-clash',
    severity: 'error',
    title: 'Two nodes publish the same host port',
    why: 'Only one process can listen on a port: the second one to start fails, and compose refuses the file.',
    check(design) {
      const byPort = new Map<number, DesignNode[]>();
      for (const n of design.nodes) {
        const port = publishedPort(n);
        if (port !== null) byPort.set(port, [...(byPort.get(port) ?? []), n]);
      }
      return [...byPort.entries()]
        .filter(([, ns]) => ns.length > 1)
        .map(([port, ns]) => ({
          message: `${ns.map((n) => n.name).join(', ')} all publish host port ${port}.`,
          nodeIds: ns.map((n) => n.id),
          linkIds: [],
        }));
    },
  },
  {
    id: 'grpc-unsupported',
    severity: 'error',
    title: 'gRPC into a runtime that cannot serve it',
    why: 'A caller would wait for a gRPC server that never starts, so every call fails.',
    check(design) {
      const byId = new Map(design.nodes.map((n) => [n.id, n]));
      return design.links.flatMap((l) => {
        const t = byId.get(l.target);
        if (l.kind !== 'grpc' || !t || (isRuntime(t.kind) && RUNTIMES[t.kind].grpc)) return [];
        return [
          { message: `${t.name} (${describeKind(t.kind).label}) cannot serve gRPC.`, nodeIds: [t.id], linkIds: [l.id] },
        ];
      });
    },
  },
  {
    id: 'grpc-client-unsupported',
    severity: 'error',
    title: 'gRPC from a runtime whose stub cannot call it',
    why: 'The stub has no gRPC client, so the call is never made: /ping shows it failed.',
    check(design) {
      const byId = new Map(design.nodes.map((n) => [n.id, n]));
      return design.links.flatMap((l) => {
        const s = byId.get(l.source);
        if (l.kind !== 'grpc' || !s || !isRuntime(s.kind) || RUNTIMES[s.kind].tier !== 1 || RUNTIMES[s.kind].grpc)
          return [];
        return [
          { message: `${s.name} (${describeKind(s.kind).label}) cannot call gRPC.`, nodeIds: [s.id], linkIds: [l.id] },
        ];
      });
    },
  },
  {
    id: 'infra-unsupported',
    severity: 'error',
    title: 'A broker or database the runtime cannot use',
    why: "The service's stub has no client for it, so the link is left out of its code: its messages are never sent or read.",
    check(design) {
      const byId = new Map(design.nodes.map((n) => [n.id, n]));
      return design.links.flatMap((l) => {
        const a = byId.get(l.source);
        const b = byId.get(l.target);
        if (!a || !b) return [];
        const [svc, infra] = isRuntime(a.kind) ? [a, b] : [b, a];
        if (!isRuntime(svc.kind) || isRuntime(infra.kind)) return [];
        const no = unsupportedInfra(svc.kind);
        if (!no.includes(infra.kind)) return [];
        return [
          {
            message: `${svc.name} (${describeKind(svc.kind).label}) cannot use ${infra.name} (${describeKind(infra.kind).label}).`,
            nodeIds: [svc.id, infra.id],
            linkIds: [l.id],
          },
        ];
      });
    },
  },
  {
    id: 'sync-cycle',
    severity: 'warning',
    title: 'A cycle of synchronous calls',
    why: 'Services that call each other in a circle can wait on each other forever and fail together: one slow service stalls the whole loop.',
    check(design) {
      const n = names(design);
      const order = design.nodes.map((x) => x.id);
      return cycles(syncCalls(design), order).map((cycle) => ({
        message: `Synchronous calls go round in a circle: ${route([...cycle.map((l) => l.source), cycle[0]?.source ?? ''], n)}.`,
        nodeIds: cycle.map((l) => l.source),
        linkIds: cycle.map((l) => l.id),
      }));
    },
  },
  {
    id: 'deep-sync-chain',
    severity: 'warning',
    title: 'A long chain of synchronous calls',
    why: `Each hop adds latency and a chance to fail; past ${MAX_SYNC_DEPTH} hops an event or a cache usually serves better.`,
    check(design) {
      const n = names(design);
      const adj = syncCalls(design);
      const chains = longestChains(
        adj,
        design.nodes.map((x) => x.id),
      );
      const calledSync = new Set([...adj.values()].flat().map((l) => l.target));
      // report each chain once, from services nobody calls synchronously (or every start in a cycle)
      return [...chains.entries()]
        .filter(([id, chain]) => chain.length > MAX_SYNC_DEPTH && !calledSync.has(id))
        .map(([id, chain]) => ({
          message: `A request from ${n.get(id)} makes ${chain.length} synchronous hops: ${route([id, ...chain.map((l) => l.target)], n)}.`,
          nodeIds: [id, ...chain.map((l) => l.target)],
          linkIds: chain.map((l) => l.id),
        }));
    },
  },
  {
    id: 'topic-without-consumer',
    severity: 'warning',
    title: 'Messages nobody reads',
    why: 'Events published to a topic with no consumer pile up or vanish: the work they announce never happens.',
    check: (design) => topicBalance(design, 'producers'),
  },
  {
    id: 'topic-without-producer',
    severity: 'warning',
    title: 'A consumer waiting for messages nobody sends',
    why: 'A consumer of a topic that no service publishes to never gets a message, so its code never runs.',
    check: (design) => topicBalance(design, 'consumers'),
  },
  {
    id: 'shared-database',
    severity: 'warning',
    title: 'One database shared by several services',
    why: 'Services that share tables cannot change their data model or deploy on their own; each service should own its data.',
    check(design) {
      const users = new Map<string, string[]>();
      for (const l of design.links)
        if (l.kind === 'database') users.set(l.target, [...(users.get(l.target) ?? []), l.source]);
      const n = names(design);
      return [...users.entries()]
        .filter(([, us]) => new Set(us).size > 1)
        .map(([db, us]) => ({
          message: `${n.get(db)} is used by ${[...new Set(us)].map((u) => n.get(u)).join(', ')}.`,
          nodeIds: [db, ...new Set(us)],
          linkIds: design.links.filter((l) => l.kind === 'database' && l.target === db).map((l) => l.id),
        }));
    },
  },
  {
    id: 'broker-without-persistence',
    severity: 'info',
    title: 'A broker that keeps no messages',
    why: 'Core NATS delivers only to consumers connected right now: a message sent while a consumer restarts is lost (JetStream would keep it).',
    check(design) {
      return design.nodes
        .filter((n) => isInfra(n.kind) && INFRA[n.kind].role === 'broker' && !INFRA[n.kind].stateful)
        .filter((n) => design.links.some((l) => l.kind === 'queue' && (l.source === n.id || l.target === n.id)))
        .map((n) => ({
          message: `${n.name} keeps no messages for consumers that are down.`,
          nodeIds: [n.id],
          linkIds: [],
        }));
    },
  },
  {
    id: 'no-gateway',
    severity: 'info',
    title: 'Public entry without a gateway',
    why: 'A gateway gives clients one address, and one place for TLS, authentication and rate limits, instead of exposing every service.',
    check(design) {
      if (design.nodes.some((n) => n.kind === 'gateway')) return [];
      const byId = new Map(design.nodes.map((n) => [n.id, n]));
      const fromFrontend = design.links.filter(
        (l) => byId.get(l.source)?.kind === 'frontend' && roleOf(byId.get(l.target)?.kind ?? 'gateway') === 'service',
      );
      if (fromFrontend.length === 0) return [];
      return [
        {
          message: `The web frontend calls ${fromFrontend.length === 1 ? '1 service' : `${fromFrontend.length} services`} directly.`,
          nodeIds: [...new Set(fromFrontend.flatMap((l) => [l.source, l.target]))],
          linkIds: fromFrontend.map((l) => l.id),
        },
      ];
    },
  },
  {
    id: 'unconnected',
    severity: 'info',
    title: 'A node with no links',
    why: 'A node nothing talks to does nothing in the system; connect it or remove it.',
    check(design) {
      const linked = new Set(design.links.flatMap((l) => [l.source, l.target]));
      if (design.nodes.length < 2) return [];
      return design.nodes
        .filter((n) => !linked.has(n.id))
        .map((n) => ({ message: `${n.name} is not connected to anything.`, nodeIds: [n.id], linkIds: [] }));
    },
  },
  ...CONTRACT_RULES,
  ...CELERY_RULES,
  {
    id: 'native-module-cost',
    severity: 'info',
    title: 'An in-process module in another language',
    why: 'A native module makes the build slower and the image bigger and ties the service to the platforms it was built for (one wheel or build per CPU and interpreter); embedded Python on the JVM needs a newer JDK and a bigger runtime.',
    check(design) {
      return design.nodes
        .filter((n) => n.native)
        .map((n) => ({
          message: `${n.name}: ${NATIVE_COST[n.native?.kind ?? 'ctypes']}`,
          nodeIds: [n.id],
          linkIds: [],
        }));
    },
  },
  {
    id: 'no-runnable-stub',
    severity: 'info',
    title: 'A runtime without a runnable stub yet',
    why: 'The export describes this service (its contract, its address for its callers), but its code is yours to write: compose keeps it in the "todo" profile, and Kubernetes and Helm deploy nothing for it (k8s/ holds its manifests commented out).',
    check(design) {
      return design.nodes
        .filter((n) => isRuntime(n.kind) && RUNTIMES[n.kind].tier === 2)
        .map((n) => ({
          message: `${n.name} (${describeKind(n.kind).label}) is diagram only. ${diagramOnlyReason(n.kind as RuntimeId) ?? ''}`,
          nodeIds: [n.id],
          linkIds: [],
        }));
    },
  },
  {
    id: 'namespace-name',
    severity: 'info',
    title: 'A namespace boundary whose name the export changes',
    why: 'A Kubernetes namespace is named with lower-case letters, digits and hyphens, and some names belong to Kubernetes itself, so the export derives a valid name: this says which.',
    check(design) {
      const plan = namespacePlan(design);
      const out: { message: string; nodeIds: string[]; linkIds: string[] }[] = [];
      const first = new Map<string, string>();
      for (const { boundary: b, namespace, change } of plan.boundaries) {
        const at = { nodeIds: [...b.members], linkIds: [] };
        if (change === 'reserved')
          out.push({
            ...at,
            message: `The namespace boundary "${b.name}" names a namespace Kubernetes keeps for itself; its cards go to the namespace ${namespace}.`,
          });
        else if (change === 'sanitised')
          out.push({
            ...at,
            message: `The namespace boundary "${b.name}" becomes the Kubernetes namespace ${namespace} (lower-case letters, digits and hyphens).`,
          });
        const earlier = first.get(namespace);
        if (earlier !== undefined)
          out.push({
            ...at,
            message: `The namespace boundaries "${earlier}" and "${b.name}" both become the namespace ${namespace}; their cards share it.`,
          });
        else if (namespace === plan.project)
          out.push({
            ...at,
            message: `The namespace boundary "${b.name}" is the project's own namespace ${namespace}; its cards stay with the others.`,
          });
        else first.set(namespace, b.name);
      }
      return out;
    },
  },
];

function topicBalance(design: Design, side: 'producers' | 'consumers') {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const topics = new Map<string, { broker: DesignNode; topic: string; pub: string[]; sub: string[] }>();
  for (const l of design.links) {
    if (l.kind !== 'queue') continue;
    const s = byId.get(l.source);
    const t = byId.get(l.target);
    if (!s || !t) continue;
    const broker = isBroker(s.kind) ? s : t;
    const key = `${broker.id}\u0000${topicName(l.topic)}`;
    const entry = topics.get(key) ?? { broker, topic: topicName(l.topic), pub: [], sub: [] };
    if (broker === t) entry.pub.push(l.id);
    else entry.sub.push(l.id);
    topics.set(key, entry);
  }
  return [...topics.values()]
    .filter((e) =>
      side === 'producers' ? e.pub.length > 0 && e.sub.length === 0 : e.sub.length > 0 && e.pub.length === 0,
    )
    .map((e) => {
      const linkIds = side === 'producers' ? e.pub : e.sub;
      const who = linkIds
        .map((id) => design.links.find((l) => l.id === id))
        .map((l) => byId.get((side === 'producers' ? l?.source : l?.target) ?? ''));
      return {
        message:
          side === 'producers'
            ? `${dnsLabel(e.broker.name)} topic "${e.topic}" is published by ${who.map((w) => w?.name).join(', ')} but nobody consumes it.`
            : `${who.map((w) => w?.name).join(', ')} consume(s) "${e.topic}" on ${e.broker.name}, but nobody publishes it.`,
        nodeIds: [e.broker.id, ...who.flatMap((w) => (w ? [w.id] : []))],
        linkIds,
      };
    });
}
