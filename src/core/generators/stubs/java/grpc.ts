import { RPC_KIND_WORDS, rpcKind, sampleOfType, type GrpcContract, type RpcContract } from '../../../model/contracts';
import type { GeneratedFile } from '../../types';
import { javaString, uniqueIdent } from './names';
import { javaFile, type GrpcPlan, type JavaPlan } from './plan';
import { grpcJavaMethod, jsonLiteral } from './typed';

/**
 * gRPC: the server of the node's own services (plumbing/GrpcServer.java: every RPC of the four
 * kinds, polyglot.ping.v1.PingService, the compatibility layer's in-service Ping, health and
 * reflection) with the RPC bodies in handlers/RpcHandlers.java, and a typed client per outgoing
 * gRPC link. The classes come from the contract protos at build time (protobuf-maven-plugin), so
 * they are named as protoc names them.
 *
 * These files name proto classes by their fully qualified name (two services' protos may both
 * have an Order); a variable whose name equals the first package segment would hide that
 * package, so every variable here has an upper-case letter, which package segments never have.
 */

const HEADER = '// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.';
const PING_FILE = 'polyglot/ping/v1/ping.proto';

function pingClass(p: JavaPlan, name: string): string {
  return p.protos.topLevel(PING_FILE, 'polyglot.ping.v1', name);
}

function pingGrpc(p: JavaPlan): string {
  return p.protos.grpcClass(PING_FILE, 'polyglot.ping.v1', 'PingService');
}

/** The handler method of each own RPC in RpcHandlers: `<rpc>` (`<service><Rpc>` with several services). */
export function rpcHandlerNames(p: JavaPlan): Map<RpcContract, string> {
  const out = new Map<RpcContract, string>();
  const taken = new Set<string>();
  for (const s of p.services)
    for (const r of s.rpcs) {
      const base = p.services.length > 1 ? `${s.names.camel}${r.names.pascal}` : r.names.camel;
      out.set(r, uniqueIdent(base, taken));
    }
  return out;
}

function req(p: JavaPlan, r: RpcContract): string {
  return p.protos.message(r.request);
}

function res(p: JavaPlan, r: RpcContract): string {
  return p.protos.message(r.response);
}

/** `Protos.<T>parse(T.newBuilder(), "<sample json>")`: the sample message of a type. */
function sampleExpr(cls: string, json: string): string {
  return `Protos.<${cls}>parse(${cls}.newBuilder(), ${json})`;
}

function rpcHandlers(p: JavaPlan): GeneratedFile {
  const names = rpcHandlerNames(p);
  const methods = p.services.flatMap((s) =>
    s.rpcs.map((r) => {
      const n = names.get(r) ?? 'call';
      const k = rpcKind(r);
      const sample = sampleExpr(res(p, r), jsonLiteral(sampleOfType(r.response)));
      const doc = `  /** ${s.fullName}/${r.name} (${RPC_KIND_WORDS[k]}). */`;
      switch (k) {
        case 'unary':
          return `${doc}
  public ${res(p, r)} ${n}(${req(p, r)} rpcRequest) {
    // TODO: replace the sample answer with the real one.
    return ${sample};
  }`;
        case 'server':
          return `${doc}
  public void ${n}(${req(p, r)} rpcRequest, StreamObserver<${res(p, r)}> rpcAnswers) {
    // TODO: send the real answers (onNext for each); the plumbing completes the stream.
    rpcAnswers.onNext(${sample});
  }`;
        case 'client':
          return `${doc}
  public ${res(p, r)} ${n}(List<${req(p, r)}> rpcRequests) {
    // TODO: replace the sample answer with the real one (rpcRequests: every message the caller sent).
    return ${sample};
  }`;
        case 'bidi':
          return `${doc}
  public void ${n}(${req(p, r)} rpcRequest, StreamObserver<${res(p, r)}> rpcAnswers) {
    // TODO: answer each request (called once per message); the plumbing completes the stream.
    rpcAnswers.onNext(${sample});
  }`;
      }
    }),
  );
  const streams = p.services.some((s) => s.rpcs.some((r) => rpcKind(r) !== 'unary'));
  const lists = p.services.some((s) => s.rpcs.some((r) => rpcKind(r) === 'client'));
  return javaFile(
    p.handlers,
    'RpcHandlers',
    `// Your code: the gRPC methods other services call on this one. Safe to edit.
package ${p.handlers};

${streams ? 'import io.grpc.stub.StreamObserver;\n' : ''}${lists ? 'import java.util.List;\n' : ''}import ${p.plumbing}.Protos;
import org.springframework.stereotype.Component;

/**
 * The RPCs of ${p.services.map((s) => s.fullName).join(', ')}, answering sample data until you fill
 * them in. The message classes are generated from src/main/proto at build time. Throw
 * {@code Status.NOT_FOUND.withDescription("...").asRuntimeException()} for an error status.
 */
@Component
public class RpcHandlers {
${methods.join('\n\n')}
}
`,
  );
}

function serverMethod(p: JavaPlan, r: RpcContract, handler: string): string {
  const m = grpcJavaMethod(r.name);
  const Req = req(p, r);
  const Res = res(p, r);
  const reqSample = sampleExpr(Req, jsonLiteral(sampleOfType(r.request)));
  const resSample = sampleExpr(Res, jsonLiteral(sampleOfType(r.response)));
  const name = javaString(r.name);
  switch (rpcKind(r)) {
    case 'unary':
      return `    @Override
    public void ${m}(${Req} callRequest, StreamObserver<${Res}> callObserver) {
      try {
        if (Protos.marked()) {
          String callProblem = Protos.diff(${reqSample}, callRequest);
          if (callProblem != null) throw Protos.invalid(${name}, "", callProblem);
          callObserver.onNext(${resSample});
        } else {
          callObserver.onNext(rpcHandlers.${handler}(callRequest));
        }
        callObserver.onCompleted();
      } catch (RuntimeException callEx) {
        callObserver.onError(Protos.failure(callEx));
      }
    }`;
    case 'server':
      return `    @Override
    public void ${m}(${Req} callRequest, StreamObserver<${Res}> callObserver) {
      try {
        if (Protos.marked()) {
          String callProblem = Protos.diff(${reqSample}, callRequest);
          if (callProblem != null) throw Protos.invalid(${name}, "", callProblem);
          callObserver.onNext(${resSample});
          callObserver.onNext(${resSample});
        } else {
          rpcHandlers.${handler}(callRequest, callObserver);
        }
        callObserver.onCompleted();
      } catch (RuntimeException callEx) {
        callObserver.onError(Protos.failure(callEx));
      }
    }`;
    case 'client':
      return `    @Override
    public StreamObserver<${Req}> ${m}(StreamObserver<${Res}> callObserver) {
      boolean callMarked = Protos.marked();
      List<${Req}> callRequests = new ArrayList<>();
      return new StreamObserver<${Req}>() {
        @Override
        public void onNext(${Req} callRequest) {
          callRequests.add(callRequest);
        }

        @Override
        public void onError(Throwable callEx) {}

        @Override
        public void onCompleted() {
          try {
            if (callMarked) {
              String callProblem = Protos.streamDiff(${reqSample}, callRequests);
              if (callProblem != null) throw Protos.invalid(${name}, " stream", callProblem);
              callObserver.onNext(${resSample});
            } else {
              callObserver.onNext(rpcHandlers.${handler}(List.copyOf(callRequests)));
            }
            callObserver.onCompleted();
          } catch (RuntimeException callEx) {
            callObserver.onError(Protos.failure(callEx));
          }
        }
      };
    }`;
    case 'bidi':
      return `    @Override
    public StreamObserver<${Req}> ${m}(StreamObserver<${Res}> callObserver) {
      boolean callMarked = Protos.marked();
      int[] callSeen = {0};
      boolean[] callFailed = {false};
      return new StreamObserver<${Req}>() {
        @Override
        public void onNext(${Req} callRequest) {
          if (callFailed[0]) return;
          try {
            if (callMarked) {
              String callProblem = Protos.diff(${reqSample}, callRequest);
              if (callProblem != null) throw Protos.invalid(${name}, " stream", callProblem);
              callSeen[0] += 1;
              callObserver.onNext(${resSample});
            } else {
              rpcHandlers.${handler}(callRequest, callObserver);
            }
          } catch (RuntimeException callEx) {
            callFailed[0] = true;
            callObserver.onError(Protos.failure(callEx));
          }
        }

        @Override
        public void onError(Throwable callEx) {}

        @Override
        public void onCompleted() {
          if (callFailed[0]) return;
          if (callMarked && callSeen[0] != 2) {
            callObserver.onError(
                Protos.invalid(${name}, " stream", "expected the sample twice, got " + callSeen[0] + " message(s)"));
            return;
          }
          callObserver.onCompleted();
        }
      };
    }`;
  }
}

function serviceImpl(p: JavaPlan, s: GrpcContract, i: number, names: Map<RpcContract, string>): string {
  const grpc = p.protos.grpcClass(s.file, s.package, s.name);
  const methods = s.rpcs.map((r) => serverMethod(p, r, names.get(r) ?? 'call'));
  // the compatibility layer's in-service Ping, for callers not converted yet
  if (p.legacyService !== null && !s.rpcs.some((r) => r.name === 'Ping') && p.protos.declaresPing(s.file, s.name)) {
    const Req = p.protos.topLevel(s.file, s.package, 'PingRequest');
    const Res = p.protos.topLevel(s.file, s.package, 'PingResponse');
    methods.push(`    /** The compatibility layer's in-service Ping, for callers not converted yet. */
    @Override
    public void ping(${Req} pingRequest, StreamObserver<${Res}> pingObserver) {
      try {
        String treeJson = pingFanout.treeJson(pingRequest.getPathList());
        pingObserver.onNext(${Res}.newBuilder().setTreeJson(treeJson).build());
        pingObserver.onCompleted();
      } catch (RuntimeException pingEx) {
        pingObserver.onError(Protos.failure(pingEx));
      }
    }`);
  }
  return `
  /** ${s.fullName}: the RPC bodies live in RpcHandlers. */
  private final class Service${i} extends ${grpc}.${s.name}ImplBase {
${methods.join('\n\n')}
  }
`;
}

function grpcServer(p: JavaPlan): GeneratedFile {
  const names = rpcHandlerNames(p);
  const hasRpcs = p.services.some((s) => s.rpcs.length > 0);
  const streams = p.services.some((s) => s.rpcs.some((r) => ['client', 'bidi'].includes(rpcKind(r))));
  const handlerField = hasRpcs ? '\n  private final RpcHandlers rpcHandlers;' : '';
  const ctorArgs = hasRpcs ? 'Fanout pingFanout, RpcHandlers rpcHandlers' : 'Fanout pingFanout';
  const ctorBody = hasRpcs ? '\n    this.rpcHandlers = rpcHandlers;' : '';
  const legacyGeneric =
    p.legacyService !== null && !p.services.some((s) => s.fullName === p.legacyService) ? p.legacyService : null;
  const served = [...p.services.map((s) => s.fullName), 'polyglot.ping.v1.PingService'];
  const PingReq = pingClass(p, 'PingRequest');
  const PingRes = pingClass(p, 'PingResponse');
  const adds = [
    ...p.services.map(
      (_s, i) => `              .addService(ServerInterceptors.intercept(new Service${i}(), Protos.interceptor()))`,
    ),
    '              .addService(new PingImpl())',
    ...(legacyGeneric ? ['              .addService(legacyPing())'] : []),
  ];
  const legacyDef = legacyGeneric
    ? `
  /**
   * The compatibility layer's in-service Ping (${legacyGeneric}/Ping), with the messages of
   * polyglot.ping.v1 (the same on the wire), for callers not converted yet.
   */
  private ServerServiceDefinition legacyPing() {
    MethodDescriptor<${PingReq}, ${PingRes}> legacyMethod =
        ${pingGrpc(p)}.getPingMethod().toBuilder()
            .setFullMethodName(MethodDescriptor.generateFullMethodName(${javaString(legacyGeneric)}, "Ping"))
            .setSchemaDescriptor(null)
            .build();
    return ServerServiceDefinition.builder(${javaString(legacyGeneric)})
        .addMethod(legacyMethod, ServerCalls.asyncUnaryCall(this::answerPing))
        .build();
  }
`
    : '';
  return javaFile(
    p.plumbing,
    'GrpcServer',
    `${HEADER}
package ${p.plumbing};

import io.grpc.Server;
${legacyGeneric ? 'import io.grpc.MethodDescriptor;\n' : ''}${legacyGeneric ? 'import io.grpc.ServerServiceDefinition;\n' : ''}import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
${legacyGeneric ? 'import io.grpc.stub.ServerCalls;\n' : ''}import io.grpc.stub.StreamObserver;
import java.io.IOException;
${streams ? 'import java.util.ArrayList;\n' : ''}import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
${hasRpcs ? `import ${p.handlers}.RpcHandlers;\n` : ''}import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Serves on GRPC_PORT: ${served.join(', ')}, grpc.health.v1.Health and server reflection. An
 * exercise call (metadata {@code polyglot-exercise}) is answered here with the sample, after
 * checking that the request is the sample; any other call goes to RpcHandlers.
 */
@Component
public class GrpcServer implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);
  private final Fanout pingFanout;${handlerField}
  private Server grpcServer;
  /** The standard health service (grpc.health.v1.Health): Kubernetes grpc probes and grpcurl ask it. */
  private final HealthStatusManager grpcHealth = new HealthStatusManager();
  private static final List<String> HEALTH_NAMES =
      List.of(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ${served.map(javaString).join(', ')});
  private ScheduledExecutorService readinessTracker;

  public GrpcServer(${ctorArgs}) {
    this.pingFanout = pingFanout;${ctorBody}
  }

  @Override
  public synchronized void start() {
    int grpcPort = Integer.parseInt(Env.get("GRPC_PORT", ${javaString(String(p.ctx.wiring.node.grpcPort))}));
    for (String healthName : HEALTH_NAMES) grpcHealth.setStatus(healthName, ServingStatus.NOT_SERVING);
    try {
      grpcServer =
          NettyServerBuilder.forPort(grpcPort)
${adds.join('\n')}
              .addService(grpcHealth.getHealthService())
              .addService(ProtoReflectionServiceV1.newInstance())
              .build()
              .start();
    } catch (IOException startEx) {
      throw new IllegalStateException("gRPC cannot listen on port " + grpcPort, startEx);
    }
    readinessTracker =
        Executors.newSingleThreadScheduledExecutor(
            trackTask -> {
              Thread trackThread = new Thread(trackTask, "grpc-health");
              trackThread.setDaemon(true);
              return trackThread;
            });
    readinessTracker.scheduleWithFixedDelay(this::trackReadiness, 0, 2, TimeUnit.SECONDS);
    LOG.info("gRPC ${served.join(', ')} listening on port {} (with health and reflection)", grpcPort);
  }

  /** Health follows /readyz: SERVING while every broker and database answers, else NOT_SERVING. */
  private void trackReadiness() {
    ServingStatus healthStatus =
        ReadyController.unreachable().isEmpty() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    for (String healthName : HEALTH_NAMES) grpcHealth.setStatus(healthName, healthStatus);
  }

  @Override
  public synchronized void stop() {
    if (grpcServer == null) return;
    readinessTracker.shutdownNow();
    grpcHealth.enterTerminalState();
    grpcServer.shutdown();
    try {
      grpcServer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException stopEx) {
      Thread.currentThread().interrupt();
    }
    grpcServer = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return grpcServer != null;
  }

  /** The /ping tree over gRPC. */
  private void answerPing(${PingReq} pingRequest, StreamObserver<${PingRes}> pingObserver) {
    try {
      String treeJson = pingFanout.treeJson(pingRequest.getPathList());
      pingObserver.onNext(${PingRes}.newBuilder().setTreeJson(treeJson).build());
      pingObserver.onCompleted();
    } catch (RuntimeException pingEx) {
      pingObserver.onError(Protos.failure(pingEx));
    }
  }

  /** polyglot.ping.v1.PingService. */
  private final class PingImpl extends ${pingGrpc(p)}.PingServiceImplBase {
    @Override
    public void ping(${PingReq} pingRequest, StreamObserver<${PingRes}> pingObserver) {
      answerPing(pingRequest, pingObserver);
    }
  }
${legacyDef}${p.services.map((s, i) => serviceImpl(p, s, i, names)).join('')}}
`,
  );
}

/** Method names of a target's used RPCs in its client, unique, none of the client's own (`reserved`). */
export function clientMethodNames(g: GrpcPlan, reserved: readonly string[]): Map<RpcContract, string> {
  const out = new Map<RpcContract, string>();
  const taken = new Set(reserved);
  for (const r of g.t.used) out.set(r, uniqueIdent(r.names.camel, taken));
  return out;
}

const CLIENT_OWN = ['ping', 'exercise', 'close', 'address', 'channel', 'await'];

function clientMethod(p: JavaPlan, r: RpcContract, n: string): string {
  const Req = req(p, r);
  const Res = res(p, r);
  const grpc = p.protos.grpcClass(r.service.file, r.service.package, r.service.name);
  const m = grpcJavaMethod(r.name);
  const k = rpcKind(r);
  const doc = `  /** ${r.service.fullName}/${r.name} (${RPC_KIND_WORDS[k]}). */`;
  const blocking = `${grpc}.newBlockingStub(grpcChannel()).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(callHeaders))`;
  const async = `${grpc}.newStub(grpcChannel()).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(callHeaders))`;
  switch (k) {
    case 'unary':
      return `${doc}
  public ${Res} ${n}(${Req} callRequest) {
    return ${n}(callRequest, new Metadata());
  }

  public ${Res} ${n}(${Req} callRequest, Metadata callHeaders) {
    return ${blocking}.${m}(callRequest);
  }`;
    case 'server':
      return `${doc}
  public List<${Res}> ${n}(${Req} callRequest) {
    return ${n}(callRequest, new Metadata());
  }

  public List<${Res}> ${n}(${Req} callRequest, Metadata callHeaders) {
    List<${Res}> callAnswers = new ArrayList<>();
    ${blocking}.${m}(callRequest).forEachRemaining(callAnswers::add);
    return callAnswers;
  }`;
    case 'client':
      return `${doc}
  public ${Res} ${n}(List<${Req}> callRequests) {
    return ${n}(callRequests, new Metadata());
  }

  public ${Res} ${n}(List<${Req}> callRequests, Metadata callHeaders) {
    Collected<${Res}> callAnswers = new Collected<>();
    StreamObserver<${Req}> callStream = ${async}.${m}(callAnswers);
    for (${Req} callRequest : callRequests) callStream.onNext(callRequest);
    callStream.onCompleted();
    List<${Res}> callGot = callAnswers.await();
    if (callGot.size() != 1) throw new IllegalStateException("expected one answer, got " + callGot.size());
    return callGot.get(0);
  }`;
    case 'bidi':
      return `${doc}
  public List<${Res}> ${n}(List<${Req}> callRequests) {
    return ${n}(callRequests, new Metadata());
  }

  public List<${Res}> ${n}(List<${Req}> callRequests, Metadata callHeaders) {
    Collected<${Res}> callAnswers = new Collected<>();
    StreamObserver<${Req}> callStream = ${async}.${m}(callAnswers);
    for (${Req} callRequest : callRequests) callStream.onNext(callRequest);
    callStream.onCompleted();
    return callAnswers.await();
  }`;
  }
}

function exerciseLine(p: JavaPlan, r: RpcContract, n: string): string {
  const Req = req(p, r);
  const Res = res(p, r);
  const reqS = sampleExpr(Req, jsonLiteral(sampleOfType(r.request)));
  const resS = sampleExpr(Res, jsonLiteral(sampleOfType(r.response)));
  const run = {
    unary: `Protos.diff(${resS}, ${n}(${reqS}, Protos.marker()))`,
    server: `Protos.streamDiff(${resS}, ${n}(${reqS}, Protos.marker()))`,
    client: `Protos.diff(${resS}, ${n}(List.of(${reqS}, ${reqS}), Protos.marker()))`,
    bidi: `Protos.streamDiff(${resS}, ${n}(List.of(${reqS}, ${reqS}), Protos.marker()))`,
  }[rpcKind(r)];
  return `    exerciseResults.add(Exercise.method(${javaString(r.name)}, () -> ${run}));`;
}

function grpcClient(p: JavaPlan, g: GrpcPlan): GeneratedFile {
  const names = clientMethodNames(g, CLIENT_OWN);
  const PingReq = pingClass(p, 'PingRequest');
  const PingRes = pingClass(p, 'PingResponse');
  const methods = g.t.used.map((r) => clientMethod(p, r, names.get(r) ?? 'call'));
  const streams = g.t.used.some((r) => rpcKind(r) !== 'unary');
  const ping = g.typed
    ? `${pingGrpc(p)}.newBlockingStub(grpcChannel())
        .withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS)
        .ping(${PingReq}.newBuilder().addAllPath(pathHops).build())
        .getTreeJson();`
    : `ClientCalls.blockingUnaryCall(
            grpcChannel(),
            LEGACY_PING,
            CallOptions.DEFAULT.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS),
            ${PingReq}.newBuilder().addAllPath(pathHops).build())
        .getTreeJson();`;
  const legacyConst = g.typed
    ? ''
    : `
  /** ${g.target} is not converted to the typed contracts yet: its in-service Ping, with polyglot.ping.v1's messages. */
  private static final MethodDescriptor<${PingReq}, ${PingRes}> LEGACY_PING =
      ${pingGrpc(p)}.getPingMethod().toBuilder()
          .setFullMethodName(${javaString(g.t.legacyPing.replace(/^\//, ''))})
          .setSchemaDescriptor(null)
          .build();
`;
  const services = g.t.services.map((s) => s.fullName).join(', ') || g.target;
  return javaFile(
    p.plumbing,
    g.cls,
    `${HEADER}
package ${p.plumbing};

${g.typed ? '' : 'import io.grpc.CallOptions;\n'}import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
${g.typed ? '' : 'import io.grpc.MethodDescriptor;\nimport io.grpc.stub.ClientCalls;\n'}import io.grpc.stub.MetadataUtils;
${streams ? 'import io.grpc.stub.StreamObserver;\n' : ''}import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
${streams ? 'import java.util.concurrent.CompletableFuture;\nimport java.util.concurrent.ExecutionException;\nimport java.util.concurrent.TimeoutException;\n' : ''}import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Typed client of ${g.target}'s ${services}, at ${g.t.call.envVar} (host:port, plaintext). */
@Component
public class ${g.cls} {
  private static final long DEADLINE_SECONDS = 15;
${legacyConst}  private ManagedChannel grpcChannelValue;

  /** The target's address: ${g.t.call.envVar}. */
  public String address() {
    return Env.get(${javaString(g.t.call.envVar)}, ${javaString(g.fallback)});
  }

  private synchronized ManagedChannel grpcChannel() {
    if (grpcChannelValue == null) grpcChannelValue = ManagedChannelBuilder.forTarget(address()).usePlaintext().build();
    return grpcChannelValue;
  }

  /** The contract's Ping${g.typed ? ' (polyglot.ping.v1.PingService)' : ''}: the target's tree for a request that has passed through {@code pathHops}, as JSON text. */
  public String ping(List<String> pathHops) {
    long timeoutMillis = Env.callTimeout(pathHops.size()).toMillis();
    return ${ping}
  }
${methods.map((m) => `\n${m}\n`).join('')}
  /** Calls every RPC this link uses with the sample request and checks the answers. */
  public List<Map<String, Object>> exercise() {
    List<Map<String, Object>> exerciseResults = new ArrayList<>();
${g.t.used.map((r) => `${exerciseLine(p, r, names.get(r) ?? 'call')}\n`).join('')}    return exerciseResults;
  }
${
  streams
    ? `
  /** Collects the answers of a streaming call. */
  private static final class Collected<T> implements StreamObserver<T> {
    private final List<T> collectedItems = new ArrayList<>();
    private final CompletableFuture<List<T>> collectedDone = new CompletableFuture<>();

    @Override
    public synchronized void onNext(T collectedItem) {
      collectedItems.add(collectedItem);
    }

    @Override
    public void onError(Throwable callEx) {
      collectedDone.completeExceptionally(callEx);
    }

    @Override
    public synchronized void onCompleted() {
      collectedDone.complete(List.copyOf(collectedItems));
    }

    List<T> await() {
      try {
        return collectedDone.get(DEADLINE_SECONDS + 1, TimeUnit.SECONDS);
      } catch (ExecutionException callEx) {
        throw callEx.getCause() instanceof RuntimeException runEx ? runEx : new IllegalStateException(callEx.getCause());
      } catch (InterruptedException callEx) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", callEx);
      } catch (TimeoutException callEx) {
        throw new IllegalStateException("no answer within " + DEADLINE_SECONDS + " s", callEx);
      }
    }
  }
`
    : ''
}
  @PreDestroy
  public synchronized void close() {
    if (grpcChannelValue != null) grpcChannelValue.shutdownNow();
  }
}
`,
  );
}

/** The gRPC files of a Java stub. */
export function grpcFiles(p: JavaPlan): GeneratedFile[] {
  const hasRpcs = p.services.some((s) => s.rpcs.length > 0);
  const own = p.own ? [grpcServer(p), ...(hasRpcs ? [rpcHandlers(p)] : [])] : [];
  return [...own, ...p.grpc.map((g) => grpcClient(p, g))];
}
