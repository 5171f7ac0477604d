import type { GeneratedFile } from '../../types';
import { readyDependencies, READY_TIMEOUT_MS } from '../ready';
import { packageName, scalaString } from './names';
import { scalaFile, type ScalaPlan } from './plan';

/** The plumbing every Scala stub has: environment, envelopes, received list, fan-out, readiness. */

export const HEADER = '// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.';

function env(p: ScalaPlan): GeneratedFile {
  return scalaFile(
    p.plumbing,
    'Env',
    `${HEADER}
package ${packageName(p.plumbing)}

import scala.concurrent.duration.*

/** The service's configuration: environment variables only (docs/stub-contract.md). */
object Env:
  /** A variable's value, or \`fallback\` when it is unset or blank. */
  def get(name: String, fallback: String): String =
    sys.env.get(name).map(_.trim).filter(_.nonEmpty).getOrElse(fallback)

  /** This service's DNS name, as /ping reports it. */
  lazy val serviceName: String = get("SERVICE_NAME", ${scalaString(p.dns)})

  /** The name of this replica, for broker client ids. */
  lazy val instanceName: String = serviceName + "-" + java.util.UUID.randomUUID().toString.take(8)

  /** What one broker or database operation may take. */
  val Timeout: FiniteDuration = 5.seconds

  /** A service call waits longer the nearer it is to the entry: 5 s plus one per hop below 8. */
  def callTimeout(hops: Int): FiniteDuration = (5 + math.max(0, 8 - hops)).seconds
`,
  );
}

function received(p: ScalaPlan): GeneratedFile {
  return scalaFile(
    p.plumbing,
    'Received',
    `${HEADER}
package ${packageName(p.plumbing)}

import io.circe.Json
import scala.jdk.CollectionConverters.*

/** The last 20 messages this service consumed, newest last: /ping's \`received\`. */
object Received:
  private val entries = java.util.ArrayDeque[Json]()

  def add(entry: Json): Unit = synchronized {
    entries.addLast(entry)
    while entries.size > 20 do entries.removeFirst()
  }

  def snapshot: Vector[Json] = synchronized(entries.asScala.toVector)
`,
  );
}

function envelopes(p: ScalaPlan): GeneratedFile {
  return scalaFile(
    p.plumbing,
    'Envelopes',
    `${HEADER}
package ${packageName(p.plumbing)}

import io.circe.{Json, parser}
import io.circe.syntax.*
import java.nio.charset.StandardCharsets.UTF_8
import java.util.concurrent.atomic.AtomicLong

/**
 * The message envelope every stub publishes and reads:
 * {"id", "from", "topic", "path", "payload"}, as UTF-8 JSON text.
 */
object Envelopes:
  private val counter = AtomicLong()

  /** One message ready to publish: its id and its body. */
  final case class Outgoing(id: String, body: Array[Byte]):
    def text: String = String(body, UTF_8)

  def wrap(topic: String, path: Seq[String], payload: Json): Outgoing =
    val id = s"\${Env.serviceName}-\${counter.incrementAndGet()}"
    val json = Json.obj(
      "id" -> id.asJson,
      "from" -> Env.serviceName.asJson,
      "topic" -> topic.asJson,
      "path" -> path.asJson,
      "payload" -> payload,
    )
    Outgoing(id, json.noSpaces.getBytes(UTF_8))

  /**
   * Records a consumed message in /ping's \`received\` list (with whether its payload is the
   * contract's sample) and returns its payload; None for a body that is not a JSON envelope, which
   * the consumer skips.
   */
  def receive(broker: String, topic: String, body: Array[Byte], valid: Json => Boolean = _ => true): Option[Json] =
    parser.parse(String(body, UTF_8)).toOption.flatMap(_.asObject).map { envelope =>
      val payload = envelope("payload").getOrElse(Json.obj())
      Received.add(
        Json.obj(
          "broker" -> broker.asJson,
          "topic" -> topic.asJson,
          "from" -> envelope("from").getOrElse(Json.Null),
          "id" -> envelope("id").getOrElse(Json.Null),
          "valid" -> valid(payload).asJson,
        ),
      )
      payload
    }
`,
  );
}

function fanout(p: ScalaPlan): GeneratedFile {
  return scalaFile(
    p.plumbing,
    'Fanout',
    `${HEADER}
package ${packageName(p.plumbing)}

import cats.effect.IO
import cats.syntax.all.*
import io.circe.Json
import io.circe.syntax.*
import java.util.concurrent.TimeoutException
import scala.concurrent.duration.*

/** What one call of /ping gives besides \`ok\`: the callee's tree, a published message's id, or nothing. */
enum Outcome:
  case Tree(tree: Json)
  case Sent(id: String)
  case Done

/**
 * One call of /ping: the fields of its entry in the tree, what it runs with the path so far, and
 * the typed exercise of the link when the target reads the typed contracts (its \`methods\`).
 */
final case class Call(entry: List[(String, Json)], run: List[String] => IO[Outcome], methods: Option[IO[Vector[Json]]] = None)

/**
 * Builds the /ping tree: one call over every outgoing link (REST, gRPC, one message per queue
 * link, a connection check per database), run in parallel. A service already on the path answers
 * \`loop: true\` without calling anyone, which stops cycles.
 */
final class Fanout(calls: List[Call]):
  def tree(incoming: List[String]): IO[Json] =
    val self = Env.serviceName
    val loop = incoming.contains(self)
    val hops = incoming :+ self
    (if loop then IO.pure(Vector.empty[Json]) else run(hops)).map { done =>
      Json.obj(
        "service" -> self.asJson,
        "language" -> ${scalaString(p.language)}.asJson,
        "framework" -> ${scalaString(p.framework)}.asJson,
        "ok" -> true.asJson,
        "loop" -> loop.asJson,
        "path" -> hops.asJson,
        "calls" -> done.asJson,
        "received" -> Received.snapshot.asJson,
      )
    }

  private def run(hops: List[String]): IO[Vector[Json]] =
    // every call has its own time-out; this is the backstop, a little longer than the longest
    val limit = Env.callTimeout(hops.size) + 2.seconds
    calls.toVector.parTraverse { call =>
      val done = call
        .run(hops)
        .timeoutTo(limit, IO.raiseError(TimeoutException(s"no answer within \${limit.toMillis} ms")))
        .attempt
        .map {
          case Right(Outcome.Tree(tree)) => call.entry ++ List("ok" -> true.asJson, "tree" -> tree)
          case Right(Outcome.Sent(id)) => call.entry ++ List("ok" -> true.asJson, "id" -> id.asJson)
          case Right(Outcome.Done) => call.entry :+ ("ok" -> true.asJson)
          case Left(e) => call.entry ++ List("ok" -> false.asJson, "error" -> Fanout.describe(e).asJson)
        }
      // the exercise runs beside the call; the entry's own ok is the call's alone
      val methods = call.methods.traverse(
        _.timeoutTo(limit, IO.raiseError(TimeoutException(s"no answer within \${limit.toMillis} ms"))).handleError(e =>
          Vector(Json.obj("name" -> "exercise".asJson, "ok" -> false.asJson, "error" -> Fanout.describe(e).asJson)),
        ),
      )
      (done, methods).parMapN((fields, results) => Json.fromFields(fields ++ results.map(r => "methods" -> r.asJson)))
    }

object Fanout:
  /** The exception and, when it has one, its root cause: "StatusRuntimeException: UNAVAILABLE (...)". */
  def describe(e: Throwable): String =
    var root = e
    while root.getCause != null && (root.getCause ne root) do root = root.getCause
    if root eq e then oneLine(e) else s"\${oneLine(e)} (\${oneLine(root)})"

  private def oneLine(e: Throwable): String =
    e.getClass.getSimpleName + Option(e.getMessage).map(m => s": $m").getOrElse("")

  def entry(via: String, target: String): List[(String, Json)] =
    List("via" -> via.asJson, "target" -> target.asJson)

  def queueEntry(broker: String, kind: String, topic: String): List[(String, Json)] =
    List("via" -> "queue".asJson, "broker" -> broker.asJson, "brokerKind" -> kind.asJson, "topic" -> topic.asJson)
`,
  );
}

function ready(p: ScalaPlan): GeneratedFile {
  const rows = readyDependencies(p.ctx.wiring).map((d) => `    ${scalaString(d.envVar)} -> ${d.defaultPort},`);
  return scalaFile(
    p.plumbing,
    'Ready',
    `${HEADER}
package ${packageName(p.plumbing)}

import cats.effect.IO
import cats.syntax.all.*
import java.net.{InetSocketAddress, Socket}
import scala.util.Using

/** The contract's readiness: a TCP connection opens to every broker and database this service uses. */
object Ready:
  /** The address variables of the brokers and databases, with the port an address without one means. */
  val dependencies: List[(String, Int)] = List(${rows.length ? `\n${rows.join('\n')}\n  ` : ''})

  /**
   * The first host and port of an address: a URL (scheme://user:pass@host:port/path) or a list of
   * host:port (Kafka's bootstrap servers).
   */
  def address(value: String, fallback: Int): InetSocketAddress =
    var s = value.trim
    val scheme = s.indexOf("://")
    if scheme >= 0 then s = s.substring(scheme + 3)
    s = s.split("[/?#]", 2)(0)
    s = s.substring(s.lastIndexOf('@') + 1).split(",", 2)(0)
    var host = s
    var port = ""
    if s.startsWith("[") then
      val end = s.indexOf(']')
      host = s.substring(1, if end < 0 then s.length else end)
      port = if end >= 0 && s.startsWith(":", end + 1) then s.substring(end + 2) else ""
    else if s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':') then
      host = s.substring(0, s.indexOf(':'))
      port = s.substring(s.indexOf(':') + 1)
    InetSocketAddress(host, if port.matches("\\\\d+") then port.toInt else fallback)

  private def answers(value: Option[String], fallback: Int): Boolean =
    value.exists(v => v.trim.nonEmpty && Using(Socket())(_.connect(address(v, fallback), ${READY_TIMEOUT_MS})).isSuccess)

  /** The variables of the dependencies that accept no TCP connection within a second. */
  def unreachable: IO[List[String]] =
    dependencies.parTraverseFilter { (name, port) =>
      IO.blocking(if answers(sys.env.get(name), port) then None else Some(name))
    }
`,
  );
}

/** The plumbing files every service has. */
export function corePlumbing(p: ScalaPlan): GeneratedFile[] {
  return [env(p), received(p), envelopes(p), fanout(p), ready(p)];
}
