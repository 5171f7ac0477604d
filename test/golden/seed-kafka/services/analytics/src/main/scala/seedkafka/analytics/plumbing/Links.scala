// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package seedkafka.analytics.plumbing

import cats.effect.IO
import io.circe.parser.parse
import io.circe.syntax.*
import org.http4s.client.Client

/** The calls of /ping: one per outgoing link of this service, in the design's order. */
object Links:
  def calls(http: Client[IO]): List[Call] =
    List(

    )
