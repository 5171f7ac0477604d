import type { GeneratedFile } from '../../types';
import { javaFile, type JavaPlan } from './plan';

/** plumbing/Databases.java: one connection check per database kind the service uses. */

const POSTGRES = `
  /** PostgreSQL: {@code SELECT 1} over plain JDBC; the postgresql:// URL is turned into a JDBC one. */
  public void postgres(String url) throws Exception {
    URI uri = URI.create(url);
    String db = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "postgres" : uri.getRawPath().substring(1);
    String jdbc =
        "jdbc:postgresql://"
            + uri.getHost()
            + ":"
            + (uri.getPort() < 0 ? 5432 : uri.getPort())
            + "/"
            + db
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Properties props = new Properties();
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      props.setProperty("user", decode(colon < 0 ? info : info.substring(0, colon)));
      if (colon >= 0) props.setProperty("password", decode(info.substring(colon + 1)));
    }
    props.setProperty("connectTimeout", "5");
    props.setProperty("loginTimeout", "5");
    props.setProperty("socketTimeout", "5");
    try (Connection connection = DriverManager.getConnection(jdbc, props);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1")) {
      if (!rows.next() || rows.getInt(1) != 1) throw new IllegalStateException("SELECT 1 returned no 1");
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
`;

const MONGODB = `
  /** MongoDB: the {@code ping} command on the URL's database. */
  public void mongodb(String url) {
    MongoClient client =
        mongoClients.computeIfAbsent(
            url,
            u ->
                MongoClients.create(
                    MongoClientSettings.builder()
                        .applyConnectionString(new ConnectionString(u))
                        .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                        .applyToSocketSettings(b -> b.connectTimeout(5, TimeUnit.SECONDS))
                        .build()));
    String db = new ConnectionString(url).getDatabase();
    client.getDatabase(db == null ? "admin" : db).runCommand(new Document("ping", 1));
  }
`;

const REDIS = `
  /** Redis: {@code PING}. */
  public void redis(String url) {
    String answer = redisClients.computeIfAbsent(url, u -> new JedisPooled(URI.create(u), 5000)).ping();
    if (!"PONG".equalsIgnoreCase(answer)) throw new IllegalStateException("PING answered " + answer);
  }
`;

/** plumbing/Databases.java, or nothing when the service has no database link. */
export function databaseFiles(p: JavaPlan): GeneratedFile[] {
  const kinds = new Set(p.databases.map((d) => d.use.databaseKind));
  if (kinds.size === 0) return [];
  const pg = kinds.has('postgres');
  const mongo = kinds.has('mongodb');
  const redis = kinds.has('redis');
  const imports = [
    ...(mongo
      ? [
          'com.mongodb.ConnectionString',
          'com.mongodb.MongoClientSettings',
          'com.mongodb.client.MongoClient',
          'com.mongodb.client.MongoClients',
          'java.util.concurrent.TimeUnit',
          'org.bson.Document',
        ]
      : []),
    ...(pg
      ? [
          'java.net.URLDecoder',
          'java.nio.charset.StandardCharsets',
          'java.sql.Connection',
          'java.sql.DriverManager',
          'java.sql.ResultSet',
          'java.sql.Statement',
          'java.util.Properties',
        ]
      : []),
    ...(pg || redis ? ['java.net.URI'] : []),
    ...(mongo || redis
      ? ['java.util.Map', 'java.util.concurrent.ConcurrentHashMap', 'jakarta.annotation.PreDestroy']
      : []),
    ...(redis ? ['redis.clients.jedis.JedisPooled'] : []),
    'org.springframework.stereotype.Component',
  ].sort();
  const fields = [
    ...(mongo ? ['  private final Map<String, MongoClient> mongoClients = new ConcurrentHashMap<>();'] : []),
    ...(redis ? ['  private final Map<String, JedisPooled> redisClients = new ConcurrentHashMap<>();'] : []),
  ];
  const close =
    mongo || redis
      ? `
  @PreDestroy
  public void close() {
${mongo ? '    mongoClients.values().forEach(MongoClient::close);\n' : ''}${redis ? '    redisClients.values().forEach(JedisPooled::close);\n' : ''}  }
`
      : '';
  const content = `// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package ${p.plumbing};

${imports.map((i) => `import ${i};`).join('\n')}

/** Connection checks of the databases this service uses, one call of /ping each. */
@Component
public class Databases {
${fields.join('\n')}
${pg ? POSTGRES : ''}${mongo ? MONGODB : ''}${redis ? REDIS : ''}${close}}
`;
  return [javaFile(p.plumbing, 'Databases', content)];
}
