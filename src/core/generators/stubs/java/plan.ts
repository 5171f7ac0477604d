import {
  designContracts,
  type EndpointContract,
  type GrpcContract,
  type JsonValue,
  type ResolvedType,
} from '../../../model/contracts';
import { dnsLabel, pascalCase } from '../../../model/naming';
import { infraUrl, type DatabaseUse, type QueueUse } from '../../../model/wiring';
import type { GeneratedFile } from '../../types';
import { planStub, type GrpcTarget, type RestTarget, type StubPlan } from '../python/plan';
import type { StubContext } from '../types';
import { embeddedPython, type EmbeddedPython } from './embedded';
import { basePackage, className, fieldFor, uniqueIdent } from './names';
import { javaFeatures, type JavaFeatures } from './pom';
import { ProtoIndex } from './typed';

/**
 * Everything the Java emitters share, computed once: package names, the unique class and member
 * names of every client, message and handler, and the typed contracts they follow (the plan the
 * Python and Node stubs share, `planStub`, plus Java's names).
 */

export interface RestPlan {
  t: RestTarget;
  /** The target's DNS name, as the tree shows it. */
  target: string;
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
  cls: string;
  field: string;
  fallback: string;
  typed: boolean;
}

export interface MessagePlan {
  /** `sample<Stem>()` factory (publishers) and `on<Stem>` handler (consumers). */
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

export interface JavaPlan {
  ctx: StubContext;
  sp: StubPlan;
  dns: string;
  base: string;
  plumbing: string;
  handlers: string;
  models: string;
  features: JavaFeatures;
  rest: RestPlan[];
  grpc: GrpcPlan[];
  /** Whether it serves gRPC. */
  own: boolean;
  /** The node's gRPC services (typed). */
  services: readonly GrpcContract[];
  /** The node's REST endpoints (typed). */
  endpoints: readonly EndpointContract[];
  publishes: QueuePlan[];
  subscribes: QueuePlan[];
  messages: MessagePlan[];
  databases: DatabasePlan[];
  protos: ProtoIndex;
  /** The compatibility layer's in-service Ping service (full name), null when the layer is off. */
  legacyService: string | null;
  /** The Python the service runs in-process (`native` of kind graalpy or jython), or null. */
  embedded: EmbeddedPython | null;
}

/** The fixed class names of the plumbing package; user-derived names never take these. */
export const PLUMBING_CLASSES = [
  'Env',
  'Received',
  'Envelopes',
  'Fanout',
  'PingController',
  'Subscriptions',
  'Databases',
  'GrpcServer',
  'KafkaBus',
  'RabbitBus',
  'RedisBus',
  'NatsBus',
  'Exercise',
  'Problem',
  'Problems',
  'Protos',
  'RestRoutes',
  'ReadyController',
  'Embedded',
];

/** What the JVM stubs plan alike: their clients, queue messages and databases. */
export interface JvmLinks {
  rest: RestPlan[];
  grpc: GrpcPlan[];
  publishes: QueuePlan[];
  subscribes: QueuePlan[];
  messages: MessagePlan[];
  databases: DatabasePlan[];
}

/**
 * The clients (named `<Target>RestClient` and `<Target>GrpcClient`, never one of `classes`), the
 * queue messages (one per broker and topic, a stem not in `stems`) and the databases of a JVM
 * stub.
 */
export function jvmLinks(ctx: StubContext, sp: StubPlan, classes: Set<string>, stems: Set<string>): JvmLinks {
  const w = ctx.wiring;
  const contracts = designContracts(ctx.design);
  const rest = sp.rest.map((t): RestPlan => {
    const cls = className(t.call.target.name, 'RestClient', classes);
    return {
      t,
      target: t.target,
      cls,
      field: fieldFor(cls),
      fallback: `http://${dnsLabel(t.call.target.name)}:${t.call.target.port}`,
      used: t.used,
      typed: t.typed,
    };
  });
  const grpc = sp.grpc.map((t): GrpcPlan => {
    const cls = className(t.call.target.name, 'GrpcClient', classes);
    return {
      t,
      target: t.target,
      cls,
      field: fieldFor(cls),
      fallback: `${dnsLabel(t.call.target.name)}:${t.call.target.grpcPort}`,
      typed: t.typed,
    };
  });

  // One message per broker and topic; a service that both publishes and consumes a topic shares it.
  const byKey = new Map<string, MessagePlan>();
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
  return {
    rest,
    grpc,
    publishes,
    subscribes,
    messages: [...byKey.values()],
    databases: w.databases.map((use) => ({
      use,
      target: dnsLabel(use.database.name),
      fallback: infraUrl(use.database),
    })),
  };
}

/** Builds the plan of one service. */
export function javaPlan(ctx: StubContext): JavaPlan {
  const sp = planStub(ctx);
  const w = ctx.wiring;
  const base = basePackage(ctx.design, w.node);
  const links = jvmLinks(ctx, sp, new Set(PLUMBING_CLASSES), new Set<string>());
  return {
    ctx,
    sp,
    dns: dnsLabel(w.node.name),
    base,
    plumbing: `${base}.plumbing`,
    handlers: `${base}.handlers`,
    models: `${base}.models`,
    features: javaFeatures(ctx),
    rest: links.rest,
    grpc: links.grpc,
    own: sp.own !== null,
    services: sp.services,
    endpoints: sp.ownEndpoints,
    publishes: links.publishes,
    subscribes: links.subscribes,
    messages: links.messages,
    databases: links.databases,
    protos: new ProtoIndex(ctx.contractProtos),
    legacyService: sp.legacyService,
    embedded: embeddedPython(ctx),
  };
}

/** A generated Java file at its package's path. */
export function javaFile(pkg: string, cls: string, content: string): GeneratedFile {
  return { path: `src/main/java/${pkg.replace(/\./g, '/')}/${cls}.java`, content };
}
