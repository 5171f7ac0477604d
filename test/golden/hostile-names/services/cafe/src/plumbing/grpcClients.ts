/** Typed gRPC clients of the services this one calls. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import * as config from './config.js';
import { loadService } from './protos.js';

type UnaryMethod<Req, Res> = (
  req: Req,
  options: grpc.CallOptions,
  callback: (err: grpc.ServiceError | null, res?: Res) => void,
) => void;

/** AnExtremelyLongServiceNameThatKeepsGoing request of an-extremely-long-service-name-that. */
export interface AnExtremelyLongServiceNameThatKeepsGoingGrpcAnExtremelyLongServiceNameThatKeepsGoingRequest {
  an_extremely_long_service_name_that: string;
}

/** AnExtremelyLongServiceNameThatKeepsGoing response of an-extremely-long-service-name-that. */
export interface AnExtremelyLongServiceNameThatKeepsGoingGrpcAnExtremelyLongServiceNameThatKeepsGoingResponse {
  class_value: string;
  package_value: string;
}

/** gRPC client of rmrfetc.anextremelylongservicenamethatkeepsgoing.v1.AnExtremelyLongServiceNameThatKeepsGoingService, at the address in AN_EXTREMELY_LONG_SERVICE_NAME_THAT_GRPC_ADDR. */
export class AnExtremelyLongServiceNameThatKeepsGoingGrpcClient {
  private client: grpc.Client | null = null;

  private call<Req, Res>(method: string, req: Req): Promise<Res> {
    if (!this.client) {
      const Client = loadService("rmrfetc/anextremelylongservicenamethatkeepsgoing/v1/anextremelylongservicenamethatkeepsgoing.proto", "rmrfetc.anextremelylongservicenamethatkeepsgoing.v1.AnExtremelyLongServiceNameThatKeepsGoingService");
      this.client = new Client(config.env("AN_EXTREMELY_LONG_SERVICE_NAME_THAT_GRPC_ADDR"), grpc.credentials.createInsecure());
    }
    const client = this.client as unknown as Record<string, UnaryMethod<Req, Res>>;
    const fn = client[method];
    if (!fn) return Promise.reject(new Error(`no method ${method}`));
    return new Promise((resolve, reject) => {
      fn.call(client, req, { deadline: Date.now() + config.TIMEOUT_MS }, (err, res) =>
        err || res === undefined ? reject(err ?? new Error('empty answer')) : resolve(res),
      );
    });
  }

  /** The contract's Ping: the target's tree as JSON text. */
  async ping(path: string[]): Promise<string> {
    const res = await this.call<{ path: string[] }, { tree_json: string }>('Ping', { path });
    return res.tree_json;
  }

  /** Calls AnExtremelyLongServiceNameThatKeepsGoing on an-extremely-long-service-name-that. */
  anExtremelyLongServiceNameThatKeepsGoing(req: Partial<AnExtremelyLongServiceNameThatKeepsGoingGrpcAnExtremelyLongServiceNameThatKeepsGoingRequest> = {}): Promise<AnExtremelyLongServiceNameThatKeepsGoingGrpcAnExtremelyLongServiceNameThatKeepsGoingResponse> {
    const full: AnExtremelyLongServiceNameThatKeepsGoingGrpcAnExtremelyLongServiceNameThatKeepsGoingRequest = { an_extremely_long_service_name_that: req.an_extremely_long_service_name_that ?? '' };
    return this.call<AnExtremelyLongServiceNameThatKeepsGoingGrpcAnExtremelyLongServiceNameThatKeepsGoingRequest, AnExtremelyLongServiceNameThatKeepsGoingGrpcAnExtremelyLongServiceNameThatKeepsGoingResponse>("AnExtremelyLongServiceNameThatKeepsGoing", full);
  }
}

export const anExtremelyLongServiceNameThatKeepsGoingGrpc = new AnExtremelyLongServiceNameThatKeepsGoingGrpcClient();

const CLIENTS: Record<string, { ping(path: string[]): Promise<string> }> = {
  "anExtremelyLongServiceNameThatKeepsGoingGrpc": anExtremelyLongServiceNameThatKeepsGoingGrpc,
};

/** The contract's Ping on an outgoing gRPC link, by client name. */
export function grpcPing(client: string, path: string[]): Promise<string> {
  const c = CLIENTS[client];
  return c ? c.ping(path) : Promise.reject(new Error(`no gRPC client ${client}`));
}
