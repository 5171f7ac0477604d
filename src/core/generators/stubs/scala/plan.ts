import { RUNTIMES } from '../../../catalog/catalog';
import type { EndpointContract, GrpcContract, RpcContract } from '../../../model/contracts';
import { dnsLabel } from '../../../model/naming';
import type { GeneratedFile } from '../../types';
import { stubFeatures, type StubFeatures } from '../features';
import { basePackage } from '../java/names';
import {
  jvmLinks,
  type DatabasePlan,
  type GrpcPlan,
  type MessagePlan,
  type QueuePlan,
  type RestPlan,
} from '../java/plan';
import { ProtoIndex } from '../java/typed';
import { planStub, type StubPlan } from '../python/plan';
import type { StubContext } from '../types';

/**
 * Everything the Scala emitters share, computed once: packages, the unique names of every client,
 * model and handler, and the typed contracts they follow (the plan every stub shares, `planStub`,
 * plus Scala's names). The gRPC classes are protoc's Java classes of the real contract files.
 */

/** The clients, queue messages and databases are planned as the Java stub plans them. */
export type { DatabasePlan, GrpcPlan, MessagePlan, QueuePlan, RestPlan } from '../java/plan';

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
  const names = new Set(PLUMBING_NAMES);
  const links = jvmLinks(ctx, sp, names, new Set<string>(names));
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
    ...links,
    own: sp.own !== null,
    services: sp.services,
    rpcs: sp.services.flatMap((s) => s.rpcs),
    endpoints: sp.ownEndpoints,
    protos: new ProtoIndex(ctx.contractProtos),
    legacyService: sp.legacyService,
  };
}

/** A generated Scala file at its package's path. */
export function scalaFile(pkg: string, name: string, content: string): GeneratedFile {
  return { path: `src/main/scala/${pkg.replace(/\./g, '/')}/${name}.scala`, content };
}
