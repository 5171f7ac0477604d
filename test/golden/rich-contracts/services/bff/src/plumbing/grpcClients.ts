/** Typed gRPC clients of the services this one calls. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import * as config from './config.js';
import { method, type MethodResult } from './exercise.js';
import { pbDiff, pbSample, streamDiff } from './pb.js';
import { clientOf, serviceDefinition } from './protos.js';
import type { GetProductRequest as _shop_catalog_v1_GetProductRequest, GetProductRequest__Output as _shop_catalog_v1_GetProductRequest__Output } from '../gen/shop/catalog/v1/GetProductRequest.js';
import type { GetProductResponse as _shop_catalog_v1_GetProductResponse, GetProductResponse__Output as _shop_catalog_v1_GetProductResponse__Output } from '../gen/shop/catalog/v1/GetProductResponse.js';
import type { QuoteRequest as _shop_catalog_v1_QuoteRequest, QuoteRequest__Output as _shop_catalog_v1_QuoteRequest__Output } from '../gen/shop/catalog/v1/QuoteRequest.js';
import type { QuoteResponse as _shop_catalog_v1_QuoteResponse, QuoteResponse__Output as _shop_catalog_v1_QuoteResponse__Output } from '../gen/shop/catalog/v1/QuoteResponse.js';

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

/** gRPC client of shop.catalog.v1.ProductCatalogService, at the address in PRODUCTS_GRPC_ADDR. */
export class CatalogGrpcClient {
  private readonly stubs = new Map<string, Any>();

  private stub(fullName: string): Any {
    let s = this.stubs.get(fullName);
    if (!s) {
      const Client = clientOf(fullName);
      s = new Client(config.env("PRODUCTS_GRPC_ADDR"), grpc.credentials.createInsecure());
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

  /** shop.catalog.v1.ProductCatalogService/GetProduct on catalog (unary). */
  getProduct(request: _shop_catalog_v1_GetProductRequest, metadata = new grpc.Metadata(), timeoutMs = config.TIMEOUT_MS): Promise<_shop_catalog_v1_GetProductResponse__Output> {
    return new Promise((resolve, reject) => {
      this.stub("shop.catalog.v1.ProductCatalogService")["GetProduct"](request, metadata, deadline(timeoutMs), (err: Error | null, answer: _shop_catalog_v1_GetProductResponse__Output) => (err ? reject(err) : resolve(answer)));
    });
  }

  /** shop.catalog.v1.ProductCatalogService/Quote on catalog (unary). */
  quote(request: _shop_catalog_v1_QuoteRequest, metadata = new grpc.Metadata(), timeoutMs = config.TIMEOUT_MS): Promise<_shop_catalog_v1_QuoteResponse__Output> {
    return new Promise((resolve, reject) => {
      this.stub("shop.catalog.v1.ProductCatalogService")["Quote"](request, metadata, deadline(timeoutMs), (err: Error | null, answer: _shop_catalog_v1_QuoteResponse__Output) => (err ? reject(err) : resolve(answer)));
    });
  }

  /** Calls every RPC this link uses with the sample request and checks the answers. */
  async exercise(timeoutMs = config.TIMEOUT_MS): Promise<MethodResult[]> {
    return [
      await method("GetProduct", async () => pbDiff("shop.catalog.v1.GetProductResponse", {"product":{"sku":"sku-sample","name":"name-sample","price":{"currency_code":"currency_code-sample","units":2,"nanos":3},"category":"CATEGORY_BOOKS","tags":["tags-sample","tags-sample"],"attributes":{"k":"attributes-sample"},"stock":7,"variants":[{"id":"id-sample","options":[]},{"id":"id-sample","options":[]}]}}, await this.getProduct(pbSample<_shop_catalog_v1_GetProductRequest>("shop.catalog.v1.GetProductRequest", {"sku":"sku-sample"}), marked(), timeoutMs))),
      await method("Quote", async () => pbDiff("shop.catalog.v1.QuoteResponse", {"total":{"currency_code":"currency_code-sample","units":2,"nanos":3}}, await this.quote(pbSample<_shop_catalog_v1_QuoteRequest>("shop.catalog.v1.QuoteRequest", {"items":[{"sku":"sku-sample","quantity":2,"unit_price":{"currency_code":"currency_code-sample","units":2,"nanos":3}},{"sku":"sku-sample","quantity":2,"unit_price":{"currency_code":"currency_code-sample","units":2,"nanos":3}}]}), marked(), timeoutMs))),
    ];
  }
}

export const catalogGrpc = new CatalogGrpcClient();

const CLIENTS: Record<string, { ping(path: string[], timeoutMs?: number): Promise<string>; exercise(timeoutMs?: number): Promise<MethodResult[]> }> = {
  "catalogGrpc": catalogGrpc,
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
