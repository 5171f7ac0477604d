// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package seedkafka.analytics.plumbing

import cats.effect.IO
import io.circe.Json
import io.circe.syntax.*
import org.http4s.{HttpApp, HttpRoutes, MediaType, Response, Status}
import org.http4s.circe.CirceEntityCodec.*
import org.http4s.dsl.io.*
import org.http4s.headers.`Content-Type`

/** GET /healthz, /readyz and /ping. */
final class Routes(fanout: Fanout):
  private val contract = HttpRoutes.of[IO] {
    case GET -> Root / "healthz" =>
      Ok(Json.obj("status" -> "ok".asJson))
    case GET -> Root / "readyz" =>
      Ready.unreachable.flatMap { down =>
        if down.isEmpty then Ok(Json.obj("status" -> "ok".asJson))
        else ServiceUnavailable(Json.obj("status" -> "unavailable".asJson, "unreachable" -> down.asJson))
      }
    case request @ GET -> Root / "ping" =>
      val path = request.params.get("path").toList.flatMap(_.split(',')).map(_.trim).filter(_.nonEmpty)
      fanout.tree(path).flatMap(tree => Ok(tree))
  }

  /** Every answer; an error without a body of its own is RFC 9457 application/problem+json. */
  val app: HttpApp[IO] = HttpApp[IO] { request =>
    contract(request)
      .getOrElse(Problem.of(Status.NotFound, s"no route for ${request.method} ${request.uri.path}"))
      .handleErrorWith {
        case p: Problem => IO.pure(Problem.of(Status.fromInt(p.status).getOrElse(Status.InternalServerError), p.detail))
        case e: org.http4s.MessageFailure => IO.pure(Problem.of(e.toHttpResponse[IO](request.httpVersion).status, e.getMessage))
        case e => IO.println(s"error: ${Fanout.describe(e)}").as(Problem.of(Status.InternalServerError, Fanout.describe(e)))
      }
  }

/**
 * An error answer of a REST endpoint, sent as RFC 9457 application/problem+json: raise
 * `Problem(404, "no such order")` from a handler.
 */
final case class Problem(status: Int, detail: String) extends Exception(s"HTTP $status: $detail")

/** RFC 9457 problem answers. */
object Problem:
  def of(status: Status, detail: String): Response[IO] =
    Response[IO](status)
      .withEntity(Json.obj("type" -> "about:blank".asJson, "title" -> status.reason.asJson, "status" -> status.code.asJson, "detail" -> detail.asJson))
      .withContentType(`Content-Type`(MediaType.unsafeParse("application/problem+json")))
