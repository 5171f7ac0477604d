import {
  legacyLinkEndpoints,
  legacyQueueFields,
  sampleValue,
  serviceEndpoints,
  serviceRpcs,
  type ContractEndpoint,
  type ContractField,
  type ContractRpc,
} from '../../../model/contracts';
import { dnsLabel, pascalCase, protoServiceName } from '../../../model/naming';
import type { Design, DesignNode } from '../../../model/types';
import type { QueueUse, RestCall, ServiceWiring } from '../../../model/wiring';
import type { StubContext } from '../types';
import { goFeatures, type GoFeatures } from './deps';
import { goModulePath, goParam, goProto, goTargetName, type GoProto } from './names';

/** One REST target of the service, with the endpoints its links declare. */
export interface GoRestTarget {
  target: DesignNode;
  dns: string;
  envVar: string;
  name: string;
  endpoints: ContractEndpoint[];
}

export interface GoGrpcTarget {
  target: DesignNode;
  dns: string;
  envVar: string;
  name: string;
  proto: GoProto;
  service: string;
}

export interface GoTopic {
  topic: string;
  payloadType: string;
  fields: ContractField[];
}

export interface GoConsumer {
  use: QueueUse;
  broker: string;
  handler: string;
  topic: GoTopic;
}

/** Everything the Go files of one service are generated from, computed once. */
export interface GoPlan {
  dns: string;
  module: string;
  w: ServiceWiring;
  features: GoFeatures;
  endpoints: ContractEndpoint[];
  rpcs: ContractRpc[];
  ownProto: GoProto | null;
  protos: GoProto[];
  rest: GoRestTarget[];
  grpc: GoGrpcTarget[];
  topics: Map<string, GoTopic>;
  consumers: GoConsumer[];
  /** The gRPC service this one serves, as named in its .proto. */
  grpcServiceName: string;
}

/** The routes a mux can hold: two paths that differ only in parameter names would clash. */
export function distinctRoutes(endpoints: readonly ContractEndpoint[]): ContractEndpoint[] {
  const shapes = new Set<string>();
  return endpoints.filter((e) => {
    const shape = `${e.method} ${e.path.replace(/\{[^}]*\}/g, '{}')}`;
    if (shapes.has(shape) || new Set(e.params).size !== e.params.length) return false;
    shapes.add(shape);
    return true;
  });
}

function restTargets(design: Design, calls: readonly RestCall[]): GoRestTarget[] {
  const byTarget = new Map<string, { call: RestCall; links: RestCall['link'][] }>();
  for (const c of calls) {
    const entry = byTarget.get(c.target.id) ?? { call: c, links: [] };
    entry.links.push(c.link);
    byTarget.set(c.target.id, entry);
  }
  return [...byTarget.values()].map(({ call, links }) => {
    // the target's view of these links: the same normalised operation names it serves
    const endpoints = legacyLinkEndpoints(design, links);
    return {
      target: call.target,
      dns: dnsLabel(call.target.name),
      envVar: call.envVar,
      name: goTargetName(call.target.name),
      endpoints: distinctRoutes(endpoints),
    };
  });
}

export function goPlan(ctx: StubContext): GoPlan {
  const w = ctx.wiring;
  const dns = dnsLabel(w.node.name);
  const module = goModulePath(dns);
  const protos = new Map<string, GoProto>();
  const ownProto = ctx.ownProto ? goProto(module, ctx.ownProto) : null;
  if (ownProto) protos.set(ownProto.rel, ownProto);
  const grpc: GoGrpcTarget[] = [];
  const seenGrpc = new Set<string>();
  for (const { call, file } of ctx.targetProtos) {
    const proto = protos.get(file.path) ?? goProto(module, file);
    protos.set(proto.rel, proto);
    if (seenGrpc.has(call.target.id)) continue;
    seenGrpc.add(call.target.id);
    const service = protoServiceName(call.target.name);
    grpc.push({
      target: call.target,
      dns: dnsLabel(call.target.name),
      envVar: call.envVar,
      name: goTargetName(call.target.name),
      proto,
      service,
    });
  }
  const topics = new Map<string, GoTopic>();
  const typeNames = new Set<string>();
  for (const q of [...w.publishes, ...w.subscribes]) {
    if (topics.has(q.topic)) continue;
    const base = `${pascalCase(q.topic, 'Topic')}Payload`;
    let payloadType = base;
    for (let i = 2; typeNames.has(payloadType); i++) payloadType = `${base}${i}`;
    typeNames.add(payloadType);
    topics.set(q.topic, { topic: q.topic, payloadType, fields: legacyQueueFields(ctx.design, q) });
  }
  const handlerNames = new Set<string>();
  const consumers = w.subscribes.map((use) => {
    const base = `On${pascalCase(use.topic, 'Topic')}`;
    let handler = base;
    if (handlerNames.has(handler)) handler = `${base}From${pascalCase(use.broker.name, 'Broker')}`;
    for (let i = 2; handlerNames.has(handler); i++) handler = `${base}${i}`;
    handlerNames.add(handler);
    const topic = topics.get(use.topic) ?? { topic: use.topic, payloadType: 'Payload', fields: [] };
    return { use, broker: dnsLabel(use.broker.name), handler, topic };
  });
  return {
    dns,
    module,
    w,
    features: goFeatures(w),
    endpoints: distinctRoutes(serviceEndpoints(w)),
    rpcs: w.servesGrpc ? serviceRpcs(w) : [],
    ownProto: w.servesGrpc ? ownProto : null,
    protos: [...protos.values()].sort((a, b) => (a.rel < b.rel ? -1 : 1)),
    rest: restTargets(ctx.design, w.rest),
    grpc,
    topics,
    consumers,
    grpcServiceName: protoServiceName(w.node.name),
  };
}

/** A Go literal of a field's sample value. */
export function goSample(f: ContractField): string {
  return JSON.stringify(sampleValue(f.type, f.name));
}

/** The Go parameters of an endpoint's path, in order. */
export function endpointParams(e: ContractEndpoint): { param: string; goName: string }[] {
  return e.params.map((param) => ({ param, goName: goParam(param) }));
}
