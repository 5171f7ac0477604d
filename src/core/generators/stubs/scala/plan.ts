import { RUNTIMES } from '../../../catalog/catalog';
import {
  legacyLinkEndpoints,
  legacyLinkRpcs,
  legacyQueueFields,
  serviceEndpoints,
  serviceRpcs,
  type ContractEndpoint,
  type ContractField,
  type ContractRpc,
} from '../../../model/contracts';
import { dnsLabel, pascalCase } from '../../../model/naming';
import { infraUrl, serviceWiring, type DatabaseUse, type QueueUse } from '../../../model/wiring';
import type { GeneratedFile } from '../../types';
import { stubFeatures, type StubFeatures } from '../features';
import { basePackage, className, fieldFor, protoJavaPackage, protocCamel, uniqueIdent } from '../java/names';
import type { StubContext } from '../types';

/**
 * Everything the Scala emitters share, computed once: packages, the unique names of every client,
 * model and handler, and the contracts they follow. The Scala stub reads the compatibility layer
 * (model/contracts/legacy.ts): the service's own `.proto` and its targets' as the layer writes
 * them, unary RPCs and the singular scalar fields of each message.
 */

/** The Java classes protoc generates for one of the layer's `.proto` files. */
export interface ProtoClasses {
  /** Java package of the classes. */
  javaPackage: string;
  /** The outer class holding the messages. */
  outer: string;
  /** The gRPC service (its `<Service>Grpc` class). */
  service: string;
  /** The proto package, for the full gRPC service name. */
  protoPackage: string;
}

export interface RestPlan {
  target: string;
  envVar: string;
  cls: string;
  field: string;
  fallback: string;
  endpoints: readonly ContractEndpoint[];
}

export interface GrpcPlan {
  target: string;
  envVar: string;
  cls: string;
  field: string;
  fallback: string;
  proto: ProtoClasses;
  rpcs: readonly ContractRpc[];
}

export interface MessagePlan {
  /** `<Stem>Message` case class, `sample<Stem>` and `on<Stem>`. */
  stem: string;
  topic: string;
  fields: readonly ContractField[];
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
  /** The service's own `.proto` classes when it serves gRPC. */
  own: ProtoClasses | null;
  rpcs: readonly ContractRpc[];
  endpoints: readonly ContractEndpoint[];
  publishes: QueuePlan[];
  subscribes: QueuePlan[];
  messages: MessagePlan[];
  databases: DatabasePlan[];
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
];

/** The classes protoc generates for a `.proto` of the compatibility layer. */
export function protoClasses(file: GeneratedFile): ProtoClasses {
  const pkg = /^package\s+([A-Za-z0-9_.]+)\s*;/m.exec(file.content)?.[1] ?? '';
  const service = /^service\s+([A-Za-z0-9_]+)/m.exec(file.content)?.[1] ?? '';
  const types = new Set([...file.content.matchAll(/^(?:message|enum|service)\s+([A-Za-z0-9_]+)/gm)].map((m) => m[1]));
  const base = (file.path.split('/').pop() ?? file.path).replace(/\.proto$/, '');
  let outer = protocCamel(base, true);
  if (types.has(outer)) outer = `${outer}OuterClass`;
  return { javaPackage: protoJavaPackage(pkg), outer, service, protoPackage: pkg };
}

/** Builds the plan of one service. */
export function scalaPlan(ctx: StubContext): ScalaPlan {
  const w = ctx.wiring;
  const base = basePackage(ctx.design, w.node);
  const names = new Set(PLUMBING_NAMES);
  const rest = w.rest.map((call): RestPlan => {
    const cls = className(call.target.name, 'RestClient', names);
    return {
      target: dnsLabel(call.target.name),
      envVar: call.envVar,
      cls,
      field: fieldFor(cls),
      fallback: `http://${dnsLabel(call.target.name)}:${call.target.port}`,
      endpoints: serviceWiring(ctx.design, call.target.id) ? legacyLinkEndpoints(ctx.design, [call.link]) : [],
    };
  });
  const grpc = w.grpc.flatMap((call): GrpcPlan[] => {
    const file = ctx.targetProtos.find((t) => t.call === call)?.file;
    if (!file) return [];
    const cls = className(call.target.name, 'GrpcClient', names);
    return [
      {
        target: dnsLabel(call.target.name),
        envVar: call.envVar,
        cls,
        field: fieldFor(cls),
        fallback: `${dnsLabel(call.target.name)}:${call.target.grpcPort}`,
        proto: protoClasses(file),
        rpcs: legacyLinkRpcs(ctx.design, call.link),
      },
    ];
  });
  const own = w.servesGrpc && ctx.ownProto ? protoClasses(ctx.ownProto) : null;

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
        fields: legacyQueueFields(ctx.design, use),
      };
      byKey.set(key, message);
    }
    return { use, message, brokerDns, fallback: infraUrl(use.broker) };
  };
  const publishes = w.publishes.map(queuePlan);
  const subscribes = w.subscribes.map(queuePlan);
  const runtime = RUNTIMES[w.runtime];
  return {
    ctx,
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
    own,
    rpcs: own ? serviceRpcs(w) : [],
    endpoints: serviceEndpoints(w),
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

/** A generated Scala file at its package's path. */
export function scalaFile(pkg: string, name: string, content: string): GeneratedFile {
  return { path: `src/main/scala/${pkg.replace(/\./g, '/')}/${name}.scala`, content };
}
