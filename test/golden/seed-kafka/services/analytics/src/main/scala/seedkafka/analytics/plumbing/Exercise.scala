// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package seedkafka.analytics.plumbing

import cats.effect.IO
import io.circe.{Decoder, Encoder, Json}
import io.circe.syntax.*

/**
 * The typed exercise of the service contract (docs/stub-contract.md). /ping calls every RPC and
 * endpoint of an outgoing link with the contract's sample data, marked with the
 * `polyglot-exercise: 1` header (gRPC metadata or HTTP header); the callee's plumbing checks that
 * what arrived is the sample and answers the sample, the caller checks the answer. User handlers
 * are never called for it.
 */
object Exercise:
  /** The marker header of an exercise call. */
  val Header = "polyglot-exercise"

  /** A sample (its JSON text) as a value of its type: `Exercise.sample[Models.Order]("{...}")`. */
  def sample[A: Decoder](json: String): A =
    io.circe.parser.decode[A](json).fold(e => throw IllegalStateException(s"the sample does not fit: ${e.getMessage}"), identity)

  /** A value's JSON as the wire carries it: members that are not set left out. */
  def json[A: Encoder](value: A): Json = value.asJson.deepDropNullValues

  /** One exercise call: a `methods` entry of the /ping tree (None when it went as expected). */
  def method(name: String)(check: IO[Option[String]]): IO[Json] =
    check.attempt.map { result =>
      val problem = result.fold(e => Some(errorText(e)), identity)
      Json.fromFields(List("name" -> name.asJson, "ok" -> problem.isEmpty.asJson) ++ problem.map("error" -> _.asJson))
    }

  /** The text of a failed call: a gRPC status and its description, an HTTP status and its body, or the exception. */
  def errorText(e: Throwable): String =
    Fanout.describe(e)

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
    if a == b then None else Some(s"expected ${shorten(a.noSpaces)}, got ${shorten(b.noSpaces)}")

  /** A parameter's text as a value of its type: as a JSON string first (text, enums, numbers), else as JSON. */
  def param[A: Decoder](text: String): Either[String, A] =
    Json.fromString(text).as[A].left.flatMap(_ => io.circe.parser.parse(text).flatMap(_.as[A])).left.map(_ => s"${shorten(text)} does not fit its type")

  /** A parameter value as text: strings as they are, anything else as its JSON (an enum by name). */
  def text(value: Json): String = value.asString.getOrElse(value.noSpaces)
