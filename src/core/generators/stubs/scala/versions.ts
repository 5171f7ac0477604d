import { JAVA_VERSIONS, MAVEN_PLUGINS } from '../java/versions';

/**
 * Every version the Scala · http4s stub pins. The JVM clients (gRPC, protobuf, Kafka, RabbitMQ,
 * Jedis, NATS, the JDBC and MongoDB drivers) are the Java stub's, so a project with both runtimes
 * resolves one version of each; the Scala side is Scala 3 LTS with http4s 0.23 on cats-effect 3
 * and circe. Each resolves from Maven Central; the conformance build fails when one stops
 * resolving.
 */
export const SCALA_VERSIONS = {
  ...JAVA_VERSIONS,
  /** Scala 3 LTS: http4s 0.23 and circe 0.14 are built with 3.3. */
  scala: '3.3.7',
  http4s: '0.23.33',
  circe: '0.14.15',
  /**
   * The Typelevel and circe modules the http4s modules ask for at different versions, managed to
   * the highest one asked for (Maven would otherwise take the nearest, which breaks at run time):
   * the pom's enforcer checks requireUpperBoundDeps.
   */
  catsEffect: '3.6.3',
  cats: '2.13.0',
  jawn: '1.6.0',
  /** What grpc-core asks for (Jedis asks for an older one). */
  gson: '2.14.0',
  /** The Guava flavour grpc-services asks for (the other gRPC modules take the -android one). */
  guavaJre: '33.6.0-jre',
  /** The slf4j binding that prints the JVM clients' and http4s's logs (http4s logs through slf4j). */
  slf4j: '2.0.17',
  scalaMavenPlugin: '4.9.5',
} as const;

/** Every Maven plugin a build runs, pinned in the pom: the Java stub's, plus the ones Scala needs. */
export const SCALA_MAVEN_PLUGINS = {
  ...MAVEN_PLUGINS,
  /** Copies the runtime dependencies next to the jar (target/lib), which its manifest names. */
  'maven-dependency-plugin': '3.8.1',
} as const;

/** Pinned base images of the Dockerfile: the Java stub's build and runtime images. */
export { JAVA_IMAGES as SCALA_IMAGES, MAVEN_MINIMUM } from '../java/versions';
