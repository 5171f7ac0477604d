import type { GeneratedFile } from '../../types';
import { HEADER } from './core';
import { BUS_OBJECT } from './messaging';
import { packageName, scalaString } from './names';
import { scalaFile, type ScalaPlan } from './plan';

/** plumbing/Databases.scala, plumbing/Links.scala (the calls of /ping) and plumbing/Main.scala. */

const POSTGRES = `
  /** PostgreSQL: \`SELECT 1\` over plain JDBC; the postgresql:// URL is turned into a JDBC one. */
  def postgres(url: String): Unit =
    val uri = java.net.URI.create(url)
    val db = Option(uri.getRawPath).filter(_.length > 1).map(_.substring(1)).getOrElse("postgres")
    val port = if uri.getPort < 0 then 5432 else uri.getPort
    val jdbc = s"jdbc:postgresql://\${uri.getHost}:$port/$db" + Option(uri.getRawQuery).map("?" + _).getOrElse("")
    val props = java.util.Properties()
    Option(uri.getRawUserInfo).foreach { info =>
      val colon = info.indexOf(':')
      props.setProperty("user", decode(if colon < 0 then info else info.substring(0, colon)))
      if colon >= 0 then props.setProperty("password", decode(info.substring(colon + 1)))
    }
    props.setProperty("connectTimeout", "5")
    props.setProperty("loginTimeout", "5")
    props.setProperty("socketTimeout", "5")
    Using.resource(java.sql.DriverManager.getConnection(jdbc, props)) { connection =>
      Using.resource(connection.createStatement()) { statement =>
        Using.resource(statement.executeQuery("SELECT 1")) { rows =>
          if !rows.next() || rows.getInt(1) != 1 then throw IllegalStateException("SELECT 1 returned no 1")
        }
      }
    }

  private def decode(s: String): String = java.net.URLDecoder.decode(s, "UTF-8")
`;

const MONGODB = `
  private val mongoClients = ConcurrentHashMap[String, com.mongodb.client.MongoClient]()

  /** MongoDB: the \`ping\` command on the URL's database. */
  def mongodb(url: String): Unit =
    val client = mongoClients.computeIfAbsent(
      url,
      u =>
        com.mongodb.client.MongoClients.create(
          com.mongodb.MongoClientSettings
            .builder()
            .applyConnectionString(com.mongodb.ConnectionString(u))
            .applyToClusterSettings(b => { b.serverSelectionTimeout(5, TimeUnit.SECONDS); () })
            .applyToSocketSettings(b => { b.connectTimeout(5, TimeUnit.SECONDS); () })
            .build(),
        ),
    )
    val db = Option(com.mongodb.ConnectionString(url).getDatabase).getOrElse("admin")
    client.getDatabase(db).runCommand(org.bson.Document("ping", 1))
    ()
`;

const REDIS_DB = `
  private val redisClients = ConcurrentHashMap[String, _root_.redis.clients.jedis.JedisPooled]()

  /** Redis: \`PING\`. */
  def redis(url: String): Unit =
    val answer = redisClients.computeIfAbsent(url, u => _root_.redis.clients.jedis.JedisPooled(java.net.URI.create(u), 5000)).ping()
    if !"PONG".equalsIgnoreCase(answer) then throw IllegalStateException(s"PING answered $answer")
`;

function databases(p: ScalaPlan): GeneratedFile[] {
  const kinds = new Set(p.databases.map((d) => d.use.databaseKind));
  if (kinds.size === 0) return [];
  return [
    scalaFile(
      p.plumbing,
      'Databases',
      `${HEADER}
package ${packageName(p.plumbing)}

import java.util.concurrent.{ConcurrentHashMap, TimeUnit}
import scala.util.Using

/** Connection checks of the databases this service uses, one call of /ping each. */
object Databases:
${kinds.has('postgres') ? POSTGRES : ''}${kinds.has('mongodb') ? MONGODB : ''}${kinds.has('redis') ? REDIS_DB : ''}`,
    ),
  ];
}

function links(p: ScalaPlan): GeneratedFile {
  const s = scalaString;
  const clients = [
    ...p.rest.map((r) => `    val ${r.field} = ${r.cls}(http)`),
    ...p.grpc.map((g) => `    val ${g.field} = ${g.cls}()`),
  ];
  const calls = [
    ...p.rest.map(
      (r) =>
        `      Call(Fanout.entry("rest", ${s(r.target)}), hops => ${r.field}.ping(hops).map(Outcome.Tree(_))${r.typed ? `, Some(${r.field}.exercise)` : ''}),`,
    ),
    ...p.grpc.map(
      (g) =>
        `      Call(Fanout.entry("grpc", ${s(g.target)}), hops => IO.interruptible(Outcome.Tree(parse(${g.field}.ping(hops)).fold(throw _, identity)))${g.typed ? `, Some(IO.defer(${g.field}.exercise))` : ''}),`,
    ),
    ...p.publishes.map(
      (q) => `      Call(
        Fanout.queueEntry(${s(q.brokerDns)}, ${s(q.use.brokerKind)}, ${s(q.use.topic)}),
        hops =>
          IO.interruptible {
            val out = Envelopes.wrap(${s(q.use.topic)}, hops, Exercise.json(Messages.sample${q.message.stem}))
            ${BUS_OBJECT[q.use.brokerKind]}.publish(Env.get(${s(q.use.envVar)}, ${s(q.fallback)}), ${s(q.use.topic)}, out)
            Outcome.Sent(out.id)
          },
      ),`,
    ),
    ...p.databases.map(
      (d) =>
        `      Call(Fanout.entry("database", ${s(d.target)}), _ => IO.interruptible { Databases.${d.use.databaseKind}(Env.get(${s(d.use.envVar)}, ${s(d.fallback)})); Outcome.Done }),`,
    ),
  ];
  const usesMessages = p.publishes.length > 0;
  return scalaFile(
    p.plumbing,
    'Links',
    `${HEADER}
package ${packageName(p.plumbing)}

import cats.effect.IO
import io.circe.parser.parse
import io.circe.syntax.*
import org.http4s.client.Client
${usesMessages ? `import ${packageName(p.handlers)}.Messages\n` : ''}
/** The calls of /ping: one per outgoing link of this service, in the design's order. */
object Links:
  def calls(http: Client[IO]): List[Call] =
${clients.join('\n')}${clients.length ? '\n' : ''}    List(
${calls.join('\n')}
    )
`,
  );
}

function main(p: ScalaPlan): GeneratedFile {
  const grpc = p.own;
  const kinds = [...new Set([...p.publishes, ...p.subscribes].map((q) => q.use.brokerKind))].sort();
  const closes = kinds.map((k) => `${BUS_OBJECT[k]}.close()`);
  return scalaFile(
    p.base,
    'Main',
    `${HEADER}
package ${packageName(p.base)}

import cats.effect.{IO, IOApp, Resource}
${grpc ? 'import cats.effect.std.Dispatcher\n' : ''}import com.comcast.ip4s.{Host, Port}
import org.http4s.ember.client.EmberClientBuilder
import org.http4s.ember.server.EmberServerBuilder
import ${packageName(p.plumbing)}.*

/** Starts the service: the HTTP server on PORT${grpc ? ', the gRPC server on GRPC_PORT' : ''}${p.subscribes.length ? ', the consumers' : ''}. */
object Main extends IOApp.Simple:
  def run: IO[Unit] =
    val port = Port.fromString(Env.get("PORT", ${scalaString(String(p.ctx.wiring.node.port))})).getOrElse(sys.error("PORT is not a port number"))
    val service =
      for
        http <- EmberClientBuilder.default[IO].build
        fanout = Fanout(Links.calls(http))
${grpc ? '        dispatcher <- Dispatcher.parallel[IO]\n        _ <- GrpcServer.resource(fanout, dispatcher)\n' : ''}${p.subscribes.length ? '        _ <- Resource.eval(IO.blocking(Subscriptions.start()))\n' : ''}${closes.length ? `        _ <- Resource.onFinalize(IO.blocking { ${closes.join('; ')} })\n` : ''}        server <- EmberServerBuilder
          .default[IO]
          .withHost(Host.fromString("0.0.0.0").get)
          .withPort(port)
          .withHttpApp(Routes(fanout).app)
          .build
      yield server
    service.use(server => IO.println(s"\${Env.serviceName} listening on \${server.address}") >> IO.never)
`,
  );
}

export function wiringFiles(p: ScalaPlan): GeneratedFile[] {
  return [...databases(p), links(p), main(p)];
}
