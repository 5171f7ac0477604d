import type { Service } from 'protobufjs';
import { dnsLabel } from '../../model/naming';
import type { GrpcService, RpcMethod } from '../../model/types';
import { idFrom } from '../contracts/ids';
import type { ImportedService } from '../contracts/types';
import { packageOf, typeRefOf, type TypeContext } from './messages';
import { fullName } from './places';

const text = (c: string | null | undefined) => (c && c.trim() ? c.trim() : undefined);

/** A protobufjs service as the gRPC service of its own service node. */
export function serviceOf(s: Service, ctx: TypeContext): ImportedService {
  const name = fullName(s);
  const rpcs: RpcMethod[] = [];
  for (const m of s.methodsArray) {
    const where = ctx.places.where(m);
    const request = typeRefOf(m.resolvedRequestType, m.requestType, where, `the request of rpc ${name}.${m.name}`, ctx);
    const response = typeRefOf(
      m.resolvedResponseType,
      m.responseType,
      where,
      `the response of rpc ${name}.${m.name}`,
      ctx,
    );
    if (request === undefined || response === undefined) continue;
    const rpc: RpcMethod = { id: idFrom(`${name}.${m.name}`), name: m.name, request, response };
    if (m.requestStream) rpc.clientStreaming = true;
    if (m.responseStream) rpc.serverStreaming = true;
    const d = text(m.comment);
    if (d) rpc.description = d;
    if ((m.options as Record<string, unknown> | undefined)?.deprecated === true) rpc.deprecated = true;
    rpcs.push(rpc);
  }
  const grpc: GrpcService = { id: idFrom(name), name: s.name, package: packageOf(s), rpcs };
  const d = text(s.comment);
  if (d) grpc.description = d;
  const file = ctx.places.fileOf(s);
  if (file) grpc.file = file.path;
  const out: ImportedService = { key: name, name: dnsLabel(s.name), grpc: [grpc], rest: [], source: file?.path ?? '' };
  if (d) out.description = d;
  return out;
}
