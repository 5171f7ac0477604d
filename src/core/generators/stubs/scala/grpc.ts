import type { ContractRpc } from '../../../model/contracts';
import type { GeneratedFile } from '../../types';
import { protoAccessor } from './accessors';
import { HEADER } from './core';
import { grpcClass, grpcMethod, ident, packageName, protoMessage, sampleLiteral, scalaString } from './names';
import { scalaFile, type GrpcPlan, type ProtoClasses, type ScalaPlan } from './plan';

/**
 * gRPC with grpc-java: the server of the service's own `.proto` (plumbing/GrpcServer.scala) with
 * the standard health and reflection services, the RPCs' handlers (handlers/RpcHandlers.scala, the
 * user's) and a blocking client per outgoing gRPC link. The message classes are protoc's, made
 * from src/main/proto at build time.
 */

/** A builder chain filling every field of a message with its sample value. */
function sampleMessage(proto: ProtoClasses, name: string, rpc: ContractRpc['response']): string {
  const sets = rpc.map((f) => `\n      .set${protoAccessor(f.name)}(${sampleLiteral(f)})`).join('');
  return `${protoMessage(proto, name)}.newBuilder()${sets}\n      .build()`;
}

function rpcHandlers(p: ScalaPlan, own: ProtoClasses): GeneratedFile[] {
  if (p.rpcs.length === 0) return [];
  const methods = p.rpcs.map(
    (r) => `  /** ${r.name}: called for each ${r.name} request. */
  def ${ident(grpcMethod(r.name))}(request: ${protoMessage(own, `${r.name}Request`)}): ${protoMessage(own, `${r.name}Response`)} =
    // TODO: replace the sample answer with the real one.
    ${sampleMessage(own, `${r.name}Response`, r.response)}`,
  );
  return [
    scalaFile(
      p.handlers,
      'RpcHandlers',
      `// Your code: the gRPC methods other services call on this one. Safe to edit.
package ${packageName(p.handlers)}

/**
 * The RPCs of ${own.service}, answering sample data until you fill them in. The message classes
 * are generated from src/main/proto at build time; throw io.grpc.Status.X.asRuntimeException()
 * to answer an error.
 */
object RpcHandlers:
${methods.join('\n\n')}
`,
    ),
  ];
}

function grpcServer(p: ScalaPlan, own: ProtoClasses): GeneratedFile {
  const g = grpcClass(own);
  const overrides = p.rpcs.map(
    (r) => `
    override def ${ident(grpcMethod(r.name))}(
        request: ${protoMessage(own, `${r.name}Request`)},
        observer: StreamObserver[${protoMessage(own, `${r.name}Response`)}],
    ): Unit = unary(observer)(RpcHandlers.${ident(grpcMethod(r.name))}(request))`,
  );
  return scalaFile(
    p.plumbing,
    'GrpcServer',
    `${HEADER}
package ${packageName(p.plumbing)}

import cats.effect.{IO, Resource}
import cats.effect.std.Dispatcher
import io.grpc.{Server, Status, StatusRuntimeException}
import io.grpc.health.v1.HealthCheckResponse.ServingStatus
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder
import io.grpc.protobuf.services.{HealthStatusManager, ProtoReflectionServiceV1}
import io.grpc.stub.StreamObserver
import java.util.concurrent.TimeUnit
import scala.concurrent.duration.*
import scala.jdk.CollectionConverters.*
${p.rpcs.length ? `import ${packageName(p.handlers)}.RpcHandlers\n` : ''}
/**
 * Serves ${own.service} on GRPC_PORT: Ping fans out like /ping, the other RPCs go to RpcHandlers.
 * Beside it: grpc.health.v1.Health (NOT_SERVING until the first readiness check, then following
 * /readyz every two seconds) and server reflection (v1).
 */
object GrpcServer:
  private val healthNames = List(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ${g}.SERVICE_NAME)

  def resource(fanout: Fanout, dispatcher: Dispatcher[IO]): Resource[IO, Server] =
    val health = HealthStatusManager()
    healthNames.foreach(health.setStatus(_, ServingStatus.NOT_SERVING))
    val port = Env.get("GRPC_PORT", ${scalaString(String(p.ctx.wiring.node.grpcPort))}).toInt
    val start = IO.blocking {
      NettyServerBuilder
        .forPort(port)
        .addService(Impl(fanout, dispatcher))
        .addService(health.getHealthService)
        .addService(ProtoReflectionServiceV1.newInstance())
        .build()
        .start()
    }
    val stop = (server: Server) =>
      IO.blocking {
        health.enterTerminalState()
        server.shutdown()
        server.awaitTermination(5, TimeUnit.SECONDS)
      }.void
    for
      server <- Resource.make(start)(stop)
      _ <- track(health).background
    yield server

  /** Health follows readiness: SERVING while every broker and database answers. */
  private def track(health: HealthStatusManager): IO[Unit] =
    val once = Ready.unreachable.flatMap { down =>
      val status = if down.isEmpty then ServingStatus.SERVING else ServingStatus.NOT_SERVING
      IO(healthNames.foreach(health.setStatus(_, status)))
    }
    (once >> IO.sleep(2.seconds)).foreverM

  private def unary[A](observer: StreamObserver[A])(answer: => A): Unit =
    try
      observer.onNext(answer)
      observer.onCompleted()
    catch
      case e: StatusRuntimeException => observer.onError(e)
      case e: RuntimeException => observer.onError(Status.INTERNAL.withDescription(Fanout.describe(e)).asRuntimeException())

  private final class Impl(fanout: Fanout, dispatcher: Dispatcher[IO]) extends ${g}.${own.service}ImplBase:
    override def ping(
        request: ${protoMessage(own, 'PingRequest')},
        observer: StreamObserver[${protoMessage(own, 'PingResponse')}],
    ): Unit = unary(observer) {
      val tree = dispatcher.unsafeRunSync(fanout.tree(request.getPathList.asScala.toList))
      ${protoMessage(own, 'PingResponse')}.newBuilder().setTreeJson(tree.noSpaces).build()
    }
${overrides.join('\n')}
`,
  );
}

function grpcClient(p: ScalaPlan, c: GrpcPlan): GeneratedFile {
  const g = grpcClass(c.proto);
  const methods = c.rpcs.map(
    (r) => `
  /** ${r.name} of ${c.target}. */
  def ${ident(grpcMethod(r.name))}(request: ${protoMessage(c.proto, `${r.name}Request`)}): ${protoMessage(c.proto, `${r.name}Response`)} =
    stub.withDeadlineAfter(Env.Timeout.toMillis, TimeUnit.MILLISECONDS).${ident(grpcMethod(r.name))}(request)`,
  );
  return scalaFile(
    p.plumbing,
    c.cls,
    `${HEADER}
package ${packageName(p.plumbing)}

import io.grpc.ManagedChannel
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder
import java.util.concurrent.TimeUnit
import scala.jdk.CollectionConverters.*

/** Calls ${c.target}'s ${c.proto.service} over gRPC at ${c.envVar} (default ${c.fallback}), plaintext. */
final class ${c.cls}:
  private val channel: ManagedChannel =
    NettyChannelBuilder.forTarget(Env.get(${scalaString(c.envVar)}, ${scalaString(c.fallback)})).usePlaintext().build()
  private val stub = ${g}.newBlockingStub(channel)

  /** Ping of ${c.target}, with the path so far: its tree as JSON text. */
  def ping(hops: List[String]): String =
    stub
      .withDeadlineAfter(Env.callTimeout(hops.size).toMillis, TimeUnit.MILLISECONDS)
      .ping(${protoMessage(c.proto, 'PingRequest')}.newBuilder().addAllPath(hops.asJava).build())
      .getTreeJson
${methods.join('\n')}

  def close(): Unit =
    channel.shutdown()
    ()
`,
  );
}

export function grpcFiles(p: ScalaPlan): GeneratedFile[] {
  return [...(p.own ? [grpcServer(p, p.own), ...rpcHandlers(p, p.own)] : []), ...p.grpc.map((c) => grpcClient(p, c))];
}
