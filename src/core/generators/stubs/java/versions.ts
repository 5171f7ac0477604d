/**
 * Every version the Java stub pins, in one place. Each resolves from Maven Central; the
 * conformance build fails when one stops resolving. The broker and driver clients are the
 * versions Spring Boot's own dependency management picks for this Boot release, written out.
 */
export const JAVA_VERSIONS = {
  java: '17',
  springBoot: '3.5.7',
  grpc: '1.83.1',
  /** protobuf-java and protoc move together; grpc-java 1.83 is built against 3.25. */
  protobuf: '3.25.9',
  tomcatAnnotations: '6.0.53',
  osMavenPlugin: '1.7.1',
  protobufMavenPlugin: '0.6.1',
  kafka: '3.9.1',
  rabbitmq: '5.25.0',
  jedis: '6.0.0',
  jnats: '2.21.5',
  postgresql: '42.7.8',
  mongodb: '5.5.2',
} as const;

/** Pinned base images of the Dockerfile: the build image and the runtime image. */
export const JAVA_IMAGES = {
  build: 'maven:3.9.11-eclipse-temurin-17',
  run: 'eclipse-temurin:17.0.16_8-jre',
} as const;
