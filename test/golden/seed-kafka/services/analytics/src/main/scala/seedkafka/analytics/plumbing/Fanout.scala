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

/**
 * One call of /ping: the fields of its entry in the tree, what it runs with the path so far, and
 * the typed exercise of the link when the target reads the typed contracts (its `methods`).
 */
final case class Call(entry: List[(String, Json)], run: List[String] => IO[Outcome], methods: Option[IO[Vector[Json]]] = None)

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
      val done = call
        .run(hops)
        .timeoutTo(limit, IO.raiseError(TimeoutException(s"no answer within ${limit.toMillis} ms")))
        .attempt
        .map {
          case Right(Outcome.Tree(tree)) => call.entry ++ List("ok" -> true.asJson, "tree" -> tree)
          case Right(Outcome.Sent(id)) => call.entry ++ List("ok" -> true.asJson, "id" -> id.asJson)
          case Right(Outcome.Done) => call.entry :+ ("ok" -> true.asJson)
          case Left(e) => call.entry ++ List("ok" -> false.asJson, "error" -> Fanout.describe(e).asJson)
        }
      // the exercise runs beside the call; the entry's own ok is the call's alone
      val methods = call.methods.traverse(
        _.timeoutTo(limit, IO.raiseError(TimeoutException(s"no answer within ${limit.toMillis} ms"))).handleError(e =>
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
    if root eq e then oneLine(e) else s"${oneLine(e)} (${oneLine(root)})"

  private def oneLine(e: Throwable): String =
    e.getClass.getSimpleName + Option(e.getMessage).map(m => s": $m").getOrElse("")

  def entry(via: String, target: String): List[(String, Json)] =
    List("via" -> via.asJson, "target" -> target.asJson)

  def queueEntry(broker: String, kind: String, topic: String): List[(String, Json)] =
    List("via" -> "queue".asJson, "broker" -> broker.asJson, "brokerKind" -> kind.asJson, "topic" -> topic.asJson)
