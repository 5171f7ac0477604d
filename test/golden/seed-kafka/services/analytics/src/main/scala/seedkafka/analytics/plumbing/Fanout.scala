// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package seedkafka.analytics.plumbing

import cats.effect.IO
import cats.syntax.all.*
import io.circe.Json
import io.circe.syntax.*
import java.util.concurrent.TimeoutException
import scala.concurrent.duration.*

/** What one call of /ping gives besides `ok`: the callee's tree, a published message's id, or nothing. */
enum Outcome:
  case Tree(tree: Json)
  case Sent(id: String)
  case Done

/** One call of /ping: the fields of its entry in the tree, and what it runs with the path so far. */
final case class Call(entry: List[(String, Json)], run: List[String] => IO[Outcome])

/**
 * Builds the /ping tree: one call over every outgoing link (REST, gRPC, one message per queue
 * link, a connection check per database), run in parallel. A service already on the path answers
 * `loop: true` without calling anyone, which stops cycles.
 */
final class Fanout(calls: List[Call]):
  def tree(incoming: List[String]): IO[Json] =
    val self = Env.serviceName
    val loop = incoming.contains(self)
    val hops = incoming :+ self
    (if loop then IO.pure(Vector.empty[Json]) else run(hops)).map { done =>
      Json.obj(
        "service" -> self.asJson,
        "language" -> "Scala".asJson,
        "framework" -> "http4s".asJson,
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
      call
        .run(hops)
        .timeoutTo(limit, IO.raiseError(TimeoutException(s"no answer within ${limit.toMillis} ms")))
        .attempt
        .map {
          case Right(Outcome.Tree(tree)) => Json.fromFields(call.entry ++ List("ok" -> true.asJson, "tree" -> tree))
          case Right(Outcome.Sent(id)) => Json.fromFields(call.entry ++ List("ok" -> true.asJson, "id" -> id.asJson))
          case Right(Outcome.Done) => Json.fromFields(call.entry :+ ("ok" -> true.asJson))
          case Left(e) => Json.fromFields(call.entry ++ List("ok" -> false.asJson, "error" -> Fanout.describe(e).asJson))
        }
    }

object Fanout:
  /** The exception and, when it has one, its root cause: "StatusRuntimeException: UNAVAILABLE (...)". */
  def describe(e: Throwable): String =
    var root = e
    while root.getCause != null && (root.getCause ne root) do root = root.getCause
    if root eq e then oneLine(e) else s"${oneLine(e)} (${oneLine(root)})"

  private def oneLine(e: Throwable): String =
    e.getClass.getSimpleName + Option(e.getMessage).map(m => s": $m").getOrElse("")

  def entry(via: String, target: String): List[(String, Json)] =
    List("via" -> via.asJson, "target" -> target.asJson)

  def queueEntry(broker: String, kind: String, topic: String): List[(String, Json)] =
    List("via" -> "queue".asJson, "broker" -> broker.asJson, "brokerKind" -> kind.asJson, "topic" -> topic.asJson)
