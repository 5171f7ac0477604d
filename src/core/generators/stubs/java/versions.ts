/**
 * Every version the Java stub pins, in one place. Each resolves from Maven Central; the
 * conformance build fails when one stops resolving. The broker and driver clients are the
 * versions Spring Boot's own dependency management picks for this Boot release, written out.
 */
export const JAVA_VERSIONS = {
  java: '17',
  springBoot: '4.0.7',
  grpc: '1.85.1',
  /**
   * protobuf-java and protoc move together (the classes protoc N generates need a runtime of at
   * least N). grpc-java 1.85 is built against protobuf-java 3.25 and runs on 4.x; the pom
   * manages protobuf-java to this version, so every module resolves the same one.
   */
  protobuf: '4.36.2',
  /**
   * What grpc-java 1.85.1's own modules take of these Google libraries; the pom manages them (with
   * protobuf-java-util at the protobuf version), so the enforcer's dependencyConvergence holds.
   */
  guava: '33.6.0-android',
  errorProneAnnotations: '2.50.0',
  j2objcAnnotations: '3.1',
  tomcatAnnotations: '6.0.53',
  osMavenPlugin: '1.7.1',
  protobufMavenPlugin: '0.6.1',
  kafka: '4.1.2',
  rabbitmq: '5.27.1',
  jedis: '7.0.0',
  /** Spring Boot manages no NATS client: this one is chosen here. */
  jnats: '2.21.5',
  postgresql: '42.7.11',
  mongodb: '5.6.5',
  /**
   * Embedded Python. GraalPy: the polyglot API and the python-community pom (GraalPy, Truffle
   * and the Python standard library as jars) move together; they need Java 21 or newer.
   * Jython: the standalone jar (Python 2.7 with its standard library), which runs on Java 17.
   */
  graalpy: '25.0.3',
  graalpyJava: '21',
  jython: '2.7.4',
} as const;

/**
 * Every Maven plugin a build runs (the lifecycles `clean`, `default` up to `deploy`, and `site`),
 * pinned in the pom itself so it builds the same with any Maven and parent: the versions Spring
 * Boot's parent manages for this Boot release, and the site plugin, which only Maven's super POM
 * would otherwise choose (differently for each Maven release).
 */
export const MAVEN_PLUGINS = {
  'maven-clean-plugin': '3.5.0',
  'maven-resources-plugin': '3.3.1',
  'maven-compiler-plugin': '3.14.1',
  'maven-surefire-plugin': '3.5.6',
  'maven-jar-plugin': '3.4.2',
  'maven-install-plugin': '3.1.4',
  'maven-deploy-plugin': '3.1.4',
  'maven-site-plugin': '3.21.0',
  'maven-enforcer-plugin': '3.6.3',
} as const;

/** The oldest Maven the enforcer accepts (the build image has 3.9). */
export const MAVEN_MINIMUM = '3.8.7';

/** Pinned base images of the Dockerfile: the build image and the runtime image. */
export const JAVA_IMAGES = {
  build: 'maven:3.9.11-eclipse-temurin-17',
  run: 'eclipse-temurin:17.0.16_8-jre',
} as const;

/** The base images of a service with GraalPy inside: a JDK 25 (GraalPy needs 21 or newer). */
export const JAVA_IMAGES_GRAALPY = {
  build: 'maven:3.9.11-eclipse-temurin-25',
  run: 'eclipse-temurin:25.0.3_9-jre',
} as const;
