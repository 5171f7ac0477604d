import {
  legacyLinkEndpoints,
  legacyQueueFields,
  serviceEndpoints,
  serviceRpcs,
  type ContractEndpoint,
  type ContractField,
  type ContractRpc,
} from '../../../model/contracts';
import { dnsLabel, packageSegment, pascalCase, protoPackage, protoServiceName, snakeCase } from '../../../model/naming';
import type { Design } from '../../../model/types';
import type { QueueUse, RestCall, ServiceWiring } from '../../../model/wiring';
import type { GeneratedFile } from '../../types';
import type { StubContext } from '../types';
import { distinctRoutes } from '../go/plan';
import { rustFeatures, type RustFeatures } from './deps';

export interface RustProto {
  rel: string;
  /** Module under crate::proto, e.g. `orders_v1`. */
  module: string;
  /** The proto package tonic::include_proto! takes. */
  pkg: string;
  file: GeneratedFile;
}

export interface RustRestTarget {
  dns: string;
  envVar: string;
  name: string;
  fn: string;
  endpoints: ContractEndpoint[];
}

export interface RustGrpcTarget {
  dns: string;
  envVar: string;
  fn: string;
  proto: RustProto;
  service: string;
}

export interface RustTopic {
  topic: string;
  payloadType: string;
  fields: ContractField[];
}

export interface RustConsumer {
  use: QueueUse;
  broker: string;
  handler: string;
}

/** Everything the Rust files of one service are generated from. */
export interface RustPlan {
  dns: string;
  w: ServiceWiring;
  features: RustFeatures;
  endpoints: ContractEndpoint[];
  rpcs: ContractRpc[];
  ownProto: RustProto | null;
  protos: RustProto[];
  rest: RustRestTarget[];
  grpc: RustGrpcTarget[];
  topics: Map<string, RustTopic>;
  consumers: RustConsumer[];
  service: string;
}

function rustProto(design: StubContext['design'], file: GeneratedFile): RustProto {
  const service = file.path.split('/').slice(-3)[0] ?? 'svc';
  return { rel: file.path, module: `${packageSegment(service)}_v1`, pkg: protoPackage(design.name, service), file };
}

function restTargets(design: Design, calls: readonly RestCall[]): RustRestTarget[] {
  const byTarget = new Map<string, { call: RestCall; links: RestCall['link'][] }>();
  for (const c of calls) {
    const entry = byTarget.get(c.target.id) ?? { call: c, links: [] };
    entry.links.push(c.link);
    byTarget.set(c.target.id, entry);
  }
  return [...byTarget.values()].map(({ call, links }) => ({
    dns: dnsLabel(call.target.name),
    envVar: call.envVar,
    name: pascalCase(call.target.name, 'Svc'),
    fn: snakeCase(call.target.name, 'svc'),
    endpoints: distinctRoutes(legacyLinkEndpoints(design, links)),
  }));
}

export function rustPlan(ctx: StubContext): RustPlan {
  const w = ctx.wiring;
  const protos = new Map<string, RustProto>();
  const ownProto = w.servesGrpc && ctx.ownProto ? rustProto(ctx.design, ctx.ownProto) : null;
  if (ownProto) protos.set(ownProto.rel, ownProto);
  const grpc: RustGrpcTarget[] = [];
  const seen = new Set<string>();
  for (const { call, file } of ctx.targetProtos) {
    const proto = protos.get(file.path) ?? rustProto(ctx.design, file);
    protos.set(proto.rel, proto);
    if (seen.has(call.target.id)) continue;
    seen.add(call.target.id);
    grpc.push({
      dns: dnsLabel(call.target.name),
      envVar: call.envVar,
      // snakeCase suffixes keywords (`type_`): drop that before adding `_grpc`
      fn: `${snakeCase(call.target.name, 'svc').replace(/_+$/, '')}_grpc`,
      proto,
      service: protoServiceName(call.target.name),
    });
  }
  const topics = new Map<string, RustTopic>();
  const typeNames = new Set<string>();
  for (const q of [...w.publishes, ...w.subscribes]) {
    if (topics.has(q.topic)) continue;
    const base = `${pascalCase(q.topic, 'Topic')}Payload`;
    let payloadType = base;
    for (let i = 2; typeNames.has(payloadType); i++) payloadType = `${base}${i}`;
    typeNames.add(payloadType);
    topics.set(q.topic, { topic: q.topic, payloadType, fields: legacyQueueFields(ctx.design, q) });
  }
  const handlers = new Set<string>();
  const consumers = w.subscribes.map((use) => {
    const base = `on_${snakeCase(use.topic, 'topic')}`;
    let handler = base;
    if (handlers.has(handler)) handler = `${base}_from_${snakeCase(use.broker.name, 'broker')}`;
    for (let i = 2; handlers.has(handler); i++) handler = `${base}_${i}`;
    handlers.add(handler);
    return { use, broker: dnsLabel(use.broker.name), handler };
  });
  return {
    dns: dnsLabel(w.node.name),
    w,
    features: rustFeatures(w),
    endpoints: distinctRoutes(serviceEndpoints(w)),
    rpcs: ownProto ? serviceRpcs(w) : [],
    ownProto,
    protos: [...protos.values()].sort((a, b) => (a.rel < b.rel ? -1 : 1)),
    rest: restTargets(ctx.design, w.rest),
    grpc,
    topics,
    consumers,
    service: protoServiceName(w.node.name),
  };
}
