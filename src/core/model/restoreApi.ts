import { HTTP_METHODS, type HttpMethod } from '../catalog/catalog';
import { PROTO_IDENT, httpPath, pascalCase, protoPackageProblem, topicName } from './naming';
import { validProtoFile } from './packages';
import { LIMITS, isObj, list, q, str, type Obj } from './restoreUtil';
import { isScalar, isWellKnown } from './typeRefs';
import type {
  Channel,
  DesignType,
  GrpcService,
  HttpEndpoint,
  HttpParam,
  HttpResponse,
  Payload,
  RpcMethod,
  ServiceApi,
} from './types';

/**
 * Restores what a node serves (`api`) and a broker's `channels`: ids unique in the node, names
 * valid, every type reference resolving to a type of the right kind. Every repair is a warning
 * naming the node, the method and the old and new value.
 */

export type RefKind = 'scalar' | 'wellKnown' | 'message' | 'enum';

export interface ApiCtx {
  node: string;
  kindOf: (ref: string) => RefKind | undefined;
  warnings: string[];
  /** New message types made during the repair (a channel without a message gets an empty one). */
  addType: (t: DesignType) => void;
  newTypeId: (name: string) => string;
}

const ident = (v: unknown) => {
  const s = str(v, 100);
  return s !== undefined && PROTO_IDENT.test(s) ? s : undefined;
};
const isMessage = (k: RefKind | undefined) => k === 'message' || k === 'wellKnown';

function payload(raw: unknown, what: string, ctx: ApiCtx): Payload | undefined {
  if (!isObj(raw)) return undefined;
  const type = str(raw.type, 100) ?? '';
  if (ctx.kindOf(type) === undefined) {
    ctx.warnings.push(
      `${what} of ${q(ctx.node)} referred to ${q(type)}, which is not a type of the design; it was removed.`,
    );
    return undefined;
  }
  return raw.repeated === true ? { type, repeated: true } : { type };
}

function rpc(raw: Obj, service: string, names: Set<string>, ids: Set<string>, ctx: ApiCtx): RpcMethod | null {
  const id = str(raw.id, 100);
  const declared = str(raw.name, 200) ?? '';
  if (!id || ids.has(id)) {
    ctx.warnings.push(`The RPC ${q(declared)} of ${q(ctx.node)} had a missing or repeated id and was dropped.`);
    return null;
  }
  let name = ident(declared) ?? pascalCase(declared, 'Call');
  for (let n = 2; names.has(name); n++) name = `${ident(declared) ?? pascalCase(declared, 'Call')}${n}`;
  if (name !== declared)
    ctx.warnings.push(`The RPC ${q(declared)} of ${q(service)} on ${q(ctx.node)} was renamed to ${q(name)}.`);
  const ref = (v: unknown, side: string) => {
    const t = str(v, 100) ?? '';
    if (isMessage(ctx.kindOf(t))) return t;
    ctx.warnings.push(
      `The ${side} of the RPC ${q(name)} on ${q(ctx.node)} was ${q(t)}, not a message; it is now google.protobuf.Empty.`,
    );
    return 'google.protobuf.Empty';
  };
  ids.add(id);
  names.add(name);
  const out: RpcMethod = { id, name, request: ref(raw.request, 'request'), response: ref(raw.response, 'response') };
  if (raw.clientStreaming === true) out.clientStreaming = true;
  if (raw.serverStreaming === true) out.serverStreaming = true;
  const description = str(raw.description, 2000);
  if (description) out.description = description;
  if (raw.deprecated === true) out.deprecated = true;
  return out;
}

function grpcService(raw: unknown, ids: Set<string>, names: Set<string>, ctx: ApiCtx): GrpcService | null {
  if (!isObj(raw)) return null;
  const id = str(raw.id, 100);
  if (!id || ids.has(id)) {
    ctx.warnings.push(`A gRPC service of ${q(ctx.node)} had a missing or repeated id and was dropped.`);
    return null;
  }
  ids.add(id);
  const svc: GrpcService = { id, rpcs: [] };
  if (raw.name !== undefined) {
    if (ident(raw.name)) svc.name = raw.name as string;
    else
      ctx.warnings.push(
        `The gRPC service name ${q(raw.name)} of ${q(ctx.node)} was removed (not an identifier); the derived name is used.`,
      );
  }
  if (raw.package !== undefined) {
    const why = typeof raw.package === 'string' ? protoPackageProblem(raw.package) : 'A package is a text.';
    if (why) ctx.warnings.push(`The package ${q(raw.package)} of a gRPC service of ${q(ctx.node)} was removed: ${why}`);
    else svc.package = raw.package as string;
  }
  const key = `${svc.package ?? ''} ${svc.name ?? ''}`;
  if (names.has(key)) {
    ctx.warnings.push(`${q(ctx.node)} served two gRPC services named alike; the second was dropped with its RPCs.`);
    return null;
  }
  names.add(key);
  const label = svc.name ?? 'its gRPC service';
  const rpcNames = new Set<string>();
  svc.rpcs = list(raw.rpcs, (r) => (isObj(r) ? rpc(r, label, rpcNames, ids, ctx) : null), LIMITS.methodsPerNode);
  const description = str(raw.description, 2000);
  if (description) svc.description = description;
  if (raw.file !== undefined) {
    if (typeof raw.file === 'string' && validProtoFile(raw.file)) svc.file = raw.file;
    else
      ctx.warnings.push(
        `The file ${q(raw.file)} of a gRPC service of ${q(ctx.node)} was removed: not a relative .proto path.`,
      );
  }
  return svc;
}

function param(raw: unknown, what: string, ctx: ApiCtx): HttpParam | null {
  if (!isObj(raw)) return null;
  const name = str(raw.name, 100) ?? '';
  const where = raw.in === 'path' || raw.in === 'query' || raw.in === 'header' ? raw.in : undefined;
  if (!where || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
    ctx.warnings.push(
      `The parameter ${q(name)} of ${what} on ${q(ctx.node)} was dropped: it needs a name and a place (path, query or header).`,
    );
    return null;
  }
  let type = str(raw.type, 100) ?? '';
  const kind = ctx.kindOf(type);
  if (kind !== 'scalar' && kind !== 'enum') {
    ctx.warnings.push(
      `The parameter ${q(name)} of ${what} on ${q(ctx.node)} had the type ${q(type)}; a parameter is a scalar or an enum, so it is now a string.`,
    );
    type = 'string';
  }
  const p: HttpParam = { name, in: where, type, required: where === 'path' || raw.required === true };
  if (raw.repeated === true) p.repeated = true;
  const description = str(raw.description, 2000);
  if (description) p.description = description;
  return p;
}

function endpoint(raw: unknown, ids: Set<string>, routes: Set<string>, ctx: ApiCtx): HttpEndpoint | null {
  if (!isObj(raw)) return null;
  const id = str(raw.id, 100);
  const method = (HTTP_METHODS as readonly string[]).includes(raw.method as string)
    ? (raw.method as HttpMethod)
    : undefined;
  const declared = str(raw.path, 300);
  if (!id || ids.has(id) || !method || declared === undefined) {
    ctx.warnings.push(
      `An endpoint of ${q(ctx.node)} (${q(`${String(raw.method)} ${String(raw.path)}`)}) had a missing or repeated id, an unknown method or no path, and was dropped.`,
    );
    return null;
  }
  // the path is kept as written (the contracts read it through httpPath, which makes it safe)
  const path = httpPath(declared);
  const route = `${method} ${path.replace(/\{[^}]*\}/g, '{}')}`;
  if (routes.has(route)) {
    ctx.warnings.push(`${q(ctx.node)} served ${method} ${q(path)} twice; the second was dropped.`);
    return null;
  }
  ids.add(id);
  routes.add(route);
  const what = `${method} ${path}`;
  const params = list(raw.params, (p) => param(p, what, ctx), 200);
  const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  const out: HttpEndpoint = {
    id,
    method,
    path: declared,
    params: params.filter((p) => {
      if (p.in !== 'path' || inPath.includes(p.name)) return true;
      ctx.warnings.push(
        `The path parameter ${q(p.name)} of ${what} on ${q(ctx.node)} is not in its path and was dropped.`,
      );
      return false;
    }),
    responses: [],
  };
  for (const name of inPath)
    if (!out.params.some((p) => p.in === 'path' && p.name === name)) {
      out.params.push({ name, in: 'path', type: 'string', required: true });
      ctx.warnings.push(
        `The path parameter ${q(name)} of ${what} on ${q(ctx.node)} was not declared; it was added as a string.`,
      );
    }
  if (raw.operationId !== undefined) {
    if (ident(raw.operationId)) out.operationId = raw.operationId as string;
    else
      ctx.warnings.push(
        `The operation id ${q(raw.operationId)} of ${what} on ${q(ctx.node)} was removed (not an identifier); the derived one is used.`,
      );
  }
  const summary = str(raw.summary, 300);
  if (summary) out.summary = summary;
  if (raw.body !== undefined) {
    const body = payload(raw.body, `The body of ${what}`, ctx);
    if (body && method === 'GET')
      ctx.warnings.push(`The body of ${what} on ${q(ctx.node)} was removed: a GET has none.`);
    else if (body) out.body = body;
  }
  const statuses = new Set<string>();
  out.responses = list(raw.responses, (r): HttpResponse | null => {
    if (!isObj(r)) return null;
    const status = str(r.status, 10) ?? '';
    if (!/^([1-5](\d\d|XX)|default)$/.test(status) || statuses.has(status)) {
      ctx.warnings.push(
        `A response of ${what} on ${q(ctx.node)} had the status ${q(r.status)} (invalid or repeated) and was dropped.`,
      );
      return null;
    }
    statuses.add(status);
    const res: HttpResponse = { status };
    const body = r.body === undefined ? undefined : payload(r.body, `The ${status} answer of ${what}`, ctx);
    if (body) res.body = body;
    const description = str(r.description, 2000);
    if (description) res.description = description;
    return res;
  });
  if (raw.deprecated === true) out.deprecated = true;
  return out;
}

/** Restores a node's API; undefined when it declares none. */
export function repairApi(raw: unknown, ctx: ApiCtx): ServiceApi | undefined {
  if (raw === undefined) return undefined;
  if (!isObj(raw)) {
    ctx.warnings.push(`The API of ${q(ctx.node)} was unreadable and was dropped.`);
    return undefined;
  }
  const ids = new Set<string>();
  const names = new Set<string>();
  const routes = new Set<string>();
  return {
    grpc: list(raw.grpc, (s) => grpcService(s, ids, names, ctx), 100),
    rest: list(raw.rest, (e) => endpoint(e, ids, routes, ctx), LIMITS.methodsPerNode),
  };
}

/** Restores a broker's channels: one per topic, each with a message type. */
export function repairChannels(raw: unknown, ctx: ApiCtx): Channel[] | undefined {
  if (raw === undefined) return undefined;
  const topics = new Set<string>();
  return list(
    raw,
    (x): Channel | null => {
      if (!isObj(x)) return null;
      const topic = str(x.topic, 200) ?? '';
      if (topic.trim() === '' || topics.has(topicName(topic))) {
        ctx.warnings.push(`A channel ${q(topic)} of ${q(ctx.node)} was empty or repeated and was dropped.`);
        return null;
      }
      topics.add(topicName(topic));
      let message = str(x.message, 100) ?? '';
      if (!isMessage(ctx.kindOf(message))) {
        const name = `${pascalCase(topicName(topic), 'Topic')}Message`;
        const id = ctx.newTypeId(name);
        ctx.addType({ id, kind: 'message', name, fields: [] });
        ctx.warnings.push(
          `The channel ${q(topic)} of ${q(ctx.node)} had the message ${q(message)}, which is not a message of the design; it now carries an empty message ${name}.`,
        );
        message = id;
      }
      const ch: Channel = { topic, message };
      const description = str(x.description, 2000);
      if (description) ch.description = description;
      return ch;
    },
    LIMITS.methodsPerNode,
  );
}

/** The kind of a reference among the design's types. */
export function refKinds(types: readonly DesignType[]): (ref: string) => RefKind | undefined {
  const byId = new Map(types.map((t) => [t.id, t.kind]));
  return (ref) => (isScalar(ref) ? 'scalar' : isWellKnown(ref) ? 'wellKnown' : byId.get(ref));
}
