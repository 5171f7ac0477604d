// Your code: the messages this service publishes and consumes. Safe to edit.
package seedkafka.analytics.handlers

import seedkafka.analytics.models.Models
import seedkafka.analytics.plumbing.Exercise

/** The messages of this service's queue links, typed by the contract. */
object Messages:
  /** Called for each message consumed from user-activity; `from` is the service that published it. */
  def onUserActivity(message: Models.UserActivityMessage, from: String): Unit =
    // TODO: handle the message.
    println(s"user-activity: $message from $from")
