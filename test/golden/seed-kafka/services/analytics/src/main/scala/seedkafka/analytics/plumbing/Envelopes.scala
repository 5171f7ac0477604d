// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package seedkafka.analytics.plumbing

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
    val id = s"${Env.serviceName}-${counter.incrementAndGet()}"
    val json = Json.obj(
      "id" -> id.asJson,
      "from" -> Env.serviceName.asJson,
      "topic" -> topic.asJson,
      "path" -> path.asJson,
      "payload" -> payload,
    )
    Outgoing(id, json.noSpaces.getBytes(UTF_8))

  /**
   * Records a consumed message in /ping's `received` list (with whether its payload is the
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
