/** Typed gRPC clients of the services this one calls. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import type { CatalogServiceClient as CatalogGrpcStub } from '../gen/richcontracts/catalog/v1/CatalogService.js';
import * as config from './config.js';
import { loadService } from './protos.js';

const EMPTY = new Error('empty answer');

function deadline(ms = config.TIMEOUT_MS): grpc.CallOptions {
  return { deadline: Date.now() + ms };
}

/** GetProduct request of catalog. */
export interface CatalogGrpcGetProductRequest {
  sku: string;
}

/** GetProduct response of catalog. */
export interface CatalogGrpcGetProductResponse {
}

/** Quote request of catalog. */
export interface CatalogGrpcQuoteRequest {
}

/** Quote response of catalog. */
export interface CatalogGrpcQuoteResponse {
}

/** gRPC client of richcontracts.catalog.v1.CatalogService, at the address in PRODUCTS_GRPC_ADDR. */
export class CatalogGrpcClient {
  private client: CatalogGrpcStub | null = null;

  private stub(): CatalogGrpcStub {
    if (!this.client) {
      const Client = loadService("richcontracts/catalog/v1/catalog.proto", "richcontracts.catalog.v1.CatalogService");
      this.client = new Client(config.env("PRODUCTS_GRPC_ADDR"), grpc.credentials.createInsecure()) as unknown as CatalogGrpcStub;
    }
    return this.client;
  }

  /** The contract's Ping: the target's tree as JSON text. */
  ping(path: string[], timeoutMs = config.TIMEOUT_MS): Promise<string> {
    return new Promise((resolve, reject) => {
      this.stub().Ping({ path }, deadline(timeoutMs), (err, res) => (err || !res ? reject(err ?? EMPTY) : resolve(res.tree_json)));
    });
  }

  /** Calls GetProduct on catalog. */
  getProduct(req: Partial<CatalogGrpcGetProductRequest> = {}): Promise<CatalogGrpcGetProductResponse> {
    const full: CatalogGrpcGetProductRequest = { sku: req.sku ?? '' };
    return new Promise((resolve, reject) => {
      this.stub().GetProduct(full, deadline(), (err, res) => (err || !res ? reject(err ?? EMPTY) : resolve(res)));
    });
  }

  /** Calls Quote on catalog. */
  quote(req: Partial<CatalogGrpcQuoteRequest> = {}): Promise<CatalogGrpcQuoteResponse> {
    const full: CatalogGrpcQuoteRequest = {  };
    return new Promise((resolve, reject) => {
      this.stub().Quote(full, deadline(), (err, res) => (err || !res ? reject(err ?? EMPTY) : resolve(res)));
    });
  }
}

export const catalogGrpc = new CatalogGrpcClient();

const CLIENTS: Record<string, { ping(path: string[], timeoutMs?: number): Promise<string> }> = {
  "catalogGrpc": catalogGrpc,
};

/** The contract's Ping on an outgoing gRPC link, by client name. */
export function grpcPing(client: string, path: string[], timeoutMs?: number): Promise<string> {
  const c = CLIENTS[client];
  return c ? c.ping(path, timeoutMs) : Promise.reject(new Error(`no gRPC client ${client}`));
}
