/** Typed gRPC clients of the services this one calls. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import * as config from './config.js';
import { loadService } from './protos.js';

type UnaryMethod<Req, Res> = (
  req: Req,
  options: grpc.CallOptions,
  callback: (err: grpc.ServiceError | null, res?: Res) => void,
) => void;

/** Reserve request of inventory. */
export interface InventoryGrpcReserveRequest {
  sku: string;
  quantity: number;
}

/** Reserve response of inventory. */
export interface InventoryGrpcReserveResponse {
  reserved_value: boolean;
  left: number;
}

/** CheckStock request of inventory. */
export interface InventoryGrpcCheckStockRequest {
  sku: string;
}

/** CheckStock response of inventory. */
export interface InventoryGrpcCheckStockResponse {
  available: number;
}

/** gRPC client of polyglotshop.inventory.v1.InventoryService, at the address in INVENTORY_GRPC_ADDR. */
export class InventoryGrpcClient {
  private client: grpc.Client | null = null;

  private call<Req, Res>(method: string, req: Req): Promise<Res> {
    if (!this.client) {
      const Client = loadService("polyglotshop/inventory/v1/inventory.proto", "polyglotshop.inventory.v1.InventoryService");
      this.client = new Client(config.env("INVENTORY_GRPC_ADDR"), grpc.credentials.createInsecure());
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

  /** Calls Reserve on inventory. */
  reserve(req: Partial<InventoryGrpcReserveRequest> = {}): Promise<InventoryGrpcReserveResponse> {
    const full: InventoryGrpcReserveRequest = { sku: req.sku ?? '', quantity: req.quantity ?? 0 };
    return this.call<InventoryGrpcReserveRequest, InventoryGrpcReserveResponse>("Reserve", full);
  }

  /** Calls CheckStock on inventory. */
  checkStock(req: Partial<InventoryGrpcCheckStockRequest> = {}): Promise<InventoryGrpcCheckStockResponse> {
    const full: InventoryGrpcCheckStockRequest = { sku: req.sku ?? '' };
    return this.call<InventoryGrpcCheckStockRequest, InventoryGrpcCheckStockResponse>("CheckStock", full);
  }
}

export const inventoryGrpc = new InventoryGrpcClient();

const CLIENTS: Record<string, { ping(path: string[]): Promise<string> }> = {
  "inventoryGrpc": inventoryGrpc,
};

/** The contract's Ping on an outgoing gRPC link, by client name. */
export function grpcPing(client: string, path: string[]): Promise<string> {
  const c = CLIENTS[client];
  return c ? c.ping(path) : Promise.reject(new Error(`no gRPC client ${client}`));
}
