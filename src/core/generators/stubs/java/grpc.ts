import type { GeneratedFile } from '../../types';
import { grpcMethod, javaString, protoAccessor, uniqueIdent, type JavaField, type ProtoJava } from './names';
import { javaFile, type GrpcPlan, type JavaPlan, type JavaRpc } from './plan';

/**
 * gRPC: the server of this service's own proto (plumbing/GrpcServer.java) with the declared RPCs
 * in handlers/RpcHandlers.java, and a client per outgoing gRPC link. The classes come from the
 * .proto files at build time (protobuf-maven-plugin), so they are named as protoc names them.
 *
 * These files name proto classes by their fully qualified name (two services' protos both have a
 * PingRequest); a variable whose name equals the first package segment would hide that package,
 * so every variable here has an upper-case letter, which package segments never have.
 */

const HEADER = '// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.';

/** Fully qualified name of a message class of a proto. */
function msg(proto: ProtoJava, name: string): string {
  return `${proto.javaPackage}.${proto.outer}.${name}`;
}

/** The fully qualified `<Service>Grpc` class. */
function grpcClass(proto: ProtoJava): string {
  return `${proto.javaPackage}.${proto.service}Grpc`;
}

/** A builder chain filling every field with its sample value. */
function sampleMessage(proto: ProtoJava, name: string, fields: readonly JavaField[]): string {
  const sets = fields.map((f) => `\n        .set${protoAccessor(f.name)}(${f.sample})`).join('');
  return `${msg(proto, name)}.newBuilder()${sets}\n        .build()`;
}

function rpcHandlers(p: JavaPlan, own: ProtoJava): GeneratedFile {
  const methods = p.ownRpcs.map(
    (r) => `  /** ${r.name}: called by GrpcServer for each ${r.name} request. */
  public ${msg(own, `${r.name}Response`)} ${grpcMethod(r.name)}(${msg(own, `${r.name}Request`)} rpcRequest) {
    // TODO: replace the sample answer with the real one.
    return ${sampleMessage(own, `${r.name}Response`, r.responseFields)};
  }`,
  );
  return javaFile(
    p.handlers,
    'RpcHandlers',
    `// Your code: the gRPC methods other services call on this one. Safe to edit.
package ${p.handlers};

import org.springframework.stereotype.Component;

/**
 * The RPCs of ${own.service} declared on incoming gRPC links, answering sample data until you
 * fill them in. The message classes are generated from src/main/proto at build time.
 */
@Component
public class RpcHandlers {
${methods.join('\n\n')}
}
`,
  );
}

function serverMethod(own: ProtoJava, r: JavaRpc): string {
  return `    @Override
    public void ${grpcMethod(r.name)}(
        ${msg(own, `${r.name}Request`)} callRequest,
        StreamObserver<${msg(own, `${r.name}Response`)}> callObserver) {
      try {
        callObserver.onNext(rpcHandlers.${grpcMethod(r.name)}(callRequest));
        callObserver.onCompleted();
      } catch (RuntimeException callEx) {
        callObserver.onError(failure(callEx));
      }
    }`;
}

function grpcServer(p: JavaPlan, own: ProtoJava): GeneratedFile {
  const hasRpcs = p.ownRpcs.length > 0;
  const handlerField = hasRpcs ? '\n  private final RpcHandlers rpcHandlers;' : '';
  const ctorArgs = hasRpcs ? 'Fanout pingFanout, RpcHandlers rpcHandlers' : 'Fanout pingFanout';
  const ctorBody = hasRpcs ? '\n    this.rpcHandlers = rpcHandlers;' : '';
  const methods = p.ownRpcs.map((r) => `\n${serverMethod(own, r)}\n`).join('');
  return javaFile(
    p.plumbing,
    'GrpcServer',
    `${HEADER}
package ${p.plumbing};

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
${hasRpcs ? `import ${p.handlers}.RpcHandlers;\n` : ''}import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Serves ${own.service} on GRPC_PORT: Ping fans out like /ping, the other RPCs go to RpcHandlers. */
@Component
public class GrpcServer implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);
  private final Fanout pingFanout;${handlerField}
  private Server grpcServer;
  /** The standard health service (grpc.health.v1.Health): Kubernetes grpc probes and grpcurl ask it. */
  private final HealthStatusManager grpcHealth = new HealthStatusManager();
  private static final List<String> HEALTH_NAMES =
      List.of(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ${grpcClass(own)}.SERVICE_NAME);
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
              .addService(new Impl())
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
    LOG.info("gRPC ${own.service} listening on port {} (with health and reflection)", grpcPort);
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

  private static StatusRuntimeException failure(Exception failEx) {
    return Status.INTERNAL.withDescription(String.valueOf(failEx.getMessage())).withCause(failEx).asRuntimeException();
  }

  private final class Impl extends ${grpcClass(own)}.${own.service}ImplBase {
    @Override
    public void ping(
        ${msg(own, 'PingRequest')} pingRequest,
        StreamObserver<${msg(own, 'PingResponse')}> pingObserver) {
      try {
        String treeJson = pingFanout.treeJson(pingRequest.get${protoAccessor('path')}List());
        pingObserver.onNext(${msg(own, 'PingResponse')}.newBuilder().set${protoAccessor('tree_json')}(treeJson).build());
        pingObserver.onCompleted();
      } catch (Exception pingEx) {
        pingObserver.onError(failure(pingEx));
      }
    }
${methods}  }
}
`,
  );
}

function grpcClient(p: JavaPlan, g: GrpcPlan): GeneratedFile {
  const taken = new Set(['ping', ...g.rpcs.map((r) => grpcMethod(r.name))]);
  const address = uniqueIdent('address', taken);
  const channel = uniqueIdent('channel', taken);
  const stub = uniqueIdent('stub', taken);
  const close = uniqueIdent('close', taken);
  const svc = grpcClass(g.proto);
  const typed = g.rpcs
    .map(
      (r) => `
  /** ${r.name} on ${g.proto.service}. */
  public ${msg(g.proto, `${r.name}Response`)} ${grpcMethod(r.name)}(${msg(g.proto, `${r.name}Request`)} callRequest) {
    return ${stub}().${grpcMethod(r.name)}(callRequest);
  }
`,
    )
    .join('');
  return javaFile(
    p.plumbing,
    g.cls,
    `${HEADER}
package ${p.plumbing};

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Typed client of ${g.target}'s ${g.proto.service}, at ${g.call.envVar} (host:port, plaintext). */
@Component
public class ${g.cls} {
  private static final long DEADLINE_SECONDS = 15;
  private ManagedChannel grpcChannel;

  /** The target's address: ${g.call.envVar}. */
  public String ${address}() {
    return Env.get(${javaString(g.call.envVar)}, ${javaString(g.fallback)});
  }

  private synchronized ManagedChannel ${channel}() {
    if (grpcChannel == null) grpcChannel = ManagedChannelBuilder.forTarget(${address}()).usePlaintext().build();
    return grpcChannel;
  }

  /** A blocking stub with the call deadline set: any RPC of the service can be called on it. */
  public ${svc}.${g.proto.service}BlockingStub ${stub}() {
    return ${svc}.newBlockingStub(${channel}()).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }

  /** Ping: the target's tree for a request that has passed through {@code pathHops}, as JSON text. */
  public String ping(List<String> pathHops) {
    long timeoutMillis = Env.callTimeout(pathHops.size()).toMillis();
    return ${svc}.newBlockingStub(${channel}())
        .withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS)
        .ping(${msg(g.proto, 'PingRequest')}.newBuilder().addAll${protoAccessor('path')}(pathHops).build())
        .get${protoAccessor('tree_json')}();
  }
${typed}
  @PreDestroy
  public synchronized void ${close}() {
    if (grpcChannel != null) grpcChannel.shutdownNow();
  }
}
`,
  );
}

/** The gRPC files of a Java stub. */
export function grpcFiles(p: JavaPlan): GeneratedFile[] {
  const own = p.own ? [grpcServer(p, p.own), ...(p.ownRpcs.length > 0 ? [rpcHandlers(p, p.own)] : [])] : [];
  return [...own, ...p.grpc.map((g) => grpcClient(p, g))];
}
