import { pascalCase, protoServiceName, standardPackageProblem } from '../model/naming';
import { nodePackage } from '../model/packages';
import type { TypeRef } from '../model/typeRefs';
import type { Design, DesignNode, GrpcService, MessageField, RpcMethod, ServiceApi } from '../model/types';
import {
  apiNode,
  apiOf,
  dropUnusedOwned,
  fail,
  forgetUses,
  isFail,
  pascalNameProblem,
  refKind,
  withApi,
} from './apiShared';
import { addType, freeTypeName, renameType } from './apiTypes';
import { newId, type OpResult } from './ids';
import { typeUsages } from './usages';

/**
 * Edits of what a service serves: its gRPC services and RPCs, its REST endpoints (their
 * parameters and responses are in apiRest.ts), and, in apiChannels.ts, a broker's channels. Each
 * returns a new design and never changes its input. A new RPC or endpoint gets message types of
 * its own (`<Rpc>Request`, `<Rpc>Response`), owned by its node, as buf's STANDARD lint wants.
 */

export * from './apiTypes';
export * from './apiEndpoints';
export * from './apiRest';
export * from './apiChannels';
export * from './apiNumbers';
export { typeUsages, listUsages, type TypeUsage } from './usages';

type Fields = Omit<MessageField, 'number'>[];

/** Why a gRPC service name or package cannot be used (unique over the design, STANDARD-clean), or null. */
function serviceProblem(design: Design, node: DesignNode, s: GrpcService): string | null {
  const name = s.name ?? protoServiceName(node.name);
  if (s.name !== undefined) {
    const why = pascalNameProblem(s.name, 'service');
    if (why) return why;
    if (!s.name.endsWith('Service')) return 'A gRPC service name ends in "Service" (OrderService).';
  }
  if (s.package !== undefined) {
    const why = standardPackageProblem(s.package);
    if (why) return why;
  }
  const full = `${s.package ?? nodePackage(design.name, node)}.${name}`;
  for (const n of design.nodes)
    for (const o of n.api?.grpc ?? [])
      if (o.id !== s.id && `${o.package ?? nodePackage(design.name, n)}.${o.name ?? protoServiceName(n.name)}` === full)
        return `${n.name} already serves ${full}.`;
  return null;
}

/** Adds a gRPC service to a node; a second one needs a name of its own, so it gets one. */
export function addGrpcService(
  design: Design,
  nodeId: string,
  args: { name?: string; package?: string; id?: string } = {},
): OpResult<{ id: string }> {
  const node = apiNode(design, nodeId);
  if (isFail(node)) return node;
  const api = apiOf(node);
  const svc: GrpcService = { id: args.id ?? newId('svc'), rpcs: [] };
  if (args.package !== undefined) svc.package = args.package;
  if (args.name !== undefined) svc.name = args.name;
  else if (api.grpc.length > 0) {
    const base = pascalCase(node.name, 'Svc').replace(/Service$/, '');
    for (let i = 2; !svc.name || serviceProblem(design, node, svc); i++) svc.name = `${base}${i}Service`;
  }
  const why = serviceProblem(design, node, svc);
  if (why) return fail(why);
  return { ok: true, design: withApi(design, node, { ...api, grpc: [...api.grpc, svc] }), id: svc.id };
}

/** Changes a gRPC service's name or package (`null` goes back to the derived one) or description. */
export function updateGrpcService(
  design: Design,
  nodeId: string,
  serviceId: string,
  patch: { name?: string | null; package?: string | null; description?: string },
): OpResult {
  const node = apiNode(design, nodeId);
  if (isFail(node)) return node;
  const api = apiOf(node);
  const s = api.grpc.find((x) => x.id === serviceId);
  if (!s) return fail('That gRPC service no longer exists.');
  const next: GrpcService = { ...s };
  for (const key of ['name', 'package'] as const) {
    const v = patch[key];
    if (v === null) delete next[key];
    else if (v !== undefined) next[key] = v;
  }
  if (patch.description !== undefined) next.description = patch.description;
  const why = serviceProblem(design, node, next);
  if (why) return fail(why);
  return { ok: true, design: withApi(design, node, { ...api, grpc: api.grpc.map((x) => (x.id === s.id ? next : x)) }) };
}

/** Removes a gRPC service with its RPCs (and the messages made only for them). */
export function removeGrpcService(design: Design, nodeId: string, serviceId: string): OpResult {
  const node = apiNode(design, nodeId);
  if (isFail(node)) return node;
  const api = apiOf(node);
  const s = api.grpc.find((x) => x.id === serviceId);
  if (!s) return fail('That gRPC service no longer exists.');
  let next = withApi(design, node, { ...api, grpc: api.grpc.filter((x) => x.id !== serviceId) });
  next = forgetUses(next, nodeId, new Set(s.rpcs.map((r) => r.id)));
  return {
    ok: true,
    design: dropUnusedOwned(
      next,
      nodeId,
      s.rpcs.flatMap((r) => [r.request, r.response]),
    ),
  };
}

export interface AddRpcArgs {
  /** The service to add to; the node's first (made when it has none) by default. */
  serviceId?: string;
  name?: string;
  id?: string;
  /** An existing message; by default a new `<Name>Request` with `requestFields`. */
  request?: TypeRef;
  response?: TypeRef;
  requestFields?: Fields;
  responseFields?: Fields;
  clientStreaming?: boolean;
  serverStreaming?: boolean;
}

const isMessageRef = (design: Design, ref: TypeRef) => {
  const k = refKind(design, ref);
  return k === 'message' || (k === 'builtin' && ref.startsWith('google.protobuf.'));
};

/** Adds an RPC, with request and response messages of its own unless given ones. */
export function addRpc(
  design: Design,
  nodeId: string,
  args: AddRpcArgs = {},
): OpResult<{ id: string; serviceId: string }> {
  let next = design;
  let serviceId = args.serviceId;
  const first = apiNode(next, nodeId);
  if (isFail(first)) return first;
  if (serviceId === undefined) {
    serviceId = first.api?.grpc[0]?.id;
    if (serviceId === undefined) {
      const r = addGrpcService(next, nodeId);
      if (!r.ok) return r;
      next = r.design;
      serviceId = r.id;
    }
  }
  const node = apiNode(next, nodeId) as DesignNode;
  const api = apiOf(node);
  const svc = api.grpc.find((s) => s.id === serviceId);
  if (!svc) return fail('That gRPC service no longer exists.');
  let name = args.name;
  if (name === undefined)
    for (let i = svc.rpcs.length + 1; !name || svc.rpcs.some((r) => r.name === name); i++) name = `Call${i}`;
  const why = pascalNameProblem(name, 'RPC');
  if (why) return fail(why);
  if (svc.rpcs.some((r) => r.name === name)) return fail(`There is already an RPC named ${name}.`);
  const message = (
    given: TypeRef | undefined,
    suffix: string,
    fields: Fields | undefined,
  ): OpResult<{ ref: TypeRef }> => {
    if (given !== undefined)
      return isMessageRef(next, given)
        ? { ok: true, design: next, ref: given }
        : fail(`The ${suffix.toLowerCase()} of an RPC is a message.`);
    const name2 = freeTypeName(next, { owner: nodeId }, `${name}${suffix}`);
    const r = addType(next, { kind: 'message', owner: nodeId, name: name2, fields: fields ?? [] });
    if (!r.ok) return r;
    next = r.design;
    return { ok: true, design: next, ref: r.id };
  };
  const request = message(args.request, 'Request', args.requestFields ?? [{ name: 'id', type: 'string' }]);
  if (!request.ok) return request;
  const response = message(args.response, 'Response', args.responseFields);
  if (!response.ok) return response;
  const rpc: RpcMethod = { id: args.id ?? newId('rpc'), name, request: request.ref, response: response.ref };
  if (args.clientStreaming) rpc.clientStreaming = true;
  if (args.serverStreaming) rpc.serverStreaming = true;
  const n = next.nodes.find((x) => x.id === nodeId) as DesignNode;
  const a = apiOf(n);
  const grpc = a.grpc.map((s) => (s.id === serviceId ? { ...s, rpcs: [...s.rpcs, rpc] } : s));
  return { ok: true, design: withApi(next, n, { ...a, grpc }), id: rpc.id, serviceId };
}

function findRpc(api: ServiceApi, rpcId: string): { svc: GrpcService; rpc: RpcMethod } | undefined {
  for (const svc of api.grpc) {
    const rpc = svc.rpcs.find((r) => r.id === rpcId);
    if (rpc) return { svc, rpc };
  }
  return undefined;
}

export type RpcPatch = Partial<
  Pick<
    RpcMethod,
    'name' | 'request' | 'response' | 'clientStreaming' | 'serverStreaming' | 'description' | 'deprecated'
  >
>;

/**
 * Changes an RPC. A rename takes its own `<Old>Request` / `<Old>Response` messages along (when
 * only it uses them), so the names keep matching as buf's STANDARD lint wants.
 */
export function updateRpc(design: Design, nodeId: string, rpcId: string, patch: RpcPatch): OpResult {
  const node = apiNode(design, nodeId);
  if (isFail(node)) return node;
  const found = findRpc(apiOf(node), rpcId);
  if (!found) return fail('That RPC no longer exists.');
  const { svc, rpc } = found;
  const next: RpcMethod = { ...rpc, ...patch };
  for (const key of ['clientStreaming', 'serverStreaming', 'deprecated'] as const)
    if (next[key] === false) delete next[key];
  if (patch.name !== undefined && patch.name !== rpc.name) {
    const why = pascalNameProblem(patch.name, 'RPC');
    if (why) return fail(why);
    if (svc.rpcs.some((r) => r.id !== rpcId && r.name === patch.name))
      return fail(`There is already an RPC named ${patch.name}.`);
  }
  for (const side of ['request', 'response'] as const)
    if (patch[side] !== undefined && !isMessageRef(design, patch[side]))
      return fail(`The ${side} of an RPC is a message.`);
  let d = design;
  if (patch.name !== undefined && patch.name !== rpc.name)
    for (const [side, suffix] of [
      ['request', 'Request'],
      ['response', 'Response'],
    ] as const) {
      const t = d.types.find((x) => x.id === next[side]);
      if (!t || t.owner !== nodeId || t.name !== `${rpc.name}${suffix}` || typeUsages(d, t.id).length !== 1) continue;
      const r = renameType(d, t.id, `${patch.name}${suffix}`);
      if (r.ok) d = r.design;
    }
  const n = d.nodes.find((x) => x.id === nodeId) as DesignNode;
  const a = apiOf(n);
  const grpc = a.grpc.map((s) =>
    s.id === svc.id ? { ...s, rpcs: s.rpcs.map((r) => (r.id === rpcId ? next : r)) } : s,
  );
  d = withApi(d, n, { ...a, grpc });
  return { ok: true, design: dropUnusedOwned(d, nodeId, [rpc.request, rpc.response]) };
}

/** Removes an RPC (and the messages made only for it); links stop listing it. */
export function removeRpc(design: Design, nodeId: string, rpcId: string): OpResult {
  const node = apiNode(design, nodeId);
  if (isFail(node)) return node;
  const api = apiOf(node);
  const found = findRpc(api, rpcId);
  if (!found) return fail('That RPC no longer exists.');
  const grpc = api.grpc.map((s) => (s.id === found.svc.id ? { ...s, rpcs: s.rpcs.filter((r) => r.id !== rpcId) } : s));
  let d = withApi(design, node, { ...api, grpc });
  d = forgetUses(d, nodeId, new Set([rpcId]));
  return { ok: true, design: dropUnusedOwned(d, nodeId, [found.rpc.request, found.rpc.response]) };
}
