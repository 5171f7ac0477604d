/** Typed gRPC clients of the services this one calls. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import type { AnExtremelyLongServiceNameThatKeepsGoingServiceClient as AnExtremelyLongServiceNameThatKeepsGoingGrpcStub } from '../gen/rmrfetc/anextremelylongservicenamethatkeepsgoing/v1/AnExtremelyLongServiceNameThatKeepsGoingService.js';
import * as config from './config.js';
import { loadService } from './protos.js';

const EMPTY = new Error('empty answer');

function deadline(ms = config.TIMEOUT_MS): grpc.CallOptions {
  return { deadline: Date.now() + ms };
}

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
  private client: AnExtremelyLongServiceNameThatKeepsGoingGrpcStub | null = null;

  private stub(): AnExtremelyLongServiceNameThatKeepsGoingGrpcStub {
    if (!this.client) {
      const Client = loadService("rmrfetc/anextremelylongservicenamethatkeepsgoing/v1/anextremelylongservicenamethatkeepsgoing.proto", "rmrfetc.anextremelylongservicenamethatkeepsgoing.v1.AnExtremelyLongServiceNameThatKeepsGoingService");
      this.client = new Client(config.env("AN_EXTREMELY_LONG_SERVICE_NAME_THAT_GRPC_ADDR"), grpc.credentials.createInsecure()) as unknown as AnExtremelyLongServiceNameThatKeepsGoingGrpcStub;
    }
    return this.client;
  }

  /** The contract's Ping: the target's tree as JSON text. */
  ping(path: string[], timeoutMs = config.TIMEOUT_MS): Promise<string> {
    return new Promise((resolve, reject) => {
      this.stub().Ping({ path }, deadline(timeoutMs), (err, res) => (err || !res ? reject(err ?? EMPTY) : resolve(res.tree_json)));
    });
  }

  /** Calls AnExtremelyLongServiceNameThatKeepsGoing on an-extremely-long-service-name-that. */
  anExtremelyLongServiceNameThatKeepsGoing(req: Partial<AnExtremelyLongServiceNameThatKeepsGoingGrpcAnExtremelyLongServiceNameThatKeepsGoingRequest> = {}): Promise<AnExtremelyLongServiceNameThatKeepsGoingGrpcAnExtremelyLongServiceNameThatKeepsGoingResponse> {
    const full: AnExtremelyLongServiceNameThatKeepsGoingGrpcAnExtremelyLongServiceNameThatKeepsGoingRequest = { an_extremely_long_service_name_that: req.an_extremely_long_service_name_that ?? '' };
    return new Promise((resolve, reject) => {
      this.stub().AnExtremelyLongServiceNameThatKeepsGoing(full, deadline(), (err, res) => (err || !res ? reject(err ?? EMPTY) : resolve(res)));
    });
  }
}

export const anExtremelyLongServiceNameThatKeepsGoingGrpc = new AnExtremelyLongServiceNameThatKeepsGoingGrpcClient();

const CLIENTS: Record<string, { ping(path: string[], timeoutMs?: number): Promise<string> }> = {
  "anExtremelyLongServiceNameThatKeepsGoingGrpc": anExtremelyLongServiceNameThatKeepsGoingGrpc,
};

/** The contract's Ping on an outgoing gRPC link, by client name. */
export function grpcPing(client: string, path: string[], timeoutMs?: number): Promise<string> {
  const c = CLIENTS[client];
  return c ? c.ping(path, timeoutMs) : Promise.reject(new Error(`no gRPC client ${client}`));
}
