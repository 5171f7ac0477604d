// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package seedkafka.analytics.plumbing

import scala.concurrent.duration.*

/** The service's configuration: environment variables only (docs/stub-contract.md). */
object Env:
  /** A variable's value, or `fallback` when it is unset or blank. */
  def get(name: String, fallback: String): String =
    sys.env.get(name).map(_.trim).filter(_.nonEmpty).getOrElse(fallback)

  /** This service's DNS name, as /ping reports it. */
  lazy val serviceName: String = get("SERVICE_NAME", "analytics")

  /** The name of this replica, for broker client ids. */
  lazy val instanceName: String = serviceName + "-" + java.util.UUID.randomUUID().toString.take(8)

  /** What one broker or database operation may take. */
  val Timeout: FiniteDuration = 5.seconds

  /** A service call waits longer the nearer it is to the entry: 5 s plus one per hop below 8. */
  def callTimeout(hops: Int): FiniteDuration = (5 + math.max(0, 8 - hops)).seconds
