/** Typed gRPC clients of the services this one calls. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import * as config from './config.js';
import { method, type MethodResult } from './exercise.js';
import { pbDiff, pbSample, streamDiff } from './pb.js';
import { clientOf, serviceDefinition } from './protos.js';
import type { CheckStockRequest as _polyglotshop_inventory_v1_CheckStockRequest, CheckStockRequest__Output as _polyglotshop_inventory_v1_CheckStockRequest__Output } from '../gen/polyglotshop/inventory/v1/CheckStockRequest.js';
import type { CheckStockResponse as _polyglotshop_inventory_v1_CheckStockResponse, CheckStockResponse__Output as _polyglotshop_inventory_v1_CheckStockResponse__Output } from '../gen/polyglotshop/inventory/v1/CheckStockResponse.js';

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

/** gRPC client of polyglotshop.inventory.v1.InventoryService, at the address in INVENTORY_GRPC_ADDR. */
export class InventoryGrpcClient {
  private readonly stubs = new Map<string, Any>();

  private stub(fullName: string): Any {
    let s = this.stubs.get(fullName);
    if (!s) {
      const Client = clientOf(fullName);
      s = new Client(config.env("INVENTORY_GRPC_ADDR"), grpc.credentials.createInsecure());
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

  /** polyglotshop.inventory.v1.InventoryService/CheckStock on inventory (unary). */
  checkStock(request: _polyglotshop_inventory_v1_CheckStockRequest, metadata = new grpc.Metadata(), timeoutMs = config.TIMEOUT_MS): Promise<_polyglotshop_inventory_v1_CheckStockResponse__Output> {
    return new Promise((resolve, reject) => {
      this.stub("polyglotshop.inventory.v1.InventoryService")["CheckStock"](request, metadata, deadline(timeoutMs), (err: Error | null, answer: _polyglotshop_inventory_v1_CheckStockResponse__Output) => (err ? reject(err) : resolve(answer)));
    });
  }

  /** Calls every RPC this link uses with the sample request and checks the answers. */
  async exercise(timeoutMs = config.TIMEOUT_MS): Promise<MethodResult[]> {
    return [
      await method("CheckStock", async () => pbDiff("polyglotshop.inventory.v1.CheckStockResponse", {"available":1}, await this.checkStock(pbSample<_polyglotshop_inventory_v1_CheckStockRequest>("polyglotshop.inventory.v1.CheckStockRequest", {"sku":"sku-sample"}), marked(), timeoutMs))),
    ];
  }
}

export const inventoryGrpc = new InventoryGrpcClient();

const CLIENTS: Record<string, { ping(path: string[], timeoutMs?: number): Promise<string>; exercise(timeoutMs?: number): Promise<MethodResult[]> }> = {
  "inventoryGrpc": inventoryGrpc,
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
