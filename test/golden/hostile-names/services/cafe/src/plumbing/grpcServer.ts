/** The gRPC server of rmrfetc.cafe.v1.CafeService. Generated: do not edit; the RPC bodies live in src/handlers.ts. */

import * as grpc from '@grpc/grpc-js';
import * as handlers from '../handlers.js';
import * as config from './config.js';
import type { PingCallRequest, PingCallResponse, DeleteEverythingRequest, DeleteEverythingResponse, PingRequestRequest, PingRequestResponse } from './contracts.js';
import { tree } from './ping.js';
import { loadService } from './protos.js';

function unary<Req, Res>(run: (req: Req) => Promise<Res>): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    run(call.request).then(
      (res) => callback(null, res),
      (err: unknown) => callback({ code: grpc.status.INTERNAL, details: err instanceof Error ? err.message : String(err) }),
    );
  };
}

/** Starts the gRPC server on GRPC_PORT. */
export async function serveGrpc(): Promise<grpc.Server> {
  const service = loadService("rmrfetc/cafe/v1/cafe.proto", "rmrfetc.cafe.v1.CafeService");
  const server = new grpc.Server();
  server.addService(service.service, {
    Ping: unary<{ path: string[] }, { tree_json: string }>(async (req) => ({ tree_json: JSON.stringify(await tree(req.path ?? [])) })),
    PingCall: unary<PingCallRequest, PingCallResponse>((req) => handlers.rpcPingCall({ x: req.x })),
    DeleteEverything: unary<DeleteEverythingRequest, DeleteEverythingResponse>((req) => handlers.rpcDeleteEverything({ from_value: req.from_value, path_value: req.path_value, class_value: req.class_value, quoted_field: req.quoted_field, naive_field: req.naive_field, field_1st: req.field_1st, service_value: req.service_value })),
    PingRequest: unary<PingRequestRequest, PingRequestResponse>((req) => handlers.rpcPingRequest({  })),
  });
  await new Promise<number>((resolve, reject) =>
    server.bindAsync(`0.0.0.0:${config.grpcPort()}`, grpc.ServerCredentials.createInsecure(), (err, port) =>
      err ? reject(err) : resolve(port),
    ),
  );
  console.log(`gRPC rmrfetc.cafe.v1.CafeService listening on ${config.grpcPort()}`);
  return server;
}
