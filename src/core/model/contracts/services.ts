import type { HttpMethod } from '../../catalog/catalog';
import { legacyOperationName } from '../legacyNames';
import {
  PROTO_IDENT,
  camelCase,
  httpPath,
  isReservedWord,
  pascalCase,
  protoServiceName,
  snakeCase,
  topicName,
} from '../naming';
import { nodeProtoFile, packageFile, servicePackage } from '../packages';
import type { Channel, Design, DesignNode, GrpcService, HttpEndpoint, HttpParam, RpcMethod } from '../types';
import type { MemberNames, ResolvedType, TypeUniverse } from './universe';

/** The paths every service serves for the contract itself: a declared endpoint on one is skipped. */
export const CONTRACT_PATHS: readonly string[] = ['/healthz', '/readyz', '/ping'];

/** A gRPC service a node serves, with its names settled and its RPCs' types resolved. */
export interface GrpcContract {
  id: string;
  node: DesignNode;
  source: GrpcService;
  /** The service name: its own, or `<Node>Service`. */
  name: string;
  /** Its package: its own, or `<project>.<node>.v1`. */
  package: string;
  /** `shop.orders.v1.OrderService`: what reflection and the health check name. */
  fullName: string;
  /** The `.proto` file it is written to, relative to the proto root. */
  file: string;
  names: MemberNames;
  rpcs: RpcContract[];
}

export interface RpcContract {
  id: string;
  /** As declared (PascalCase in designs made in the app). */
  name: string;
  /** The HTTP/2 path of the call: `/shop.orders.v1.OrderService/PlaceOrder`. */
  path: string;
  /** Unique in the service, never a reserved word. */
  names: MemberNames;
  request: ResolvedType;
  response: ResolvedType;
  clientStreaming: boolean;
  serverStreaming: boolean;
  deprecated: boolean;
  description?: string;
  service: GrpcContract;
  source: RpcMethod;
}

export type RpcKind = 'unary' | 'server' | 'client' | 'bidi';

/** How an RPC streams. */
export function rpcKind(r: Pick<RpcContract, 'clientStreaming' | 'serverStreaming'>): RpcKind {
  if (r.clientStreaming && r.serverStreaming) return 'bidi';
  if (r.clientStreaming) return 'client';
  return r.serverStreaming ? 'server' : 'unary';
}

/** The words for an RPC's kind in generated comments and READMEs. */
export const RPC_KIND_WORDS: Record<RpcKind, string> = {
  unary: 'unary',
  server: 'server-streaming',
  client: 'client-streaming',
  bidi: 'bidirectional streaming',
};

export interface PayloadContract {
  type: ResolvedType;
  repeated: boolean;
}

export interface ParamContract {
  name: string;
  in: HttpParam['in'];
  type: ResolvedType;
  repeated: boolean;
  required: boolean;
  /** Unique among the endpoint's parameters, never a reserved word. */
  names: MemberNames;
  description?: string;
}

export interface ResponseContract {
  /** `200`, `404`, `4XX`, `default`. */
  status: string;
  body?: PayloadContract;
  /** An error status (4XX, 5XX) without a body of its own: RFC 9457 `application/problem+json`. */
  problem: boolean;
  description?: string;
}

/** A REST operation a node serves. */
export interface EndpointContract {
  id: string;
  method: HttpMethod;
  /** The path made safe (`httpPath`), its case kept, parameters as `{name}`. */
  path: string;
  /** Its declared operation id, else derived from the method and path; unique in the node. */
  operationId: string;
  /** Forms of the operation id, unique in the node: handler and type names. */
  names: MemberNames;
  params: ParamContract[];
  body?: PayloadContract;
  /** As declared, in order. */
  responses: ResponseContract[];
  /** What a successful call answers: the first 2XX (or `default`) response; a bodiless 200 when none is declared. */
  success: ResponseContract;
  summary?: string;
  deprecated: boolean;
  source: HttpEndpoint;
}

/** A topic, queue, stream or subject of a broker. */
export interface ChannelContract {
  broker: DesignNode;
  /** As written on the broker node. */
  topic: string;
  /** The name used on the wire (lower case, safe): what stubs publish to and AsyncAPI lists. */
  address: string;
  message: ResolvedType;
  /** Forms of the topic, for handler and type names. */
  names: MemberNames;
  source: Channel;
}

const EMPTY: ResolvedType = {
  kind: 'wellKnown',
  ref: 'google.protobuf.Empty',
  name: 'google.protobuf.Empty',
  json: 'object',
};

/** Forms of a name made unique within one scope (`taken`), never a reserved word. */
export function memberNames(name: string, taken: Set<string>, fallback = 'value'): MemberNames {
  const snake0 = snakeCase(name, fallback).replace(/_$/, '_value');
  const camel0 = camelCase(name, fallback);
  const pascal0 =
    PROTO_IDENT.test(name) && /^[A-Z]/.test(name) && !isReservedWord(name) ? name : pascalCase(name, 'Value');
  let i = 1;
  const sfx = (sep: string) => (i === 1 ? '' : `${sep}${i}`);
  while (
    taken.has(`s ${snake0}${sfx('_')}`) ||
    taken.has(`c ${camel0}${sfx('')}`) ||
    taken.has(`p ${pascal0}${sfx('')}`)
  )
    i++;
  taken
    .add(`s ${snake0}${sfx('_')}`)
    .add(`c ${camel0}${sfx('')}`)
    .add(`p ${pascal0}${sfx('')}`);
  return { snake: snake0 + sfx('_'), camel: camel0 + sfx(''), pascal: pascal0 + sfx('') };
}

/** The gRPC services of a node. */
export function grpcContracts(
  design: Design,
  node: DesignNode,
  u: TypeUniverse,
  services: readonly GrpcService[] = node.api?.grpc ?? [],
): GrpcContract[] {
  const taken = new Set<string>();
  return services.map((s) => {
    const name = s.name ?? protoServiceName(node.name);
    const pkg = servicePackage(design.name, node, s);
    const file =
      s.file ?? (s.package === undefined ? nodeProtoFile(design.name, node.name) : packageFile(pkg, design.name));
    const svc: GrpcContract = {
      id: s.id,
      node,
      source: s,
      name,
      package: pkg,
      fullName: `${pkg}.${name}`,
      file,
      names: memberNames(name, taken, 'service'),
      rpcs: [],
    };
    const rpcNames = new Set<string>();
    svc.rpcs = s.rpcs.map((r) => {
      const rpc: RpcContract = {
        id: r.id,
        name: r.name,
        path: `/${svc.fullName}/${r.name}`,
        names: memberNames(r.name, rpcNames, 'call'),
        request: u.resolve(r.request) ?? EMPTY,
        response: u.resolve(r.response) ?? EMPTY,
        clientStreaming: r.clientStreaming === true,
        serverStreaming: r.serverStreaming === true,
        deprecated: r.deprecated === true,
        service: svc,
        source: r,
      };
      if (r.description) rpc.description = r.description;
      return rpc;
    });
    return svc;
  });
}

/**
 * The HTTP status a stub's endpoint answers on success, and what an exercise call expects: the
 * declared success status when it is a number (`201`), else 200 with a body and 204 without
 * (`2XX`, `default`, or none declared).
 */
export function successCode(e: EndpointContract): number {
  return /^\d{3}$/.test(e.success.status) ? Number(e.success.status) : e.success.body ? 200 : 204;
}

const isSuccess = (status: string) => /^2/.test(status) || status === 'default';
const isError = (status: string) => /^[45]/.test(status);

/** The REST endpoints of a node, except the contract's own `/healthz` and `/ping`. */
export function endpointContracts(node: DesignNode, u: TypeUniverse): EndpointContract[] {
  const taken = new Set<string>();
  const out: EndpointContract[] = [];
  // `/a/{id}` and `/a/{key}` are one route to every router and to OpenAPI: the first
  // declaration of a route names its parameters, and later ones follow it
  const templates = new Map<string, string[]>();
  for (const e of node.api?.rest ?? []) {
    let path = httpPath(e.path);
    if (CONTRACT_PATHS.includes(path)) continue; // the contract's own
    const declared = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
    const template = path.replace(/\{[^}]*\}/g, '{}');
    const first = templates.get(template);
    const rename = new Map<string, string>();
    if (first) declared.forEach((n, i) => rename.set(n, first[i] ?? n));
    else templates.set(template, declared);
    if (rename.size > 0) path = path.replace(/\{([^}]+)\}/g, (_m, n: string) => `{${rename.get(n) ?? n}}`);
    const opId = e.operationId ?? legacyOperationName(e.method, path);
    const names = memberNames(opId, taken, 'op');
    const paramNames = new Set<string>();
    const payload = (p: { type: string; repeated?: boolean } | undefined) =>
      p === undefined ? undefined : { type: u.resolve(p.type) ?? EMPTY, repeated: p.repeated === true };
    const responses = e.responses.map((r) => {
      const res: ResponseContract = { status: r.status, problem: isError(r.status) && r.body === undefined };
      const body = payload(r.body);
      if (body) res.body = body;
      if (r.description) res.description = r.description;
      return res;
    });
    const endpoint: EndpointContract = {
      id: e.id,
      method: e.method,
      path,
      operationId: e.operationId ?? names.camel,
      names,
      params: e.params.map((p) => {
        const param: ParamContract = {
          name: p.in === 'path' ? (rename.get(p.name) ?? p.name) : p.name,
          in: p.in,
          type: u.resolve(p.type) ?? { kind: 'scalar', ref: 'string', scalar: 'string' },
          repeated: p.repeated === true,
          required: p.required,
          names: memberNames(p.name, paramNames, 'param'),
        };
        if (p.description) param.description = p.description;
        return param;
      }),
      responses,
      success: responses.find((r) => isSuccess(r.status)) ?? { status: '200', problem: false },
      deprecated: e.deprecated === true,
      source: e,
    };
    const body = payload(e.body);
    if (body) endpoint.body = body;
    if (e.summary) endpoint.summary = e.summary;
    out.push(endpoint);
  }
  return out;
}

/** The channels of a broker. */
export function channelContracts(broker: DesignNode, u: TypeUniverse): ChannelContract[] {
  const taken = new Set<string>();
  return (broker.channels ?? []).map((c) => ({
    broker,
    topic: c.topic,
    address: topicName(c.topic),
    message: u.resolve(c.message) ?? EMPTY,
    names: memberNames(topicName(c.topic), taken, 'topic'),
    source: c,
  }));
}
