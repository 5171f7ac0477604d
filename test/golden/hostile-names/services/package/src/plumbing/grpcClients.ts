/** Typed gRPC clients of the services this one calls. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import * as config from './config.js';
import { method, type MethodResult } from './exercise.js';
import { pbDiff, pbSample, streamDiff } from './pb.js';
import { clientOf, serviceDefinition } from './protos.js';
import type { GetThingRequest as _rmrfetc_cpipestags_v1_GetThingRequest, GetThingRequest__Output as _rmrfetc_cpipestags_v1_GetThingRequest__Output } from '../gen/rmrfetc/cpipestags/v1/GetThingRequest.js';
import type { GetThingResponse as _rmrfetc_cpipestags_v1_GetThingResponse, GetThingResponse__Output as _rmrfetc_cpipestags_v1_GetThingResponse__Output } from '../gen/rmrfetc/cpipestags/v1/GetThingResponse.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function deadline(ms = config.TIMEOUT_MS): grpc.CallOptions {
  return { deadline: Date.now() + ms };
}

/** The metadata of an exercise call. */
function marked(): grpc.Metadata {
  const m = new grpc.Metadata();
  m.set('polyglot-exercise', '1');
  return m;
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of stream) out.push(x);
  return out;
}

/** gRPC client of rmrfetc.cpipestags.v1.CPipesTagsService, at the address in C_PIPES_TAGS_GRPC_ADDR. */
export class CPipesTagsGrpcClient {
  private readonly stubs = new Map<string, Any>();

  private stub(fullName: string): Any {
    let s = this.stubs.get(fullName);
    if (!s) {
      const Client = clientOf(fullName);
      s = new Client(config.env("C_PIPES_TAGS_GRPC_ADDR"), grpc.credentials.createInsecure());
      this.stubs.set(fullName, s);
    }
    return s;
  }

  /** The contract's Ping: the target's tree as JSON text. */
  ping(path: string[], timeoutMs = config.TIMEOUT_MS): Promise<string> {
    return new Promise((resolve, reject) => {
      // c-pipes-tags is not converted to the typed contracts yet: its in-service Ping
      const ping = serviceDefinition('polyglot.ping.v1.PingService')['Ping'];
      if (!ping) throw new Error('no Ping in polyglot.ping.v1');
      this.stub('polyglot.ping.v1.PingService').makeUnaryRequest(
        "/rmrfetc.cpipestags.v1.CPipesTagsService/Ping",
        ping.requestSerialize,
        ping.responseDeserialize,
        { path },
        new grpc.Metadata(),
        deadline(timeoutMs),
        (err: Error | null, res?: { tree_json: string }) => (err || !res ? reject(err ?? new Error('empty answer')) : resolve(res.tree_json)),
      );
    });
  }

  /** rmrfetc.cpipestags.v1.CPipesTagsService/GetThing on c-pipes-tags (unary). */
  getThing(request: _rmrfetc_cpipestags_v1_GetThingRequest, metadata = new grpc.Metadata(), timeoutMs = config.TIMEOUT_MS): Promise<_rmrfetc_cpipestags_v1_GetThingResponse__Output> {
    return new Promise((resolve, reject) => {
      this.stub("rmrfetc.cpipestags.v1.CPipesTagsService")["GetThing"](request, metadata, deadline(timeoutMs), (err: Error | null, answer: _rmrfetc_cpipestags_v1_GetThingResponse__Output) => (err ? reject(err) : resolve(answer)));
    });
  }

  /** Calls every RPC this link uses with the sample request and checks the answers. */
  async exercise(timeoutMs = config.TIMEOUT_MS): Promise<MethodResult[]> {
    return [
      await method("GetThing", async () => pbDiff("rmrfetc.cpipestags.v1.GetThingResponse", {"thing":"thing-sample"}, await this.getThing(pbSample<_rmrfetc_cpipestags_v1_GetThingRequest>("rmrfetc.cpipestags.v1.GetThingRequest", {"id":"id-sample"}), marked(), timeoutMs))),
    ];
  }
}

export const cPipesTagsGrpc = new CPipesTagsGrpcClient();

const CLIENTS: Record<string, { ping(path: string[], timeoutMs?: number): Promise<string>; exercise(timeoutMs?: number): Promise<MethodResult[]> }> = {
  "cPipesTagsGrpc": cPipesTagsGrpc,
};

/** The contract's Ping on an outgoing gRPC link, by client name. */
export function grpcPing(client: string, path: string[], timeoutMs?: number): Promise<string> {
  const c = CLIENTS[client];
  return c ? c.ping(path, timeoutMs) : Promise.reject(new Error(`no gRPC client ${client}`));
}

/** The typed exercise of an outgoing gRPC link, by client name. */
export async function grpcExercise(client: string, timeoutMs?: number): Promise<MethodResult[]> {
  const c = CLIENTS[client];
  return c ? c.exercise(timeoutMs) : [];
}
