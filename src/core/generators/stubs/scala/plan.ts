import { RUNTIMES } from '../../../catalog/catalog';
import {
  designContracts,
  type EndpointContract,
  type GrpcContract,
  type JsonValue,
  type ResolvedType,
  type RpcContract,
} from '../../../model/contracts';
import { dnsLabel, pascalCase } from '../../../model/naming';
import { infraUrl, type DatabaseUse, type QueueUse } from '../../../model/wiring';
import type { GeneratedFile } from '../../types';
import { stubFeatures, type StubFeatures } from '../features';
import { basePackage, className, fieldFor, uniqueIdent } from '../java/names';
import { ProtoIndex } from '../java/typed';
import { planStub, type GrpcTarget, type RestTarget, type StubPlan } from '../python/plan';
import type { StubContext } from '../types';

/**
 * Everything the Scala emitters share, computed once: packages, the unique names of every client,
 * model and handler, and the typed contracts they follow (the plan every stub shares, `planStub`,
 * plus Scala's names). The gRPC classes are protoc's Java classes of the real contract files.
 */

export interface RestPlan {
  t: RestTarget;
  target: string;
  envVar: string;
  cls: string;
  field: string;
  fallback: string;
  /** The target's endpoints this link uses. */
  used: readonly EndpointContract[];
  /** Whether the target reads the typed contracts: then /ping exercises `used`. */
  typed: boolean;
}

export interface GrpcPlan {
  t: GrpcTarget;
  target: string;
  envVar: string;
  cls: string;
  field: string;
  fallback: string;
  typed: boolean;
}

export interface MessagePlan {
  /** `sample<Stem>` and `on<Stem>`. */
  stem: string;
  topic: string;
  /** The channel's message type. */
  type: ResolvedType;
  /** Its sample: what /ping publishes and what a consumer expects. */
  sample: JsonValue;
}

export interface QueuePlan {
  use: QueueUse;
  message: MessagePlan;
  brokerDns: string;
  fallback: string;
}

export interface DatabasePlan {
  use: DatabaseUse;
  target: string;
  fallback: string;
}

export interface ScalaPlan {
  ctx: StubContext;
  sp: StubPlan;
  dns: string;
  language: string;
  framework: string;
  base: string;
  plumbing: string;
  handlers: string;
  models: string;
  features: StubFeatures;
  rest: RestPlan[];
  grpc: GrpcPlan[];
  /** Whether it serves gRPC. */
  own: boolean;
  /** The node's gRPC services (typed). */
  services: readonly GrpcContract[];
  /** Every RPC of those services. */
  rpcs: readonly RpcContract[];
  /** The node's REST endpoints (typed). */
  endpoints: readonly EndpointContract[];
  publishes: QueuePlan[];
  subscribes: QueuePlan[];
  messages: MessagePlan[];
  databases: DatabasePlan[];
  protos: ProtoIndex;
  /** The compatibility layer's in-service Ping service (full name), null when the layer is off. */
  legacyService: string | null;
}

/** The fixed names of the plumbing package; names derived from the design never take these. */
export const PLUMBING_NAMES = [
  'Main',
  'Env',
  'Received',
  'Envelopes',
  'Fanout',
  'Links',
  'Ready',
  'Routes',
  'GrpcServer',
  'KafkaBus',
  'RabbitBus',
  'RedisBus',
  'NatsBus',
  'Subscriptions',
  'Databases',
  'Problem',
  'Exercise',
  'Protos',
  'RestException',
];

/** Builds the plan of one service. */
export function scalaPlan(ctx: StubContext): ScalaPlan {
  const sp = planStub(ctx);
  const w = ctx.wiring;
  const base = basePackage(ctx.design, w.node);
  const contracts = designContracts(ctx.design);
  const names = new Set(PLUMBING_NAMES);
  const rest = sp.rest.map((t): RestPlan => {
    const cls = className(t.call.target.name, 'RestClient', names);
    return {
      t,
      target: t.target,
      envVar: t.call.envVar,
      cls,
      field: fieldFor(cls),
      fallback: `http://${dnsLabel(t.call.target.name)}:${t.call.target.port}`,
      used: t.used,
      typed: t.typed,
    };
  });
  const grpc = sp.grpc.map((t): GrpcPlan => {
    const cls = className(t.call.target.name, 'GrpcClient', names);
    return {
      t,
      target: t.target,
      envVar: t.call.envVar,
      cls,
      field: fieldFor(cls),
      fallback: `${dnsLabel(t.call.target.name)}:${t.call.target.grpcPort}`,
      typed: t.typed,
    };
  });

  // One message per broker and topic; a service that both publishes and consumes a topic shares it.
  const byKey = new Map<string, MessagePlan>();
  const stems = new Set<string>(names);
  const queuePlan = (use: QueueUse): QueuePlan => {
    const brokerDns = dnsLabel(use.broker.name);
    const key = `${brokerDns} ${use.topic}`;
    let message = byKey.get(key);
    if (!message) {
      message = {
        stem: uniqueIdent(pascalCase(use.topic, 'Topic'), stems),
        topic: use.topic,
        type: contracts.universe.resolve(use.message) ?? {
          kind: 'wellKnown',
          ref: 'google.protobuf.Struct',
          name: 'google.protobuf.Struct',
          json: 'object',
        },
        sample: contracts.sample(use.message),
      };
      byKey.set(key, message);
    }
    return { use, message, brokerDns, fallback: infraUrl(use.broker) };
  };
  const publishes = w.publishes.map(queuePlan);
  const subscribes = sp.subscribes.map(queuePlan);
  const runtime = RUNTIMES[w.runtime];
  return {
    ctx,
    sp,
    dns: dnsLabel(w.node.name),
    language: runtime.language,
    framework: runtime.framework,
    base,
    plumbing: `${base}.plumbing`,
    handlers: `${base}.handlers`,
    models: `${base}.models`,
    features: stubFeatures(w),
    rest,
    grpc,
    own: sp.own !== null,
    services: sp.services,
    rpcs: sp.services.flatMap((s) => s.rpcs),
    endpoints: sp.ownEndpoints,
    publishes,
    subscribes,
    messages: [...byKey.values()],
    databases: w.databases.map((use) => ({
      use,
      target: dnsLabel(use.database.name),
      fallback: infraUrl(use.database),
    })),
    protos: new ProtoIndex(ctx.contractProtos),
    legacyService: sp.legacyService,
  };
}

/** A generated Scala file at its package's path. */
export function scalaFile(pkg: string, name: string, content: string): GeneratedFile {
  return { path: `src/main/scala/${pkg.replace(/\./g, '/')}/${name}.scala`, content };
}
