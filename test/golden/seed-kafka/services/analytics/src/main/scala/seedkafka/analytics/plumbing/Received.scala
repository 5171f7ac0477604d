// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package seedkafka.analytics.plumbing

import io.circe.Json
import scala.jdk.CollectionConverters.*

/** The last 20 messages this service consumed, newest last: /ping's `received`. */
object Received:
  private val entries = java.util.ArrayDeque[Json]()

  def add(entry: Json): Unit = synchronized {
    entries.addLast(entry)
    while entries.size > 20 do entries.removeFirst()
  }

  def snapshot: Vector[Json] = synchronized(entries.asScala.toVector)
