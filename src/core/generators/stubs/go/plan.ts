import {
  designContracts,
  sampleOf,
  type ContractEndpoint,
  type EndpointContract,
  type JsonValue,
  type ResolvedDesignType,
  type ResolvedType,
  type RpcContract,
} from '../../../model/contracts';
import { dnsLabel, pascalCase } from '../../../model/naming';
import type { QueueUse, ServiceWiring } from '../../../model/wiring';
import type { GeneratedFile } from '../../types';
import { planStub, type GrpcTarget, type RestTarget, type StubPlan } from '../python/plan';
import type { StubContext } from '../types';
import { goFeatures, type GoFeatures } from './deps';
import { goModulePath, goTargetName } from './names';
import { goPkgs, jsonTypes, type GoPkg } from './typed';

/** An outgoing REST link: its typed client `clients.<Client>`. */
export interface GoRestLink {
  t: RestTarget;
  client: string;
}

/** An outgoing gRPC link: `clients.<Name>GrpcPing` and `clients.<Name>GrpcExercise`. */
export interface GoGrpcLink {
  g: GrpcTarget;
  name: string;
}

export interface GoConsumer {
  use: QueueUse;
  broker: string;
  handler: string;
  /** The sample of the channel's message: what a producer of the contract publishes. */
  sample: JsonValue;
  /** The channel's message type: the handler receives the payload decoded into it. */
  type: ResolvedType;
}

/** Everything the Go files of one service are generated from, computed once. */
export interface GoPlan {
  dns: string;
  module: string;
  w: ServiceWiring;
  features: GoFeatures;
  /** The typed plan shared with the other runtimes: own services and endpoints, links, samples. */
  sp: StubPlan;
  /** The contract protos compiled into gen/, by path, and their Go packages by folder. */
  protos: GeneratedFile[];
  pkgs: Map<string, GoPkg>;
  /** Whether the service serves gRPC (its own services, the ping contract, health, reflection). */
  servesGrpc: boolean;
  rest: GoRestLink[];
  grpc: GoGrpcLink[];
  consumers: GoConsumer[];
  /** The handler function of each own endpoint and RPC in handlers/handlers.go. */
  restHandlers: Map<EndpointContract, string>;
  rpcHandlers: Map<RpcContract, string>;
  /** The JSON types of package api. */
  models: ResolvedDesignType[];
}

/** The routes a mux can hold: two paths that differ only in parameter names would clash (the Rust stub's rule too). */
export function distinctRoutes(endpoints: readonly ContractEndpoint[]): ContractEndpoint[] {
  const shapes = new Set<string>();
  return endpoints.filter((e) => {
    const shape = `${e.method} ${e.path.replace(/\{[^}]*\}/g, '{}')}`;
    if (shapes.has(shape) || new Set(e.params).size !== e.params.length) return false;
    shapes.add(shape);
    return true;
  });
}

function uniqueIn(taken: Set<string>) {
  return (base: string): string => {
    let n = base;
    for (let i = 2; taken.has(n); i++) n = `${base}${i}`;
    taken.add(n);
    return n;
  };
}

export function goPlan(ctx: StubContext): GoPlan {
  const w = ctx.wiring;
  const sp = planStub(ctx);
  const dns = dnsLabel(w.node.name);
  const module = goModulePath(dns);
  const servesGrpc = sp.own !== null;
  const needsProtos = servesGrpc || sp.grpc.length > 0;
  const byPath = new Map<string, GeneratedFile>();
  for (const f of needsProtos ? ctx.contractProtos : []) if (!byPath.has(f.path)) byPath.set(f.path, f);
  const protos = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  const clientNames = uniqueIn(new Set());
  const rest = sp.rest.map((t) => ({ t, client: clientNames(`${goTargetName(t.call.target.name)}Client`) }));
  const grpcNames = uniqueIn(new Set());
  const grpc = sp.grpc.map((g) => ({ g, name: grpcNames(goTargetName(g.call.target.name)) }));
  const handlerNames = uniqueIn(new Set(['Problem']));
  const restHandlers = new Map<EndpointContract, string>();
  for (const e of sp.ownEndpoints) restHandlers.set(e, handlerNames(e.names.pascal));
  const rpcHandlers = new Map<RpcContract, string>();
  for (const s of sp.services)
    for (const r of s.rpcs)
      rpcHandlers.set(r, handlerNames(sp.services.length > 1 ? `${s.names.pascal}${r.names.pascal}` : r.names.pascal));
  const universe = designContracts(ctx.design).universe;
  const consumers = w.subscribes.map((use): GoConsumer => ({
    use,
    broker: dnsLabel(use.broker.name),
    handler: handlerNames(`On${pascalCase(use.topic, 'Topic')}`),
    sample: sampleOf(ctx.design, use.message),
    type: universe.resolve(use.message) ?? {
      kind: 'wellKnown',
      ref: 'google.protobuf.Struct',
      name: 'google.protobuf.Struct',
      json: 'object',
    },
  }));
  return {
    dns,
    module,
    w,
    features: goFeatures(w),
    sp,
    protos,
    pkgs: goPkgs(module, protos),
    servesGrpc,
    rest,
    grpc,
    consumers,
    restHandlers,
    rpcHandlers,
    models: jsonTypes(
      [...sp.ownEndpoints, ...sp.rest.flatMap((r) => r.used)],
      consumers.map((c) => c.type),
    ),
  };
}
