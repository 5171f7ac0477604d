import { RUNTIMES } from '../../../catalog/catalog';
import {
  designContracts,
  rpcKind,
  type ChannelContract,
  type EndpointContract,
  type GrpcContract,
  type ResolvedType,
  type RpcContract,
  type RpcKind,
} from '../../../model/contracts';
import { dnsLabel, pascalCase, protoPackage, protoServiceName, snakeCase } from '../../../model/naming';
import { serviceWiring, type QueueUse, type ServiceWiring } from '../../../model/wiring';
import type { GeneratedFile } from '../../types';
import { LEGACY_IN_SERVICE_PING, PING_SERVICE } from '../../proto/ping';
import type { StubContext } from '../types';
import { rustFeatures, type RustFeatures } from './deps';
import { prostSnake, tonicModule } from './names';
import { Samples, packageModule, prostType, type ProstRef } from './typed';

/** A gRPC service as tonic generates it from the contract protos. */
export interface RustGrpcService {
  contract: GrpcContract;
  /** The module of its package under crate: `proto::shop::orders::v1`. */
  module: string;
  /** tonic's module prefix: `order_service` (then `_server`, `_client`). */
  tonic: string;
  /** The Rust name of the service trait and client (`OrderService`). */
  rust: string;
  /** Whether its .proto also has the compatibility layer's `Ping` RPC (then the trait has `ping`). */
  legacyPing: boolean;
}

/** An RPC with its Rust names. */
export interface RustRpc {
  rpc: RpcContract;
  service: RustGrpcService;
  kind: RpcKind;
  /** The method of the tonic trait and client. */
  method: string;
  /** The Rust types of its request and response. */
  req: ProstRef;
  res: ProstRef;
  /** Consts of src/samples.rs: the samples of its request and response. */
  reqSample: string;
  resSample: string;
}

export interface RustEndpoint {
  e: EndpointContract;
  /** The handler in src/handlers.rs (own endpoints) or the client method (targets). */
  fn: string;
  /** The Rust argument of each parameter. */
  args: string[];
  /** The const of src/samples.rs of the request: `{param: sample, ..., "body": sample}`. */
  reqSample: string;
  /** The const of the success answer's sample, when it has a body. */
  resSample: string | null;
}

export interface RustRestTarget {
  dns: string;
  envVar: string;
  name: string;
  endpoints: RustEndpoint[];
  /** Whether the target reads the typed contracts too: then /ping exercises `endpoints`. */
  typed: boolean;
}

export interface RustGrpcTarget {
  dns: string;
  envVar: string;
  /** Prefix of its client functions in src/clients.rs. */
  fn: string;
  /** The services of the target this service calls, with their client function. */
  clients: { service: RustGrpcService; fn: string }[];
  used: RustRpc[];
  typed: boolean;
  /** The path the target's Ping is called on. */
  pingPath: string;
}

export interface RustTopic {
  topic: string;
  /** The const of src/samples.rs holding the sample payload (JSON). */
  sample: string;
  channel: ChannelContract | undefined;
}

export interface RustConsumer {
  use: QueueUse;
  broker: string;
  handler: string;
}

/** Everything the Rust files of one service are generated from. */
export interface RustPlan {
  design: StubContext['design'];
  dns: string;
  w: ServiceWiring;
  features: RustFeatures;
  endpoints: RustEndpoint[];
  services: RustGrpcService[];
  rpcs: RustRpc[];
  /** The handler of each RPC. */
  rpcHandlers: Map<RustRpc, string>;
  /** The contract protos the stub compiles (empty when it neither serves nor calls gRPC). */
  protos: GeneratedFile[];
  /** Whether it serves gRPC (its own services, PingService, health, reflection). */
  servesGrpc: boolean;
  /** The compatibility layer's in-service Ping path it serves beside PingService, if any. */
  legacyPing: string | null;
  rest: RustRestTarget[];
  grpc: RustGrpcTarget[];
  topics: Map<string, RustTopic>;
  consumers: RustConsumer[];
  samples: Samples;
  /** Every design type the REST bodies, parameters and payloads use. */
  restTypes: Set<string>;
}

function serviceBlocks(content: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of content.matchAll(/^service\s+([A-Za-z0-9_]+)\s*\{([\s\S]*?)^\}/gm)) out.set(m[1] ?? '', m[2] ?? '');
  return out;
}

export function rustPlan(ctx: StubContext): RustPlan {
  const w = ctx.wiring;
  const contracts = designContracts(ctx.design);
  const samples = new Samples();
  const files = new Map(ctx.contractProtos.map((f) => [f.path, f]));
  const wiringOf = (id: string) => serviceWiring(ctx.design, id);
  const typedRuntime = (id: string) => {
    const t = wiringOf(id);
    return t !== undefined && RUNTIMES[t.runtime].typedContracts;
  };
  const rustService = (s: GrpcContract): RustGrpcService => {
    const block = serviceBlocks(files.get(s.file)?.content ?? '').get(s.name) ?? '';
    return {
      contract: s,
      module: packageModule(s.package),
      tonic: tonicModule(s.name),
      rust: s.name,
      legacyPing: /\brpc\s+Ping\s*\(\s*PingRequest\s*\)/.test(block) && !s.rpcs.some((r) => r.name === 'Ping'),
    };
  };
  const rustRpc = (r: RpcContract, service: RustGrpcService): RustRpc => ({
    rpc: r,
    service,
    kind: rpcKind(r),
    method: prostSnake(r.name),
    req: prostType(r.request),
    res: prostType(r.response),
    reqSample: samples.pb(r.request),
    resSample: samples.pb(r.response),
  });

  const servesGrpc = w.servesGrpc;
  const services = servesGrpc ? contracts.grpc(w.node.id).map(rustService) : [];
  const rpcs = services.flatMap((s) => s.contract.rpcs.map((r) => rustRpc(r, s)));
  const legacyName = (name: string) => `${protoPackage(ctx.design.name, name)}.${protoServiceName(name)}`;
  const legacy =
    servesGrpc && LEGACY_IN_SERVICE_PING
      ? services.some((s) => s.contract.fullName === legacyName(w.node.name) && s.legacyPing)
        ? null
        : `/${legacyName(w.node.name)}/Ping`
      : null;

  const handlerNames = new Set<string>();
  const unique = (base: string) => {
    let n = base;
    for (let i = 2; handlerNames.has(n); i++) n = `${base}_${i}`;
    handlerNames.add(n);
    return n;
  };
  const restTypeIds = new Set<string>();
  const endpoint = (e: EndpointContract, fn: string, prefix: string): RustEndpoint => {
    const taken = new Set(['body', 'request', 'message', 'self', 'req', 'got', 'answer', 'path', 'query', 'headers']);
    const args = e.params.map((p) => {
      let n = p.names.snake;
      while (taken.has(n)) n = `${n}_`;
      taken.add(n);
      return n;
    });
    const req = samples.restRequest(`${prefix}${e.names.snake}`, e);
    const res = e.success.body ? samples.restPayload(e.success.body) : null;
    return { e, fn, args, reqSample: req, resSample: res };
  };
  const endpoints = contracts.endpoints(w.node.id).map((e) => endpoint(e, unique(e.names.snake), ''));
  const rpcHandlers = new Map<RustRpc, string>();
  for (const r of rpcs) rpcHandlers.set(r, unique(r.rpc.names.snake));

  const rest: RustRestTarget[] = [];
  const seenRest = new Set<string>();
  for (const c of w.rest) {
    if (seenRest.has(c.target.id)) continue;
    seenRest.add(c.target.id);
    const used = contracts.usedEndpoints(c.link);
    const fnTaken = new Set(['new', 'ping', 'exercise', 'marked', 'expecting', 'send']);
    const prefix = `${snakeCase(c.target.name, 'svc').replace(/_+$/, '')}_`;
    rest.push({
      dns: dnsLabel(c.target.name),
      envVar: c.envVar,
      name: pascalCase(c.target.name, 'Svc'),
      endpoints: used.map((e) => {
        let n = e.names.snake;
        while (fnTaken.has(n)) n = `${n}_`;
        fnTaken.add(n);
        return endpoint(e, n, prefix);
      }),
      typed: typedRuntime(c.target.id),
    });
  }

  const grpc: RustGrpcTarget[] = [];
  const seenGrpc = new Set<string>();
  for (const c of w.grpc) {
    if (seenGrpc.has(c.target.id)) continue;
    seenGrpc.add(c.target.id);
    // snakeCase suffixes keywords (`type_`): drop that before adding `_grpc`
    const fn = `${snakeCase(c.target.name, 'svc').replace(/_+$/, '')}_grpc`;
    const targetServices = contracts.grpc(c.target.id).map(rustService);
    const used = contracts.usedRpcs(c.link);
    const clients = targetServices
      .filter((s) => s.contract.rpcs.some((r) => used.includes(r)))
      .map((service) => ({ service, fn: `${fn}_${service.tonic}` }));
    const typed = typedRuntime(c.target.id);
    grpc.push({
      dns: dnsLabel(c.target.name),
      envVar: c.envVar,
      fn,
      clients,
      used: used.flatMap((r) => {
        const s = targetServices.find((x) => x.contract.rpcs.includes(r));
        return s ? [rustRpc(r, s)] : [];
      }),
      typed,
      pingPath: typed || !LEGACY_IN_SERVICE_PING ? `/${PING_SERVICE}/Ping` : `/${legacyName(c.target.name)}/Ping`,
    });
  }

  const topics = new Map<string, RustTopic>();
  for (const q of [...w.publishes, ...w.subscribes]) {
    const key = `${q.broker.id} ${q.topic}`;
    if (topics.has(key)) continue;
    const channel = contracts.channel(q.broker.id, q.topic);
    const sample = channel
      ? samples.restPayload({ type: channel.message, repeated: false })
      : samples.json('empty_payload', {});
    topics.set(key, { topic: q.topic, sample, channel });
    if (channel) collectTypes(channel.message, restTypeIds);
  }
  const consumers = w.subscribes.map((use) => {
    let handler = `on_${snakeCase(use.topic, 'topic')}`;
    if (handlerNames.has(handler)) handler = `${handler}_from_${snakeCase(use.broker.name, 'broker')}`;
    return { use, broker: dnsLabel(use.broker.name), handler: unique(handler) };
  });
  for (const e of [...endpoints, ...rest.flatMap((r) => r.endpoints)]) {
    for (const p of e.e.params) collectTypes(p.type, restTypeIds);
    if (e.e.body) collectTypes(e.e.body.type, restTypeIds);
    if (e.e.success.body) collectTypes(e.e.success.body.type, restTypeIds);
  }
  const usesGrpc = servesGrpc || grpc.length > 0;
  return {
    design: ctx.design,
    dns: dnsLabel(w.node.name),
    w,
    features: rustFeatures(w),
    endpoints,
    services,
    rpcs,
    rpcHandlers,
    protos: usesGrpc ? [...ctx.contractProtos].sort((a, b) => (a.path < b.path ? -1 : 1)) : [],
    servesGrpc,
    legacyPing: legacy,
    rest,
    grpc,
    topics,
    consumers,
    samples,
    restTypes: restTypeIds,
  };
}

function collectTypes(t: ResolvedType, out: Set<string>): void {
  if (t.kind !== 'message' && t.kind !== 'enum') return;
  if (out.has(t.type.id)) return;
  out.add(t.type.id);
  if (t.type.kind === 'message') for (const f of t.type.fields) collectTypes(f.type, out);
}
