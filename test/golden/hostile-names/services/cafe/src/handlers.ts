/**
 * The code of cafe that is yours to edit: REST endpoints, gRPC methods and the message hook.
 * The plumbing (HTTP server, /healthz, /ping, gRPC server, brokers, clients) lives in
 * src/plumbing and is generated: regenerating the project rewrites it, never this file.
 */

import { pbSample } from './plumbing/pb.js';
import type { DeleteEverythingRequest as _rmrfetc_cafe_v1_DeleteEverythingRequest, DeleteEverythingRequest__Output as _rmrfetc_cafe_v1_DeleteEverythingRequest__Output } from './gen/rmrfetc/cafe/v1/DeleteEverythingRequest.js';
import type { DeleteEverythingResponse as _rmrfetc_cafe_v1_DeleteEverythingResponse, DeleteEverythingResponse__Output as _rmrfetc_cafe_v1_DeleteEverythingResponse__Output } from './gen/rmrfetc/cafe/v1/DeleteEverythingResponse.js';
import type { PingCallRequest as _rmrfetc_cafe_v1_PingCallRequest, PingCallRequest__Output as _rmrfetc_cafe_v1_PingCallRequest__Output } from './gen/rmrfetc/cafe/v1/PingCallRequest.js';
import type { PingCallResponse as _rmrfetc_cafe_v1_PingCallResponse, PingCallResponse__Output as _rmrfetc_cafe_v1_PingCallResponse__Output } from './gen/rmrfetc/cafe/v1/PingCallResponse.js';
import type { PingRequestRequest as _rmrfetc_cafe_v1_PingRequestRequest, PingRequestRequest__Output as _rmrfetc_cafe_v1_PingRequestRequest__Output } from './gen/rmrfetc/cafe/v1/PingRequestRequest.js';
import type { PingRequestResponse as _rmrfetc_cafe_v1_PingRequestResponse, PingRequestResponse__Output as _rmrfetc_cafe_v1_PingRequestResponse__Output } from './gen/rmrfetc/cafe/v1/PingRequestResponse.js';

// Typed clients of the services this one calls:
// import { quoteSRest } from './plumbing/restClients.js';
// import { anExtremelyLongServiceNameThatKeepsGoingGrpc } from './plumbing/grpcClients.js';

/** gRPC rmrfetc.cafe.v1.CafeService/PingCall (unary). */
export async function rpcPingCall(_request: _rmrfetc_cafe_v1_PingCallRequest__Output): Promise<_rmrfetc_cafe_v1_PingCallResponse> {
  // TODO: replace the sample data with your logic.
  return pbSample<_rmrfetc_cafe_v1_PingCallResponse>("rmrfetc.cafe.v1.PingCallResponse", {"y":"y-sample"});
}

/** gRPC rmrfetc.cafe.v1.CafeService/DeleteEverything (unary). */
export async function rpcDeleteEverything(_request: _rmrfetc_cafe_v1_DeleteEverythingRequest__Output): Promise<_rmrfetc_cafe_v1_DeleteEverythingResponse> {
  // TODO: replace the sample data with your logic.
  return pbSample<_rmrfetc_cafe_v1_DeleteEverythingResponse>("rmrfetc.cafe.v1.DeleteEverythingResponse", {"from_value":"from_value-sample","path_value":"path_value-sample","class_value":"class_value-sample","quoted_field":"quoted_field-sample","naive_field":5.5,"field_1st":6,"service_value":true});
}

/** gRPC rmrfetc.cafe.v1.CafeService/PingRequest (unary). */
export async function rpcPingRequest(_request: _rmrfetc_cafe_v1_PingRequestRequest__Output): Promise<_rmrfetc_cafe_v1_PingRequestResponse> {
  // TODO: replace the sample data with your logic.
  return pbSample<_rmrfetc_cafe_v1_PingRequestResponse>("rmrfetc.cafe.v1.PingRequestResponse", {});
}

/** Called for each message consumed; `message` is the envelope {id, from, topic, path, payload}. */
export async function onMessage(_broker: string, _topic: string, _message: Record<string, unknown>): Promise<void> {
  // TODO: react to the message. The plumbing already lists it under "received" in /ping.
}
