import { RPC_KIND_WORDS, rpcKind, sampleOfType, type GrpcContract, type RpcContract } from '../../../model/contracts';
import type { GeneratedFile } from '../../types';
import { uniqueIdent } from '../java/names';
import { grpcJavaMethod } from '../java/typed';
import { clientMethodNames } from '../java/grpc';
import { HEADER } from './core';
import { ident, packageName, qualified, scalaString } from './names';
import { scalaFile, type GrpcPlan, type ScalaPlan } from './plan';
import { jsonLiteral } from './typed';

/**
 * gRPC with grpc-java: the server of the node's own services (plumbing/GrpcServer.scala: every RPC
 * of the four kinds, polyglot.ping.v1.PingService, the compatibility layer's in-service Ping,
 * health and reflection) with the RPC bodies in handlers/RpcHandlers.scala, and a typed client per
 * outgoing gRPC link. The message classes are protoc's Java classes, made from the contract
 * protos in src/main/proto at build time, named from the root.
 */

const PING_FILE = 'polyglot/ping/v1/ping.proto';

function pingClass(p: ScalaPlan, name: string): string {
  return qualified(p.protos.topLevel(PING_FILE, 'polyglot.ping.v1', name));
}

function pingGrpc(p: ScalaPlan): string {
  return qualified(p.protos.grpcClass(PING_FILE, 'polyglot.ping.v1', 'PingService'));
}

/** The handler method of each own RPC in RpcHandlers: `<rpc>` (`<service><Rpc>` with several services). */
export function rpcHandlerNames(p: ScalaPlan): Map<RpcContract, string> {
  const out = new Map<RpcContract, string>();
  const taken = new Set<string>();
  for (const s of p.services)
    for (const r of s.rpcs) {
      const base = p.services.length > 1 ? `${s.names.camel}${r.names.pascal}` : r.names.camel;
      out.set(r, uniqueIdent(base, taken));
    }
  return out;
}

const req = (p: ScalaPlan, r: RpcContract) => qualified(p.protos.message(r.request));
const res = (p: ScalaPlan, r: RpcContract) => qualified(p.protos.message(r.response));

/** `Protos.parse[T](T.newBuilder(), "<sample json>")`: the sample message of a type. */
function sampleExpr(cls: string, json: string): string {
  return `Protos.parse[${cls}](${cls}.newBuilder(), ${json})`;
}

function rpcHandlers(p: ScalaPlan): GeneratedFile {
  const names = rpcHandlerNames(p);
  const methods = p.services.flatMap((s) =>
    s.rpcs.map((r) => {
      const n = ident(names.get(r) ?? 'call');
      const k = rpcKind(r);
      const sample = sampleExpr(res(p, r), jsonLiteral(sampleOfType(r.response)));
      const doc = `  /** ${s.fullName}/${r.name} (${RPC_KIND_WORDS[k]}). */`;
      switch (k) {
        case 'unary':
          return `${doc}
  def ${n}(request: ${req(p, r)}): ${res(p, r)} =
    // TODO: replace the sample answer with the real one.
    ${sample}`;
        case 'server':
          return `${doc}
  def ${n}(request: ${req(p, r)}, answers: StreamObserver[${res(p, r)}]): Unit =
    // TODO: send the real answers (onNext for each); the plumbing completes the stream.
    answers.onNext(${sample})`;
        case 'client':
          return `${doc}
  def ${n}(requests: List[${req(p, r)}]): ${res(p, r)} =
    // TODO: replace the sample answer with the real one (requests: every message the caller sent).
    ${sample}`;
        case 'bidi':
          return `${doc}
  def ${n}(request: ${req(p, r)}, answers: StreamObserver[${res(p, r)}]): Unit =
    // TODO: answer each request (called once per message); the plumbing completes the stream.
    answers.onNext(${sample})`;
      }
    }),
  );
  return scalaFile(
    p.handlers,
    'RpcHandlers',
    `// Your code: the gRPC methods other services call on this one. Safe to edit.
package ${packageName(p.handlers)}

import io.grpc.stub.StreamObserver
import ${packageName(p.plumbing)}.Protos

/**
 * The RPCs of ${p.services.map((s) => s.fullName).join(', ')}, answering sample data until you fill
 * them in. The message classes are generated from src/main/proto at build time. Throw
 * \`io.grpc.Status.NOT_FOUND.withDescription("...").asRuntimeException()\` for an error status.
 */
object RpcHandlers:
${methods.join('\n\n')}
`,
  );
}

function serverMethod(p: ScalaPlan, r: RpcContract, handler: string): string {
  const m = ident(grpcJavaMethod(r.name));
  const Req = req(p, r);
  const Res = res(p, r);
  const reqSample = sampleExpr(Req, jsonLiteral(sampleOfType(r.request)));
  const resSample = sampleExpr(Res, jsonLiteral(sampleOfType(r.response)));
  const name = scalaString(r.name);
  const h = `RpcHandlers.${ident(handler)}`;
  switch (rpcKind(r)) {
    case 'unary':
      return `    override def ${m}(request: ${Req}, observer: StreamObserver[${Res}]): Unit =
      guarded(observer) {
        if Protos.isMarked then
          Protos.diff(${reqSample}, request).foreach(problem => throw Protos.invalid(${name}, "", problem))
          observer.onNext(${resSample})
        else observer.onNext(${h}(request))
        observer.onCompleted()
      }`;
    case 'server':
      return `    override def ${m}(request: ${Req}, observer: StreamObserver[${Res}]): Unit =
      guarded(observer) {
        if Protos.isMarked then
          Protos.diff(${reqSample}, request).foreach(problem => throw Protos.invalid(${name}, "", problem))
          observer.onNext(${resSample})
          observer.onNext(${resSample})
        else ${h}(request, observer)
        observer.onCompleted()
      }`;
    case 'client':
      return `    override def ${m}(observer: StreamObserver[${Res}]): StreamObserver[${Req}] =
      val marked = Protos.isMarked
      val requests = ListBuffer[${Req}]()
      new StreamObserver[${Req}]:
        override def onNext(request: ${Req}): Unit = requests.synchronized(requests += request)
        override def onError(e: Throwable): Unit = ()
        override def onCompleted(): Unit =
          guarded(observer) {
            val got = requests.synchronized(requests.toList)
            if marked then
              Protos.streamDiff(${reqSample}, got).foreach(problem => throw Protos.invalid(${name}, " stream", problem))
              observer.onNext(${resSample})
            else observer.onNext(${h}(got))
            observer.onCompleted()
          }`;
    case 'bidi':
      return `    override def ${m}(observer: StreamObserver[${Res}]): StreamObserver[${Req}] =
      val marked = Protos.isMarked
      var seen = 0
      var failed = false
      new StreamObserver[${Req}]:
        override def onNext(request: ${Req}): Unit = synchronized {
          if !failed then
            try
              if marked then
                Protos.diff(${reqSample}, request).foreach(problem => throw Protos.invalid(${name}, " stream", problem))
                seen += 1
                observer.onNext(${resSample})
              else ${h}(request, observer)
            catch
              case e: RuntimeException =>
                failed = true
                observer.onError(Protos.failure(e))
        }
        override def onError(e: Throwable): Unit = ()
        override def onCompleted(): Unit = synchronized {
          if !failed then
            if marked && seen != 2 then
              observer.onError(Protos.invalid(${name}, " stream", s"expected the sample twice, got $seen message(s)"))
            else observer.onCompleted()
        }`;
  }
}

function serviceImpl(p: ScalaPlan, s: GrpcContract, i: number, names: Map<RpcContract, string>): string {
  const grpc = qualified(p.protos.grpcClass(s.file, s.package, s.name));
  const methods = s.rpcs.map((r) => serverMethod(p, r, names.get(r) ?? 'call'));
  // the compatibility layer's in-service Ping, for callers not converted yet
  if (p.legacyService !== null && !s.rpcs.some((r) => r.name === 'Ping') && p.protos.declaresPing(s.file, s.name)) {
    const Req = qualified(p.protos.topLevel(s.file, s.package, 'PingRequest'));
    const Res = qualified(p.protos.topLevel(s.file, s.package, 'PingResponse'));
    methods.push(`    /** The compatibility layer's in-service Ping, for callers not converted yet. */
    override def ping(request: ${Req}, observer: StreamObserver[${Res}]): Unit =
      guarded(observer) {
        observer.onNext(${Res}.newBuilder().setTreeJson(tree(request.getPathList.asScala.toList)).build())
        observer.onCompleted()
      }`);
  }
  return `
  /** ${s.fullName}: the RPC bodies live in RpcHandlers. */
  private final class Service${i}(fanout: Fanout, dispatcher: Dispatcher[IO]) extends ${grpc}.${s.name}ImplBase:
    private def tree(hops: List[String]): String = dispatcher.unsafeRunSync(fanout.tree(hops)).noSpaces

${methods.join('\n\n')}
`;
}

function grpcServer(p: ScalaPlan): GeneratedFile {
  const names = rpcHandlerNames(p);
  const hasRpcs = p.rpcs.length > 0;
  const legacyGeneric =
    p.legacyService !== null && !p.services.some((s) => s.fullName === p.legacyService) ? p.legacyService : null;
  const served = [...p.services.map((s) => s.fullName), 'polyglot.ping.v1.PingService'];
  const PingReq = pingClass(p, 'PingRequest');
  const PingRes = pingClass(p, 'PingResponse');
  const adds = [
    ...p.services.map(
      (_s, i) =>
        `        .addService(ServerInterceptors.intercept(Service${i}(fanout, dispatcher), Protos.interceptor))`,
    ),
    '        .addService(PingImpl(fanout, dispatcher))',
    ...(legacyGeneric ? ['        .addService(legacyPing(fanout, dispatcher))'] : []),
  ];
  const legacyDef = legacyGeneric
    ? `
  /**
   * The compatibility layer's in-service Ping (${legacyGeneric}/Ping), with the messages of
   * polyglot.ping.v1 (the same on the wire), for callers not converted yet.
   */
  private def legacyPing(fanout: Fanout, dispatcher: Dispatcher[IO]): ServerServiceDefinition =
    val method = ${pingGrpc(p)}.getPingMethod.toBuilder
      .setFullMethodName(MethodDescriptor.generateFullMethodName(${scalaString(legacyGeneric)}, "Ping"))
      .setSchemaDescriptor(null)
      .build()
    ServerServiceDefinition
      .builder(${scalaString(legacyGeneric)})
      .addMethod(method, ServerCalls.asyncUnaryCall((request: ${PingReq}, observer: StreamObserver[${PingRes}]) => answerPing(fanout, dispatcher, request, observer)))
      .build()
`
    : '';
  return scalaFile(
    p.plumbing,
    'GrpcServer',
    `${HEADER}
package ${packageName(p.plumbing)}

import cats.effect.{IO, Resource}
import cats.effect.std.Dispatcher
import io.grpc.{MethodDescriptor, Server, ServerInterceptors, ServerServiceDefinition}
import io.grpc.health.v1.HealthCheckResponse.ServingStatus
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder
import io.grpc.protobuf.services.{HealthStatusManager, ProtoReflectionServiceV1}
import io.grpc.stub.{ServerCalls, StreamObserver}
import java.util.concurrent.TimeUnit
import scala.collection.mutable.ListBuffer
import scala.concurrent.duration.*
import scala.jdk.CollectionConverters.*
${hasRpcs ? `import ${packageName(p.handlers)}.RpcHandlers\n` : ''}
/**
 * Serves on GRPC_PORT: ${served.join(', ')}, grpc.health.v1.Health (NOT_SERVING until the first
 * readiness check, then following /readyz every two seconds) and server reflection (v1). An
 * exercise call (metadata \`polyglot-exercise\`) is answered here with the sample, after checking
 * that the request is the sample; any other call goes to RpcHandlers.
 */
object GrpcServer:
  private val healthNames = List(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ${served.map(scalaString).join(', ')})

  def resource(fanout: Fanout, dispatcher: Dispatcher[IO]): Resource[IO, Server] =
    val health = HealthStatusManager()
    healthNames.foreach(health.setStatus(_, ServingStatus.NOT_SERVING))
    val port = Env.get("GRPC_PORT", ${scalaString(String(p.ctx.wiring.node.grpcPort))}).toInt
    val start = IO.blocking {
      NettyServerBuilder
        .forPort(port)
${adds.join('\n')}
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

  /** Runs a call's body; an exception ends the call with its status (INTERNAL when it has none). */
  private def guarded[A](observer: StreamObserver[A])(body: => Unit): Unit =
    try body
    catch case e: RuntimeException => observer.onError(Protos.failure(e))

  /** The /ping tree over gRPC. */
  private def answerPing(fanout: Fanout, dispatcher: Dispatcher[IO], request: ${PingReq}, observer: StreamObserver[${PingRes}]): Unit =
    guarded(observer) {
      val tree = dispatcher.unsafeRunSync(fanout.tree(request.getPathList.asScala.toList))
      observer.onNext(${PingRes}.newBuilder().setTreeJson(tree.noSpaces).build())
      observer.onCompleted()
    }

  /** polyglot.ping.v1.PingService. */
  private final class PingImpl(fanout: Fanout, dispatcher: Dispatcher[IO]) extends ${pingGrpc(p)}.PingServiceImplBase:
    override def ping(request: ${PingReq}, observer: StreamObserver[${PingRes}]): Unit =
      answerPing(fanout, dispatcher, request, observer)
${legacyDef}${p.services.map((s, i) => serviceImpl(p, s, i, names)).join('')}`,
  );
}

const CLIENT_OWN = ['ping', 'exercise', 'close', 'address', 'channel', 'collect'];

function clientMethod(p: ScalaPlan, r: RpcContract, n: string): string {
  const Req = req(p, r);
  const Res = res(p, r);
  const grpc = qualified(p.protos.grpcClass(r.service.file, r.service.package, r.service.name));
  const m = ident(grpcJavaMethod(r.name));
  const k = rpcKind(r);
  const name = ident(n);
  const doc = `  /** ${r.service.fullName}/${r.name} (${RPC_KIND_WORDS[k]}). */`;
  const blocking = `${grpc}.newBlockingStub(channel).withDeadlineAfter(Deadline, TimeUnit.SECONDS).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))`;
  const async = `${grpc}.newStub(channel).withDeadlineAfter(Deadline, TimeUnit.SECONDS).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))`;
  switch (k) {
    case 'unary':
      return `${doc}
  def ${name}(request: ${Req}, headers: Metadata = Metadata()): ${Res} =
    ${blocking}.${m}(request)`;
    case 'server':
      return `${doc}
  def ${name}(request: ${Req}, headers: Metadata = Metadata()): List[${Res}] =
    ${blocking}.${m}(request).asScala.toList`;
    case 'client':
      return `${doc}
  def ${name}(requests: List[${Req}], headers: Metadata = Metadata()): ${Res} =
    val answers = Collected[${Res}]()
    val stream = ${async}.${m}(answers)
    requests.foreach(stream.onNext)
    stream.onCompleted()
    answers.await() match
      case List(one) => one
      case got => throw IllegalStateException(s"expected one answer, got \${got.size}")`;
    case 'bidi':
      return `${doc}
  def ${name}(requests: List[${Req}], headers: Metadata = Metadata()): List[${Res}] =
    val answers = Collected[${Res}]()
    val stream = ${async}.${m}(answers)
    requests.foreach(stream.onNext)
    stream.onCompleted()
    answers.await()`;
  }
}

function exerciseLine(p: ScalaPlan, r: RpcContract, n: string): string {
  const reqS = sampleExpr(req(p, r), jsonLiteral(sampleOfType(r.request)));
  const resS = sampleExpr(res(p, r), jsonLiteral(sampleOfType(r.response)));
  const name = ident(n);
  const run = {
    unary: `Protos.diff(${resS}, ${name}(${reqS}, Protos.marker()))`,
    server: `Protos.streamDiff(${resS}, ${name}(${reqS}, Protos.marker()))`,
    client: `Protos.diff(${resS}, ${name}(List(${reqS}, ${reqS}), Protos.marker()))`,
    bidi: `Protos.streamDiff(${resS}, ${name}(List(${reqS}, ${reqS}), Protos.marker()))`,
  }[rpcKind(r)];
  return `      Exercise.method(${scalaString(r.name)})(IO.interruptible(${run})),`;
}

function grpcClient(p: ScalaPlan, g: GrpcPlan): GeneratedFile {
  const names = clientMethodNames(g, CLIENT_OWN);
  const PingReq = pingClass(p, 'PingRequest');
  const PingRes = pingClass(p, 'PingResponse');
  const methods = g.t.used.map((r) => clientMethod(p, r, names.get(r) ?? 'call'));
  const streams = g.t.used.some((r) => ['client', 'bidi'].includes(rpcKind(r)));
  const ping = g.typed
    ? `${pingGrpc(p)}
      .newBlockingStub(channel)
      .withDeadlineAfter(Env.callTimeout(hops.size).toMillis, TimeUnit.MILLISECONDS)
      .ping(${PingReq}.newBuilder().addAllPath(hops.asJava).build())
      .getTreeJson`
    : `ClientCalls
      .blockingUnaryCall(
        channel,
        LegacyPing,
        CallOptions.DEFAULT.withDeadlineAfter(Env.callTimeout(hops.size).toMillis, TimeUnit.MILLISECONDS),
        ${PingReq}.newBuilder().addAllPath(hops.asJava).build(),
      )
      .getTreeJson`;
  const legacyConst = g.typed
    ? ''
    : `
  /** ${g.target} is not converted to the typed contracts yet: its in-service Ping, with polyglot.ping.v1's messages. */
  private val LegacyPing: MethodDescriptor[${PingReq}, ${PingRes}] =
    ${pingGrpc(p)}.getPingMethod.toBuilder
      .setFullMethodName(${scalaString(g.t.legacyPing.replace(/^\//, ''))})
      .setSchemaDescriptor(null)
      .build()
`;
  const services = g.t.services.map((s) => s.fullName).join(', ') || g.target;
  return scalaFile(
    p.plumbing,
    g.cls,
    `${HEADER}
package ${packageName(p.plumbing)}

import cats.effect.IO
import cats.syntax.all.*
import io.circe.Json
import io.grpc.{CallOptions, ManagedChannel, Metadata, MethodDescriptor}
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder
import io.grpc.stub.{ClientCalls, MetadataUtils, StreamObserver}
import java.util.concurrent.{CompletableFuture, ExecutionException, TimeUnit}
import scala.jdk.CollectionConverters.*

/** Typed client of ${g.target}'s ${services}, at ${g.t.call.envVar} (default ${g.fallback}), plaintext. */
final class ${g.cls}:
  private val Deadline = 15L
${legacyConst}  private val channel: ManagedChannel =
    NettyChannelBuilder.forTarget(Env.get(${scalaString(g.t.call.envVar)}, ${scalaString(g.fallback)})).usePlaintext().build()

  /** The contract's Ping${g.typed ? ' (polyglot.ping.v1.PingService)' : ''}: the target's tree for a request that has passed through \`hops\`, as JSON text. */
  def ping(hops: List[String]): String =
    ${ping}
${methods.map((m) => `\n${m}\n`).join('')}
  /** Calls every RPC this link uses with the sample request and checks the answers. */
  def exercise: IO[Vector[Json]] =
    Vector[IO[Json]](
${g.t.used.map((r) => exerciseLine(p, r, names.get(r) ?? 'call')).join('\n')}
    ).sequence
${
  streams
    ? `
  /** Collects the answers of a streaming call. */
  private final class Collected[T] extends StreamObserver[T]:
    private val items = scala.collection.mutable.ListBuffer[T]()
    private val done = CompletableFuture[List[T]]()
    override def onNext(item: T): Unit = synchronized(items += item)
    override def onError(e: Throwable): Unit = done.completeExceptionally(e)
    override def onCompleted(): Unit = synchronized(done.complete(items.toList))
    def await(): List[T] =
      try done.get(Deadline + 1, TimeUnit.SECONDS)
      catch case e: ExecutionException => throw e.getCause
`
    : ''
}
  def close(): Unit =
    channel.shutdown()
    ()
`,
  );
}

/** The gRPC files of a Scala stub. */
export function grpcFiles(p: ScalaPlan): GeneratedFile[] {
  const own = p.own ? [grpcServer(p), ...(p.rpcs.length ? [rpcHandlers(p)] : [])] : [];
  return [...own, ...p.grpc.map((g) => grpcClient(p, g))];
}
