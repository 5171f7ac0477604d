import type { Channel, DesignType, GrpcService, HttpEndpoint, Payload } from '../../model/types';
import { isScalar, isWellKnown, type TypeRef } from '../../model/typeRefs';

/** Rewrites a type reference (ids of imported types become the design's ids). */
export type RefMap = (ref: TypeRef) => TypeRef;

const payload = (p: Payload | undefined, map: RefMap): Payload | undefined =>
  p === undefined ? undefined : { ...p, type: map(p.type) };

export function remapType(t: DesignType, map: RefMap): DesignType {
  const parent = t.parent === undefined ? {} : { parent: map(t.parent) };
  if (t.kind === 'enum') return { ...t, ...parent };
  return { ...t, ...parent, fields: t.fields.map((f) => ({ ...f, type: map(f.type) })) };
}

export function remapGrpc(s: GrpcService, map: RefMap): GrpcService {
  return { ...s, rpcs: s.rpcs.map((r) => ({ ...r, request: map(r.request), response: map(r.response) })) };
}

export function remapEndpoint(e: HttpEndpoint, map: RefMap): HttpEndpoint {
  const out: HttpEndpoint = {
    ...e,
    params: e.params.map((p) => ({ ...p, type: map(p.type) })),
    responses: e.responses.map((r) => {
      const body = payload(r.body, map);
      return body ? { ...r, body } : { ...r };
    }),
  };
  const body = payload(e.body, map);
  if (body) out.body = body;
  return out;
}

export const remapChannel = (c: Channel, map: RefMap): Channel => ({ ...c, message: map(c.message) });

/** Every type reference of an API, each with the place a person would look for it. */
export function refsOf(api: {
  types?: readonly DesignType[];
  grpc?: readonly GrpcService[];
  rest?: readonly HttpEndpoint[];
  channels?: readonly Channel[];
}): { ref: TypeRef; where: string }[] {
  const out: { ref: TypeRef; where: string }[] = [];
  for (const t of api.types ?? []) {
    const from = t.file ? ` (${t.file})` : '';
    if (t.parent !== undefined) out.push({ ref: t.parent, where: `the parent of ${t.name}${from}` });
    if (t.kind === 'message')
      for (const f of t.fields) out.push({ ref: f.type, where: `field ${t.name}.${f.name}${from}` });
  }
  for (const s of api.grpc ?? [])
    for (const r of s.rpcs) {
      const at = `rpc ${s.name ?? s.id}.${r.name}${s.file ? ` (${s.file})` : ''}`;
      out.push({ ref: r.request, where: `the request of ${at}` }, { ref: r.response, where: `the response of ${at}` });
    }
  for (const e of api.rest ?? []) {
    const at = `${e.method} ${e.path}`;
    for (const p of e.params) out.push({ ref: p.type, where: `parameter ${p.name} of ${at}` });
    if (e.body) out.push({ ref: e.body.type, where: `the request body of ${at}` });
    for (const r of e.responses) if (r.body) out.push({ ref: r.body.type, where: `the ${r.status} response of ${at}` });
  }
  for (const c of api.channels ?? []) out.push({ ref: c.message, where: `the message of channel ${c.topic}` });
  return out;
}

/** Whether a reference names a scalar, a well-known type or one of `ids`. */
export const refKnown = (ref: TypeRef, ids: ReadonlySet<string>): boolean =>
  isScalar(ref) || isWellKnown(ref) || ids.has(ref);
