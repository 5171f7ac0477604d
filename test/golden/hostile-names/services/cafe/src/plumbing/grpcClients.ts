/** Typed gRPC clients of the services this one calls. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import * as config from './config.js';
import { method, type MethodResult } from './exercise.js';
import { pbDiff, pbSample, streamDiff } from './pb.js';
import { clientOf, serviceDefinition } from './protos.js';
import type { AnExtremelyLongServiceNameThatKeepsGoingRequest as _rmrfetc_anextremelylongservicenamethatkeepsgoing_v1_AnExtremelyLongServiceNameThatKeepsGoingRequest, AnExtremelyLongServiceNameThatKeepsGoingRequest__Output as _rmrfetc_anextremelylongservicenamethatkeepsgoing_v1_AnExtremelyLongServiceNameThatKeepsGoingRequest__Output } from '../gen/rmrfetc/anextremelylongservicenamethatkeepsgoing/v1/AnExtremelyLongServiceNameThatKeepsGoingRequest.js';
import type { AnExtremelyLongServiceNameThatKeepsGoingResponse as _rmrfetc_anextremelylongservicenamethatkeepsgoing_v1_AnExtremelyLongServiceNameThatKeepsGoingResponse, AnExtremelyLongServiceNameThatKeepsGoingResponse__Output as _rmrfetc_anextremelylongservicenamethatkeepsgoing_v1_AnExtremelyLongServiceNameThatKeepsGoingResponse__Output } from '../gen/rmrfetc/anextremelylongservicenamethatkeepsgoing/v1/AnExtremelyLongServiceNameThatKeepsGoingResponse.js';

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

/** gRPC client of rmrfetc.anextremelylongservicenamethatkeepsgoing.v1.AnExtremelyLongServiceNameThatKeepsGoingService, at the address in AN_EXTREMELY_LONG_SERVICE_NAME_THAT_GRPC_ADDR. */
export class AnExtremelyLongServiceNameThatKeepsGoingGrpcClient {
  private readonly stubs = new Map<string, Any>();

  private stub(fullName: string): Any {
    let s = this.stubs.get(fullName);
    if (!s) {
      const Client = clientOf(fullName);
      s = new Client(config.env("AN_EXTREMELY_LONG_SERVICE_NAME_THAT_GRPC_ADDR"), grpc.credentials.createInsecure());
      this.stubs.set(fullName, s);
    }
    return s;
  }

  /** The contract's Ping (polyglot.ping.v1.PingService): the target's tree as JSON text. */
  ping(path: string[], timeoutMs = config.TIMEOUT_MS): Promise<string> {
    return new Promise((resolve, reject) => {
      this.stub('polyglot.ping.v1.PingService')['Ping']({ path }, new grpc.Metadata(), deadline(timeoutMs), (err: Error | null, res: { tree_json: string }) =>
        err ? reject(err) : resolve(res.tree_json),
      );
    });
  }

  /** rmrfetc.anextremelylongservicenamethatkeepsgoing.v1.AnExtremelyLongServiceNameThatKeepsGoingService/AnExtremelyLongServiceNameThatKeepsGoing on an-extremely-long-service-name-that (unary). */
  anExtremelyLongServiceNameThatKeepsGoing(request: _rmrfetc_anextremelylongservicenamethatkeepsgoing_v1_AnExtremelyLongServiceNameThatKeepsGoingRequest, metadata = new grpc.Metadata(), timeoutMs = config.TIMEOUT_MS): Promise<_rmrfetc_anextremelylongservicenamethatkeepsgoing_v1_AnExtremelyLongServiceNameThatKeepsGoingResponse__Output> {
    return new Promise((resolve, reject) => {
      this.stub("rmrfetc.anextremelylongservicenamethatkeepsgoing.v1.AnExtremelyLongServiceNameThatKeepsGoingService")["AnExtremelyLongServiceNameThatKeepsGoing"](request, metadata, deadline(timeoutMs), (err: Error | null, answer: _rmrfetc_anextremelylongservicenamethatkeepsgoing_v1_AnExtremelyLongServiceNameThatKeepsGoingResponse__Output) => (err ? reject(err) : resolve(answer)));
    });
  }

  /** Calls every RPC this link uses with the sample request and checks the answers. */
  async exercise(timeoutMs = config.TIMEOUT_MS): Promise<MethodResult[]> {
    return [
      await method("AnExtremelyLongServiceNameThatKeepsGoing", async () => pbDiff("rmrfetc.anextremelylongservicenamethatkeepsgoing.v1.AnExtremelyLongServiceNameThatKeepsGoingResponse", {"class_value":"class_value-sample","package_value":"package_value-sample"}, await this.anExtremelyLongServiceNameThatKeepsGoing(pbSample<_rmrfetc_anextremelylongservicenamethatkeepsgoing_v1_AnExtremelyLongServiceNameThatKeepsGoingRequest>("rmrfetc.anextremelylongservicenamethatkeepsgoing.v1.AnExtremelyLongServiceNameThatKeepsGoingRequest", {"an_extremely_long_service_name_that":"an_extremely_long_service_name_that-sample"}), marked(), timeoutMs))),
    ];
  }
}

export const anExtremelyLongServiceNameThatKeepsGoingGrpc = new AnExtremelyLongServiceNameThatKeepsGoingGrpcClient();

const CLIENTS: Record<string, { ping(path: string[], timeoutMs?: number): Promise<string>; exercise(timeoutMs?: number): Promise<MethodResult[]> }> = {
  "anExtremelyLongServiceNameThatKeepsGoingGrpc": anExtremelyLongServiceNameThatKeepsGoingGrpc,
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
