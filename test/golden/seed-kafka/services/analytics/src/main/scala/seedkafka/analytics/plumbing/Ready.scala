// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package seedkafka.analytics.plumbing

import cats.effect.IO
import cats.syntax.all.*
import java.net.{InetSocketAddress, Socket}
import scala.util.Using

/** The contract's readiness: a TCP connection opens to every broker and database this service uses. */
object Ready:
  /** The address variables of the brokers and databases, with the port an address without one means. */
  val dependencies: List[(String, Int)] = List(
    "KAFKA_URL" -> 9092,
  )

  /**
   * The first host and port of an address: a URL (scheme://user:pass@host:port/path) or a list of
   * host:port (Kafka's bootstrap servers).
   */
  def address(value: String, fallback: Int): InetSocketAddress =
    var s = value.trim
    val scheme = s.indexOf("://")
    if scheme >= 0 then s = s.substring(scheme + 3)
    s = s.split("[/?#]", 2)(0)
    s = s.substring(s.lastIndexOf('@') + 1).split(",", 2)(0)
    var host = s
    var port = ""
    if s.startsWith("[") then
      val end = s.indexOf(']')
      host = s.substring(1, if end < 0 then s.length else end)
      port = if end >= 0 && s.startsWith(":", end + 1) then s.substring(end + 2) else ""
    else if s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':') then
      host = s.substring(0, s.indexOf(':'))
      port = s.substring(s.indexOf(':') + 1)
    InetSocketAddress(host, if port.matches("\\d+") then port.toInt else fallback)

  private def answers(value: Option[String], fallback: Int): Boolean =
    value.exists(v => v.trim.nonEmpty && Using(Socket())(_.connect(address(v, fallback), 1000)).isSuccess)

  /** The variables of the dependencies that accept no TCP connection within a second. */
  def unreachable: IO[List[String]] =
    dependencies.parTraverseFilter { (name, port) =>
      IO.blocking(if answers(sys.env.get(name), port) then None else Some(name))
    }
