/** Typed gRPC clients of the services this one calls. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import type { CPipesTagsServiceClient as CPipesTagsGrpcStub } from '../gen/rmrfetc/cpipestags/v1/CPipesTagsService.js';
import * as config from './config.js';
import { loadService } from './protos.js';

const EMPTY = new Error('empty answer');

function deadline(ms = config.TIMEOUT_MS): grpc.CallOptions {
  return { deadline: Date.now() + ms };
}

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
  private client: CPipesTagsGrpcStub | null = null;

  private stub(): CPipesTagsGrpcStub {
    if (!this.client) {
      const Client = loadService("rmrfetc/cpipestags/v1/cpipestags.proto", "rmrfetc.cpipestags.v1.CPipesTagsService");
      this.client = new Client(config.env("C_PIPES_TAGS_GRPC_ADDR"), grpc.credentials.createInsecure()) as unknown as CPipesTagsGrpcStub;
    }
    return this.client;
  }

  /** The contract's Ping: the target's tree as JSON text. */
  ping(path: string[], timeoutMs = config.TIMEOUT_MS): Promise<string> {
    return new Promise((resolve, reject) => {
      this.stub().Ping({ path }, deadline(timeoutMs), (err, res) => (err || !res ? reject(err ?? EMPTY) : resolve(res.tree_json)));
    });
  }

  /** Calls GetThing on c-pipes-tags. */
  getThing(req: Partial<CPipesTagsGrpcGetThingRequest> = {}): Promise<CPipesTagsGrpcGetThingResponse> {
    const full: CPipesTagsGrpcGetThingRequest = { id: req.id ?? '' };
    return new Promise((resolve, reject) => {
      this.stub().GetThing(full, deadline(), (err, res) => (err || !res ? reject(err ?? EMPTY) : resolve(res)));
    });
  }
}

export const cPipesTagsGrpc = new CPipesTagsGrpcClient();

const CLIENTS: Record<string, { ping(path: string[], timeoutMs?: number): Promise<string> }> = {
  "cPipesTagsGrpc": cPipesTagsGrpc,
};

/** The contract's Ping on an outgoing gRPC link, by client name. */
export function grpcPing(client: string, path: string[], timeoutMs?: number): Promise<string> {
  const c = CLIENTS[client];
  return c ? c.ping(path, timeoutMs) : Promise.reject(new Error(`no gRPC client ${client}`));
}
