// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package seedkafka.analytics.plumbing

import io.circe.{Decoder, Encoder, Json}
import seedkafka.analytics.handlers.Messages
import seedkafka.analytics.models.Models

/**
 * Consumes every queue link of this service: each message is recorded in /ping's `received`
 * list, with `valid` telling whether its payload is the contract's sample of the channel's
 * message, then its payload goes to the handler in handlers/Messages.scala. A body that is not an
 * envelope is skipped; a payload of another shape is logged and skipped.
 */
object Subscriptions:
  def start(): Unit =
    KafkaBus.subscribe(Env.get("KAFKA_URL", "kafka:9092"), "user-activity") { body =>
      deliver[Models.UserActivityMessage]("kafka", "user-activity", "{\"user_id\":\"user_id-sample\",\"action\":\"action-sample\",\"at\":\"at-sample\",\"duration_ms\":4}", body)(Messages.onUserActivity)
    }

  private def deliver[A: Decoder: Encoder](broker: String, topic: String, sample: String, body: Array[Byte])(handle: (A, String) => Unit): Unit =
    val valid = (payload: Json) => payload.as[A].toOption.exists(typed => Exercise.jsonDiff(sample, Exercise.json(typed)).isEmpty)
    Envelopes.receive(broker, topic, body, valid).foreach { payload =>
      val from = io.circe.parser.parse(String(body, "UTF-8")).toOption.flatMap(_.hcursor.get[String]("from").toOption).getOrElse("")
      payload.as[A] match
        case Right(message) =>
          try handle(message, from)
          catch case e: Exception => System.err.println(s"$topic: handler failed: ${Fanout.describe(e)}")
        case Left(e) => System.err.println(s"$topic: payload skipped: ${e.getMessage}")
    }
