// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package seedkafka.analytics.plumbing

import io.circe.Decoder
import seedkafka.analytics.handlers.Messages
import seedkafka.analytics.models.*

/**
 * Consumes every queue link of this service: each message is recorded in /ping's `received`
 * list, then its payload goes to the handler in handlers/Messages.scala. A body that is not an
 * envelope is skipped; a payload of another shape is logged and skipped.
 */
object Subscriptions:
  def start(): Unit =
    KafkaBus.subscribe(Env.get("KAFKA_URL", "kafka:9092"), "user-activity") { body =>
      deliver[UserActivityMessage]("kafka", "user-activity", body)(Messages.onUserActivity)
    }

  private def deliver[A: Decoder](broker: String, topic: String, body: Array[Byte])(handle: (A, String) => Unit): Unit =
    Envelopes.receive(broker, topic, body).foreach { payload =>
      val from = io.circe.parser.parse(String(body, "UTF-8")).toOption.flatMap(_.hcursor.get[String]("from").toOption).getOrElse("")
      payload.as[A] match
        case Right(message) =>
          try handle(message, from)
          catch case e: Exception => System.err.println(s"$topic: handler failed: ${Fanout.describe(e)}")
        case Left(e) => System.err.println(s"$topic: payload skipped: ${e.getMessage}")
    }
