/** Typed gRPC clients of the services this one calls. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import type { InventoryServiceClient as InventoryGrpcStub } from '../gen/polyglotshop/inventory/v1/InventoryService.js';
import * as config from './config.js';
import { loadService } from './protos.js';

const EMPTY = new Error('empty answer');

function deadline(ms = config.TIMEOUT_MS): grpc.CallOptions {
  return { deadline: Date.now() + ms };
}

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
  private client: InventoryGrpcStub | null = null;

  private stub(): InventoryGrpcStub {
    if (!this.client) {
      const Client = loadService("polyglotshop/inventory/v1/inventory.proto", "polyglotshop.inventory.v1.InventoryService");
      this.client = new Client(config.env("INVENTORY_GRPC_ADDR"), grpc.credentials.createInsecure()) as unknown as InventoryGrpcStub;
    }
    return this.client;
  }

  /** The contract's Ping: the target's tree as JSON text. */
  ping(path: string[], timeoutMs = config.TIMEOUT_MS): Promise<string> {
    return new Promise((resolve, reject) => {
      this.stub().Ping({ path }, deadline(timeoutMs), (err, res) => (err || !res ? reject(err ?? EMPTY) : resolve(res.tree_json)));
    });
  }

  /** Calls Reserve on inventory. */
  reserve(req: Partial<InventoryGrpcReserveRequest> = {}): Promise<InventoryGrpcReserveResponse> {
    const full: InventoryGrpcReserveRequest = { sku: req.sku ?? '', quantity: req.quantity ?? 0 };
    return new Promise((resolve, reject) => {
      this.stub().Reserve(full, deadline(), (err, res) => (err || !res ? reject(err ?? EMPTY) : resolve(res)));
    });
  }

  /** Calls CheckStock on inventory. */
  checkStock(req: Partial<InventoryGrpcCheckStockRequest> = {}): Promise<InventoryGrpcCheckStockResponse> {
    const full: InventoryGrpcCheckStockRequest = { sku: req.sku ?? '' };
    return new Promise((resolve, reject) => {
      this.stub().CheckStock(full, deadline(), (err, res) => (err || !res ? reject(err ?? EMPTY) : resolve(res)));
    });
  }
}

export const inventoryGrpc = new InventoryGrpcClient();

const CLIENTS: Record<string, { ping(path: string[], timeoutMs?: number): Promise<string> }> = {
  "inventoryGrpc": inventoryGrpc,
};

/** The contract's Ping on an outgoing gRPC link, by client name. */
export function grpcPing(client: string, path: string[], timeoutMs?: number): Promise<string> {
  const c = CLIENTS[client];
  return c ? c.ping(path, timeoutMs) : Promise.reject(new Error(`no gRPC client ${client}`));
}
