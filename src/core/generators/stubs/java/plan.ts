import {
  legacyLinkEndpoints,
  legacyLinkRpcs,
  legacyQueueFields,
  serviceEndpoints,
  serviceRpcs,
  type ContractEndpoint,
  type ContractRpc,
} from '../../../model/contracts';
import { dnsLabel, pascalCase } from '../../../model/naming';
import {
  infraUrl,
  serviceWiring,
  type DatabaseUse,
  type GrpcCall,
  type QueueUse,
  type RestCall,
  type ServiceWiring,
} from '../../../model/wiring';
import type { GeneratedFile } from '../../types';
import type { StubContext } from '../types';
import {
  basePackage,
  className,
  fieldFor,
  javaFields,
  protoJava,
  uniqueIdent,
  type JavaField,
  type ProtoJava,
} from './names';
import { javaFeatures, type JavaFeatures } from './pom';

/**
 * Everything the Java emitters share, computed once: package names, the unique class and member
 * names of every client, message and handler, and the contracts they follow.
 */

export interface JavaEndpoint extends ContractEndpoint {
  requestFields: JavaField[];
  responseFields: JavaField[];
}

export interface RestPlan {
  call: RestCall;
  /** The target's DNS name, as the tree shows it. */
  target: string;
  cls: string;
  field: string;
  fallback: string;
  /** The target's endpoints that this link declares, as the target normalised them. */
  endpoints: JavaEndpoint[];
}

export interface JavaRpc extends ContractRpc {
  requestFields: JavaField[];
  responseFields: JavaField[];
}

export interface GrpcPlan {
  call: GrpcCall;
  target: string;
  cls: string;
  field: string;
  fallback: string;
  proto: ProtoJava;
  rpcs: JavaRpc[];
}

export interface MessagePlan {
  /** Record in handlers/Messages.java. */
  record: string;
  /** `sample<Name>()` factory (publishers) and `on<Name>` handler (consumers). */
  stem: string;
  topic: string;
  fields: JavaField[];
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
  dns: string;
  base: string;
  plumbing: string;
  handlers: string;
  features: JavaFeatures;
  rest: RestPlan[];
  grpc: GrpcPlan[];
  own: ProtoJava | null;
  ownRpcs: JavaRpc[];
  endpoints: JavaEndpoint[];
  publishes: QueuePlan[];
  subscribes: QueuePlan[];
  messages: MessagePlan[];
  databases: DatabasePlan[];
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
];

function javaEndpoint(e: ContractEndpoint): JavaEndpoint {
  return { ...e, requestFields: javaFields(e.request), responseFields: javaFields(e.response) };
}

function javaRpc(r: ContractRpc): JavaRpc {
  return { ...r, requestFields: javaFields(r.request), responseFields: javaFields(r.response) };
}

/** The endpoints of the target that a REST link uses. */
function linkEndpoints(target: ServiceWiring | undefined, call: RestCall): JavaEndpoint[] {
  if (!target) return [];
  return legacyLinkEndpoints(target.design, [call.link]).map(javaEndpoint);
}

function linkRpcs(target: ServiceWiring | undefined, call: GrpcCall): JavaRpc[] {
  if (!target) return [];
  return legacyLinkRpcs(target.design, call.link).map(javaRpc);
}

/** Builds the plan of one service. */
export function javaPlan(ctx: StubContext): JavaPlan {
  const w = ctx.wiring;
  const base = basePackage(ctx.design, w.node);
  const classes = new Set(PLUMBING_CLASSES);
  const rest = w.rest.map((call): RestPlan => {
    const cls = className(call.target.name, 'RestClient', classes);
    return {
      call,
      target: dnsLabel(call.target.name),
      cls,
      field: fieldFor(cls),
      fallback: `http://${dnsLabel(call.target.name)}:${call.target.port}`,
      endpoints: linkEndpoints(serviceWiring(ctx.design, call.target.id), call),
    };
  });
  const grpc = w.grpc.flatMap((call): GrpcPlan[] => {
    const file = ctx.targetProtos.find((t) => t.call === call)?.file;
    if (!file) return [];
    const cls = className(call.target.name, 'GrpcClient', classes);
    return [
      {
        call,
        target: dnsLabel(call.target.name),
        cls,
        field: fieldFor(cls),
        fallback: `${dnsLabel(call.target.name)}:${call.target.grpcPort}`,
        proto: protoJava(file.path, file.content),
        rpcs: linkRpcs(serviceWiring(ctx.design, call.target.id), call),
      },
    ];
  });
  const own = w.servesGrpc && ctx.ownProto ? protoJava(ctx.ownProto.path, ctx.ownProto.content) : null;

  // One record per broker and topic; a service that both publishes and consumes a topic shares it.
  const byKey = new Map<string, MessagePlan>();
  const records = new Set<string>(['Messages']);
  const stems = new Set<string>();
  const queuePlan = (use: QueueUse): QueuePlan => {
    const brokerDns = dnsLabel(use.broker.name);
    const key = `${brokerDns} ${use.topic}`;
    let message = byKey.get(key);
    if (!message) {
      const stem = uniqueIdent(pascalCase(use.topic, 'Topic'), stems);
      message = {
        record: uniqueIdent(`${stem}Message`, records),
        stem,
        topic: use.topic,
        fields: javaFields(legacyQueueFields(ctx.design, use)),
      };
      byKey.set(key, message);
    }
    return { use, message, brokerDns, fallback: infraUrl(use.broker) };
  };
  const publishes = w.publishes.map(queuePlan);
  const subscribes = w.subscribes.map(queuePlan);

  return {
    ctx,
    dns: dnsLabel(w.node.name),
    base,
    plumbing: `${base}.plumbing`,
    handlers: `${base}.handlers`,
    features: javaFeatures(ctx),
    rest,
    grpc,
    own,
    ownRpcs: w.servesGrpc ? serviceRpcs(w).map(javaRpc) : [],
    endpoints: serviceEndpoints(w).map(javaEndpoint),
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

/** A generated Java file at its package's path. */
export function javaFile(pkg: string, cls: string, content: string): GeneratedFile {
  return { path: `src/main/java/${pkg.replace(/\./g, '/')}/${cls}.java`, content };
}
