// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package seedkafka.analytics

import cats.effect.{IO, IOApp, Resource}
import com.comcast.ip4s.{Host, Port}
import org.http4s.ember.client.EmberClientBuilder
import org.http4s.ember.server.EmberServerBuilder
import seedkafka.analytics.plumbing.*

/** Starts the service: the HTTP server on PORT, the consumers. */
object Main extends IOApp.Simple:
  def run: IO[Unit] =
    val port = Port.fromString(Env.get("PORT", "8080")).getOrElse(sys.error("PORT is not a port number"))
    val service =
      for
        http <- EmberClientBuilder.default[IO].build
        fanout = Fanout(Links.calls(http))
        _ <- Resource.eval(IO.blocking(Subscriptions.start()))
        _ <- Resource.onFinalize(IO.blocking { KafkaBus.close() })
        server <- EmberServerBuilder
          .default[IO]
          .withHost(Host.fromString("0.0.0.0").get)
          .withPort(port)
          .withHttpApp(Routes(fanout).app)
          .build
      yield server
    service.use(server => IO.println(s"${Env.serviceName} listening on ${server.address}") >> IO.never)
