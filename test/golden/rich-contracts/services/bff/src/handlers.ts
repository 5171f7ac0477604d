/**
 * The code of bff that is yours to edit: REST endpoints, gRPC methods and the message hook.
 * The plumbing (HTTP server, /healthz, /ping, gRPC server, brokers, clients) lives in
 * src/plumbing and is generated: regenerating the project rewrites it, never this file.
 */


// Typed clients of the services this one calls:
// import { ordersRest } from './plumbing/restClients.js';
// import { catalogGrpc } from './plumbing/grpcClients.js';

/** Called for each message consumed; `message` is the envelope {id, from, topic, path, payload}. */
export async function onMessage(_broker: string, _topic: string, _message: Record<string, unknown>): Promise<void> {
  // TODO: react to the message. The plumbing already lists it under "received" in /ping.
}
