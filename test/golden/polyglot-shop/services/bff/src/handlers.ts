/**
 * The code of bff that is yours to edit: REST endpoints, gRPC methods and the message hook.
 * The plumbing (HTTP server, /healthz, /ping, gRPC server, brokers, clients) lives in
 * src/plumbing and is generated: regenerating the project rewrites it, never this file.
 */

import type * as models from './models.js';
import { Problem } from './plumbing/exercise.js';

export { Problem };

// Typed clients of the services this one calls:
// import { ordersRest } from './plumbing/restClients.js';
// import { inventoryGrpc } from './plumbing/grpcClients.js';

/**
 * GET /api/cart
 */
export async function getApiCart(): Promise<models.GetApiCartResponse> {
  // TODO: replace the sample data with your logic.
  return {"items":1,"total":2.5};
}

/** Called for each message consumed; `message` is the envelope {id, from, topic, path, payload}. */
export async function onMessage(_broker: string, _topic: string, _message: Record<string, unknown>): Promise<void> {
  // TODO: react to the message. The plumbing already lists it under "received" in /ping.
}
