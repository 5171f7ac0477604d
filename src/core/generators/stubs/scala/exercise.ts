import type { GeneratedFile } from '../../types';
import { HEADER } from './core';
import { packageName } from './names';
import { scalaFile, type ScalaPlan } from './plan';

/**
 * The typed exercise of the contract in Scala (docs/stub-contract.md, "How a converted stub does
 * it"): the marker, JSON and protobuf comparison, `methods` entries, and RFC 9457 problems.
 */

const GRPC_ERROR = `    var t = e
    while t.getCause != null && (t.getCause ne t) && !t.isInstanceOf[io.grpc.StatusRuntimeException] do t = t.getCause
    t match
      case s: io.grpc.StatusRuntimeException => s"\${s.getStatus.getCode}: \${s.getStatus.getDescription}"
      case _ => Fanout.describe(e)`;

function exercise(p: ScalaPlan): GeneratedFile {
  return scalaFile(
    p.plumbing,
    'Exercise',
    `${HEADER}
package ${packageName(p.plumbing)}

import cats.effect.IO
import io.circe.{Decoder, Encoder, Json}
import io.circe.syntax.*

/**
 * The typed exercise of the service contract (docs/stub-contract.md). /ping calls every RPC and
 * endpoint of an outgoing link with the contract's sample data, marked with the
 * \`polyglot-exercise: 1\` header (gRPC metadata or HTTP header); the callee's plumbing checks that
 * what arrived is the sample and answers the sample, the caller checks the answer. User handlers
 * are never called for it.
 */
object Exercise:
  /** The marker header of an exercise call. */
  val Header = "polyglot-exercise"

  /** A sample (its JSON text) as a value of its type: \`Exercise.sample[Models.Order]("{...}")\`. */
  def sample[A: Decoder](json: String): A =
    io.circe.parser.decode[A](json).fold(e => throw IllegalStateException(s"the sample does not fit: \${e.getMessage}"), identity)

  /** A value's JSON as the wire carries it: members that are not set left out. */
  def json[A: Encoder](value: A): Json = value.asJson.deepDropNullValues

  /** One exercise call: a \`methods\` entry of the /ping tree (None when it went as expected). */
  def method(name: String)(check: IO[Option[String]]): IO[Json] =
    check.attempt.map { result =>
      val problem = result.fold(e => Some(errorText(e)), identity)
      Json.fromFields(List("name" -> name.asJson, "ok" -> problem.isEmpty.asJson) ++ problem.map("error" -> _.asJson))
    }

  /** The text of a failed call: a gRPC status and its description, an HTTP status and its body, or the exception. */
  def errorText(e: Throwable): String =
${p.features.grpc ? GRPC_ERROR : '    Fanout.describe(e)'}

  /** At most 300 characters of a text. */
  def shorten(text: String): String = if text.length <= 300 then text else text.take(297) + "..."

  /** A JSON value in one comparable form: keys sorted, nulls left out, numbers by value (1 equals 1.0). */
  def canonical(value: Json): Json =
    value.deepDropNullValues.fold(
      Json.Null,
      Json.fromBoolean,
      n => n.toBigDecimal.map(d => Json.fromBigDecimal(d.bigDecimal.stripTrailingZeros())).getOrElse(Json.fromJsonNumber(n)),
      Json.fromString,
      items => Json.fromValues(items.map(canonical)),
      obj => Json.fromFields(obj.toList.sortBy(_._1).map((k, v) => k -> canonical(v))),
    )

  /** None when a value equals the sample (its JSON text), else what differs. */
  def jsonDiff(expectedJson: String, got: Json): Option[String] =
    val a = canonical(io.circe.parser.parse(expectedJson).getOrElse(Json.Null))
    val b = canonical(got)
    if a == b then None else Some(s"expected \${shorten(a.noSpaces)}, got \${shorten(b.noSpaces)}")

  /** A parameter's text as a value of its type: as a JSON string first (text, enums, numbers), else as JSON. */
  def param[A: Decoder](text: String): Either[String, A] =
    Json.fromString(text).as[A].left.flatMap(_ => io.circe.parser.parse(text).flatMap(_.as[A])).left.map(_ => s"\${shorten(text)} does not fit its type")

  /** A parameter value as text: strings as they are, anything else as its JSON (an enum by name). */
  def text(value: Json): String = value.asString.getOrElse(value.noSpaces)
`,
  );
}

function protos(p: ScalaPlan): GeneratedFile {
  return scalaFile(
    p.plumbing,
    'Protos',
    `${HEADER}
package ${packageName(p.plumbing)}

import com.google.protobuf.{InvalidProtocolBufferException, Message}
import com.google.protobuf.util.JsonFormat
import io.grpc.{Context, Contexts, Metadata, ServerCall, ServerCallHandler, ServerInterceptor, Status, StatusRuntimeException}

/**
 * Protobuf messages for the typed exercise: a sample's message (its JSON form read with the
 * library's JSON mapping, so int64, enums by name, bytes, maps and Timestamps mean the same in
 * every language) and the comparison of two messages.
 */
object Protos:
  private val types = JsonFormat.TypeRegistry.newBuilder().add(com.google.protobuf.Empty.getDescriptor).build()
  private val parser = JsonFormat.parser().usingTypeRegistry(types)
  private val printer = JsonFormat.printer().usingTypeRegistry(types).omittingInsignificantWhitespace().sortingMapKeys()

  /** The exercise marker of gRPC calls: metadata \`polyglot-exercise\`. */
  val Marker: Metadata.Key[String] = Metadata.Key.of(Exercise.Header, Metadata.ASCII_STRING_MARSHALLER)

  private val marked: Context.Key[java.lang.Boolean] = Context.key(Exercise.Header)

  /** The message of a JSON text, built on \`builder\` (e.g. \`Order.newBuilder()\`). */
  def parse[M <: Message](builder: Message.Builder, json: String): M =
    try parser.merge(json, builder)
    catch
      case e: InvalidProtocolBufferException =>
        throw IllegalStateException(s"not a \${builder.getDescriptorForType.getFullName}: \${e.getMessage}", e)
    builder.build().asInstanceOf[M]

  /** A message as JSON text (the protobuf JSON mapping), for messages and logs. */
  def json(message: Message): String =
    try printer.print(message)
    catch case _: InvalidProtocolBufferException => message.toString

  /** None when a received message equals the expected one, else what differs. */
  def diff(expected: Message, got: Message): Option[String] =
    if expected == got then None
    else Some(s"expected \${Exercise.shorten(json(expected))}, got \${Exercise.shorten(json(got))}")

  /** None when a stream carried the expected message exactly twice. */
  def streamDiff(expected: Message, got: Seq[Message]): Option[String] =
    if got.size != 2 then Some(s"expected the sample twice, got \${got.size} message(s)")
    else diff(expected, got(0)).orElse(diff(expected, got(1)))

  /** The metadata of an exercise call. */
  def marker(): Metadata =
    val headers = Metadata()
    headers.put(Marker, "1")
    headers

  /** Whether the call being served is an exercise call (set by \`interceptor\`). */
  def isMarked: Boolean = java.lang.Boolean.TRUE == marked.get()

  /** Notes, per call, whether it carries the exercise marker. */
  val interceptor: ServerInterceptor = new ServerInterceptor:
    override def interceptCall[Q, R](call: ServerCall[Q, R], headers: Metadata, next: ServerCallHandler[Q, R]): ServerCall.Listener[Q] =
      val context = Context.current().withValue(marked, java.lang.Boolean.valueOf(headers.containsKey(Marker)))
      Contexts.interceptCall(context, call, headers, next)

  /** INVALID_ARGUMENT: the request of an exercise call is not the sample. */
  def invalid(method: String, what: String, problem: String): StatusRuntimeException =
    Status.INVALID_ARGUMENT.withDescription(s"$method: the request$what differs from the sample: $problem").asRuntimeException()

  /** A handler's exception as a gRPC status: its own when it has one, else INTERNAL. */
  def failure(e: Throwable): StatusRuntimeException = e match
    case s: StatusRuntimeException => s
    case s: io.grpc.StatusException => s.getStatus.asRuntimeException(s.getTrailers)
    case other => Status.INTERNAL.withDescription(String.valueOf(other.getMessage)).withCause(other).asRuntimeException()
`,
  );
}

/** The exercise files of a Scala stub: Exercise always, Protos with gRPC. */
export function exerciseFiles(p: ScalaPlan): GeneratedFile[] {
  return [exercise(p), ...(p.features.grpc ? [protos(p)] : [])];
}
