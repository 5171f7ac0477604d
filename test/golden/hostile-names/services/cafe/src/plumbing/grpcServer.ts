/**
 * The gRPC server of cafe. Generated: do not edit; the RPC bodies live in src/handlers.ts.
 *
 * It serves the node's gRPC services (every RPC, streaming ones too), polyglot.ping.v1.PingService,
 * grpc.health.v1.Health and server reflection. An exercise call (metadata `polyglot-exercise`)
 * is answered here with the sample, after checking that the request is the sample.
 */

import * as grpc from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation, protoPath as healthProto, type ServingStatus } from 'grpc-health-check';
import * as path from 'node:path';
import * as handlers from '../handlers.js';
import * as config from './config.js';
import { HEADER } from './exercise.js';
import { pbDiff, pbSample, streamDiff } from './pb.js';
import { tree } from './ping.js';
import { CONTRACT_FILES, loadDefinition, serviceDefinition } from './protos.js';
import { unreachable } from './ready.js';

const SERVICES = ["rmrfetc.cafe.v1.CafeService", "polyglot.ping.v1.PingService", ''];

/** The standard health service (grpc.health.v1.Health): Kubernetes `grpc:` probes and grpcurl ask it. */
export const health = new HealthImplementation(
  Object.fromEntries(SERVICES.map((s): [string, ServingStatus] => [s, 'NOT_SERVING'])),
);

/** Health follows /readyz: SERVING while every broker and database answers, else NOT_SERVING. */
async function trackReadiness(): Promise<void> {
  const status: ServingStatus = (await unreachable()).length > 0 ? 'NOT_SERVING' : 'SERVING';
  for (const s of SERVICES) health.setStatus(s, status);
}

function requested(metadata: grpc.Metadata): boolean {
  return metadata.get(HEADER).length > 0;
}

function failure(err: unknown): grpc.ServiceError {
  if (err && typeof err === 'object' && typeof (err as { code?: unknown }).code === 'number') return err as grpc.ServiceError;
  const e = new Error(err instanceof Error ? err.message : String(err)) as grpc.ServiceError;
  return Object.assign(e, { code: grpc.status.INTERNAL, details: e.message, metadata: new grpc.Metadata() });
}

function invalid(name: string, what: string, problem: string): grpc.ServiceError {
  const details = `${name}: the request${what} differs from the sample: ${problem}`;
  return Object.assign(new Error(details), { code: grpc.status.INVALID_ARGUMENT, details, metadata: new grpc.Metadata() });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function unary(name: string, req: string, reqS: unknown, res: string, resS: unknown, user: (r: Any) => Promise<Any>): grpc.handleUnaryCall<Any, Any> {
  return (call, callback) => {
    if (requested(call.metadata)) {
      const problem = pbDiff(req, reqS, call.request);
      if (problem !== null) callback(invalid(name, '', problem));
      else callback(null, pbSample(res, resS));
      return;
    }
    user(call.request).then((answer) => callback(null, answer), (err: unknown) => callback(failure(err)));
  };
}

function server(name: string, req: string, reqS: unknown, res: string, resS: unknown, user: (r: Any) => AsyncIterable<Any>): grpc.handleServerStreamingCall<Any, Any> {
  return (call) => {
    void (async () => {
      try {
        if (requested(call.metadata)) {
          const problem = pbDiff(req, reqS, call.request);
          if (problem !== null) throw invalid(name, '', problem);
          call.write(pbSample(res, resS));
          call.write(pbSample(res, resS));
        } else {
          for await (const answer of user(call.request)) call.write(answer);
        }
        call.end();
      } catch (err) {
        call.emit('error', failure(err));
      }
    })();
  };
}

function client(name: string, req: string, reqS: unknown, res: string, resS: unknown, user: (r: AsyncIterable<Any>) => Promise<Any>): grpc.handleClientStreamingCall<Any, Any> {
  return (call, callback) => {
    if (requested(call.metadata)) {
      void (async () => {
        const got: unknown[] = [];
        for await (const r of call) got.push(r);
        const problem = streamDiff(req, reqS, got);
        if (problem !== null) callback(invalid(name, ' stream', problem));
        else callback(null, pbSample(res, resS));
      })().catch((err: unknown) => callback(failure(err)));
      return;
    }
    user(call).then((answer) => callback(null, answer), (err: unknown) => callback(failure(err)));
  };
}

function bidi(name: string, req: string, reqS: unknown, res: string, resS: unknown, user: (r: AsyncIterable<Any>) => AsyncIterable<Any>): grpc.handleBidiStreamingCall<Any, Any> {
  return (call) => {
    void (async () => {
      try {
        if (requested(call.metadata)) {
          let seen = 0;
          // the stream stays open for the answers once the requests end
          for await (const r of call.iterator({ destroyOnReturn: false })) {
            const problem = pbDiff(req, reqS, r);
            if (problem !== null) throw invalid(name, ' stream', problem);
            seen += 1;
            call.write(pbSample(res, resS));
          }
          if (seen !== 2) throw invalid(name, ' stream', `expected the sample twice, got ${seen} message(s)`);
        } else {
          for await (const answer of user(call.iterator({ destroyOnReturn: false }))) call.write(answer);
        }
        call.end();
      } catch (err) {
        call.emit('error', failure(err));
      }
    })();
  };
}

/** rmrfetc.cafe.v1.CafeService: the RPC bodies live in src/handlers.ts. */
const SERVICE_0: grpc.UntypedServiceImplementation = {
    "PingCall": unary("PingCall", "rmrfetc.cafe.v1.PingCallRequest", {"x":"x-sample"}, "rmrfetc.cafe.v1.PingCallResponse", {"y":"y-sample"}, handlers.rpcPingCall),
    "DeleteEverything": unary("DeleteEverything", "rmrfetc.cafe.v1.DeleteEverythingRequest", {"from_value":"from_value-sample","path_value":"path_value-sample","class_value":"class_value-sample","quoted_field":"quoted_field-sample","naive_field":5.5,"field_1st":6,"service_value":true}, "rmrfetc.cafe.v1.DeleteEverythingResponse", {"from_value":"from_value-sample","path_value":"path_value-sample","class_value":"class_value-sample","quoted_field":"quoted_field-sample","naive_field":5.5,"field_1st":6,"service_value":true}, handlers.rpcDeleteEverything),
    "PingRequest": unary("PingRequest", "rmrfetc.cafe.v1.PingRequestRequest", {}, "rmrfetc.cafe.v1.PingRequestResponse", {}, handlers.rpcPingRequest),
};

async function pingAnswer(request: { path?: string[] }): Promise<{ tree_json: string }> {
  return { tree_json: JSON.stringify(await tree(request.path ?? [])) };
}

const PING: grpc.UntypedServiceImplementation = {
  Ping: (call: grpc.ServerUnaryCall<Any, Any>, callback: grpc.sendUnaryData<Any>) => {
    pingAnswer(call.request as { path?: string[] }).then((r) => callback(null, r), (err: unknown) => callback(failure(err)));
  },
};

/** Starts the gRPC server on GRPC_PORT. */
export async function serveGrpc(): Promise<grpc.Server> {
  const server = new grpc.Server();
  const legacyPath = "/rmrfetc.cafe.v1.CafeService/Ping";
  let legacyServed = false;
  const add = (fullName: string, impl: grpc.UntypedServiceImplementation) => {
    const def = serviceDefinition(fullName);
    // the compatibility layer's in-service Ping, for callers not converted yet
    if (legacyPath && def['Ping']?.path === legacyPath && !impl['Ping']) {
      impl = { ...impl, Ping: PING['Ping'] as grpc.UntypedHandleCall };
      legacyServed = true;
    }
    server.addService(def, impl);
  };
  add("rmrfetc.cafe.v1.CafeService", SERVICE_0);
  const ping = serviceDefinition('polyglot.ping.v1.PingService');
  server.addService(ping, PING);
  const pingMethod = ping['Ping'];
  if (legacyPath && !legacyServed && pingMethod) server.addService({ Ping: { ...pingMethod, path: legacyPath } }, PING);
  health.addToServer(server);
  // reflection describes the service's own API and the health service, as grpcurl lists them
  const healthRoot = path.resolve(path.dirname(healthProto), '../..');
  new ReflectionService(loadDefinition([...CONTRACT_FILES, 'health/v1/health.proto'], [healthRoot])).addToServer(server);
  await new Promise<number>((resolve, reject) =>
    server.bindAsync(`0.0.0.0:${config.grpcPort()}`, grpc.ServerCredentials.createInsecure(), (err, port) =>
      err ? reject(err) : resolve(port),
    ),
  );
  await trackReadiness();
  setInterval(() => void trackReadiness(), 2000).unref();
  console.log(`gRPC rmrfetc.cafe.v1.CafeService, polyglot.ping.v1.PingService listening on ${config.grpcPort()} (with health and reflection)`);
  return server;
}
