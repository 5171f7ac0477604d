/**
 * The code of cafe that is yours to edit: REST endpoints, gRPC methods and the message hook.
 * The plumbing (HTTP server, /healthz, /ping, gRPC server, brokers, clients) lives in
 * src/plumbing and is generated: regenerating the project rewrites it, never this file.
 */

import type { PingCallRequest, PingCallResponse, DeleteEverythingRequest, DeleteEverythingResponse, PingRequestRequest, PingRequestResponse } from './plumbing/contracts.js';

// Typed clients of the services this one calls:
// import { quoteSRest } from './plumbing/restClients.js';
// import { anExtremelyLongServiceNameThatKeepsGoingGrpc } from './plumbing/grpcClients.js';

/** gRPC PingCall */
export async function rpcPingCall(_request: PingCallRequest): Promise<PingCallResponse> {
  // TODO: replace the sample data with your logic.
  return {
    y: "sample-y",
  };
}

/** gRPC DeleteEverything */
export async function rpcDeleteEverything(_request: DeleteEverythingRequest): Promise<DeleteEverythingResponse> {
  // TODO: replace the sample data with your logic.
  return {
    from_value: "sample-from_value",
    path_value: "sample-path_value",
    class_value: "sample-class_value",
    quoted_field: "sample-quoted_field",
    naive_field: 0.5,
    field_1st: 42,
    service_value: true,
  };
}

/** gRPC PingRequest */
export async function rpcPingRequest(_request: PingRequestRequest): Promise<PingRequestResponse> {
  // TODO: replace the sample data with your logic.
  return {};
}

/** Called for each message consumed; `message` is the envelope {id, from, topic, path, payload}. */
export async function onMessage(_broker: string, _topic: string, _message: Record<string, unknown>): Promise<void> {
  // TODO: react to the message. The plumbing already lists it under "received" in /ping.
}
