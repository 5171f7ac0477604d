import { unsupportedInfra } from '../../../catalog/catalog';
import { dnsLabel } from '../../../model/naming';
import { PING_SERVICE } from '../../proto/ping';
import type { DatabaseUse, QueueUse } from '../../../model/wiring';
import type { StubPlan } from '../python/plan';

export interface RubyQueue {
  use: QueueUse;
  broker: string;
  kind: QueueUse['brokerKind'];
  env: string;
  topic: string;
}

/** The links of a Ruby service that its stub serves: those to brokers and databases it can use. */
export interface RubyLinks {
  rest: { target: string; env: string }[];
  /** Outgoing gRPC links: `method` is the HTTP/2 path of the Ping the stub calls; `typed`: the target is converted (its RPCs are exercised). */
  grpc: { target: string; env: string; method: string; typed: boolean }[];
  publishes: RubyQueue[];
  subscribes: RubyQueue[];
  databases: { target: string; kind: DatabaseUse['databaseKind']; env: string }[];
  /** Broker kinds the stub talks to (consumers and producers). */
  brokerKinds: Set<QueueUse['brokerKind']>;
  databaseKinds: Set<DatabaseUse['databaseKind']>;
  /** Whether the stub serves or calls gRPC (the grpc gems and gen_proto.rb). */
  usesGrpc: boolean;
  /** The address variables readiness waits for. */
  readyEnv: Set<string>;
  /** The broker and database links left out, as `<kind> <node name>`: the checker names them too. */
  skipped: string[];
}

/** Whether a runtime's stub can use a broker or database kind (`unsupportedInfra` in the catalog). */
export function canUse(p: StubPlan, kind: string): boolean {
  const no = unsupportedInfra(p.w.runtime);
  return !no.includes(kind);
}

/** Whether a Ruby stub serves or calls gRPC: then it needs the grpc gems, proto/ and gen_proto.rb. */
export function rubyUsesGrpc(p: StubPlan): boolean {
  return p.own !== null || p.grpc.length > 0;
}

export function rubyUsable(p: StubPlan): RubyLinks {
  const skipped: string[] = [];
  const queue = (q: QueueUse): RubyQueue[] => {
    if (!canUse(p, q.brokerKind)) {
      skipped.push(`${q.brokerKind} ${q.broker.name}`);
      return [];
    }
    return [{ use: q, broker: dnsLabel(q.broker.name), kind: q.brokerKind, env: q.envVar, topic: q.topic }];
  };
  const publishes = p.publishes.flatMap(queue);
  const subscribes = p.subscribes.flatMap(queue);
  const databases = p.databases.flatMap((d) => {
    if (!canUse(p, d.databaseKind)) {
      skipped.push(`${d.databaseKind} ${d.database.name}`);
      return [];
    }
    return [{ target: dnsLabel(d.database.name), kind: d.databaseKind, env: d.envVar }];
  });
  return {
    rest: p.rest.map((r) => ({ target: r.target, env: r.call.envVar })),
    grpc: p.grpc.map((g) => ({
      target: g.target,
      env: g.call.envVar,
      method: g.typed ? `/${PING_SERVICE}/Ping` : g.legacyPing,
      typed: g.typed,
    })),
    publishes,
    subscribes,
    databases,
    brokerKinds: new Set([...publishes, ...subscribes].map((q) => q.kind)),
    databaseKinds: new Set(databases.map((d) => d.kind)),
    usesGrpc: rubyUsesGrpc(p),
    readyEnv: new Set([...publishes, ...subscribes].map((q) => q.env).concat(databases.map((d) => d.env))),
    skipped: [...new Set(skipped)],
  };
}
