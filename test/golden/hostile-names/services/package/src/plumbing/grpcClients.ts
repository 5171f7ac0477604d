/** Typed gRPC clients of the services this one calls. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import * as config from './config.js';
import { loadService } from './protos.js';

type UnaryMethod<Req, Res> = (
  req: Req,
  options: grpc.CallOptions,
  callback: (err: grpc.ServiceError | null, res?: Res) => void,
) => void;

/** GetThing request of c-pipes-tags. */
export interface CPipesTagsGrpcGetThingRequest {
  id: string;
}

/** GetThing response of c-pipes-tags. */
export interface CPipesTagsGrpcGetThingResponse {
  thing: string;
}

/** gRPC client of rmrfetc.cpipestags.v1.CPipesTagsService, at the address in C_PIPES_TAGS_GRPC_ADDR. */
export class CPipesTagsGrpcClient {
  private client: grpc.Client | null = null;

  private call<Req, Res>(method: string, req: Req): Promise<Res> {
    if (!this.client) {
      const Client = loadService("rmrfetc/cpipestags/v1/cpipestags.proto", "rmrfetc.cpipestags.v1.CPipesTagsService");
      this.client = new Client(config.env("C_PIPES_TAGS_GRPC_ADDR"), grpc.credentials.createInsecure());
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

  /** Calls GetThing on c-pipes-tags. */
  getThing(req: Partial<CPipesTagsGrpcGetThingRequest> = {}): Promise<CPipesTagsGrpcGetThingResponse> {
    const full: CPipesTagsGrpcGetThingRequest = { id: req.id ?? '' };
    return this.call<CPipesTagsGrpcGetThingRequest, CPipesTagsGrpcGetThingResponse>("GetThing", full);
  }
}

export const cPipesTagsGrpc = new CPipesTagsGrpcClient();

const CLIENTS: Record<string, { ping(path: string[]): Promise<string> }> = {
  "cPipesTagsGrpc": cPipesTagsGrpc,
};

/** The contract's Ping on an outgoing gRPC link, by client name. */
export function grpcPing(client: string, path: string[]): Promise<string> {
  const c = CLIENTS[client];
  return c ? c.ping(path) : Promise.reject(new Error(`no gRPC client ${client}`));
}
