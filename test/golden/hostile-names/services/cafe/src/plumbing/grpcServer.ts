/** The gRPC server of rmrfetc.cafe.v1.CafeService. Generated: do not edit; the RPC bodies live in src/handlers.ts. */

import * as grpc from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation, protoPath as healthProto, type ServingStatus } from 'grpc-health-check';
import * as path from 'node:path';
import * as handlers from '../handlers.js';
import * as config from './config.js';
import type { CafeServiceHandlers } from '../gen/rmrfetc/cafe/v1/CafeService.js';
import { tree } from './ping.js';
import { loadDefinition, loadService } from './protos.js';
import { unreachable } from './ready.js';

const SERVICES = ["rmrfetc.cafe.v1.CafeService", ""];

/** The standard health service (grpc.health.v1.Health): Kubernetes `grpc:` probes and grpcurl ask it. */
export const health = new HealthImplementation(
  Object.fromEntries(SERVICES.map((s): [string, ServingStatus] => [s, 'NOT_SERVING'])),
);

/** Health follows /readyz: SERVING while every broker and database answers, else NOT_SERVING. */
async function trackReadiness(): Promise<void> {
  const status: ServingStatus = (await unreachable()).length > 0 ? 'NOT_SERVING' : 'SERVING';
  for (const s of SERVICES) health.setStatus(s, status);
}

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
  const implementation: CafeServiceHandlers = {
    Ping: unary(async (req) => ({ tree_json: JSON.stringify(await tree(req.path ?? [])) })),
    PingCall: unary((req) => handlers.rpcPingCall({ x: req.x })),
    DeleteEverything: unary((req) => handlers.rpcDeleteEverything({ from_value: req.from_value, path_value: req.path_value, class_value: req.class_value, quoted_field: req.quoted_field, naive_field: req.naive_field, field_1st: req.field_1st, service_value: req.service_value })),
    PingRequest: unary((req) => handlers.rpcPingRequest({  })),
  };
  server.addService(service.service, implementation);
  health.addToServer(server);
  // reflection describes the service's own API and the health service, as grpcurl lists them
  const healthRoot = path.resolve(path.dirname(healthProto), '../..');
  new ReflectionService(loadDefinition(["rmrfetc/cafe/v1/cafe.proto", 'health/v1/health.proto'], [healthRoot])).addToServer(server);
  await new Promise<number>((resolve, reject) =>
    server.bindAsync(`0.0.0.0:${config.grpcPort()}`, grpc.ServerCredentials.createInsecure(), (err, port) =>
      err ? reject(err) : resolve(port),
    ),
  );
  await trackReadiness();
  setInterval(() => void trackReadiness(), 2000).unref();
  console.log(`gRPC rmrfetc.cafe.v1.CafeService listening on ${config.grpcPort()} (with health and reflection)`);
  return server;
}
