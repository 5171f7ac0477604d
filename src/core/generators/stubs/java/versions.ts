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

/**
 * Every Maven plugin a build runs (the lifecycles `clean`, `default` up to `deploy`, and `site`),
 * pinned in the pom itself so it builds the same with any Maven and parent: the versions Spring
 * Boot's parent manages for this Boot release, and the site plugin, which only Maven's super POM
 * would otherwise choose (differently for each Maven release).
 */
export const MAVEN_PLUGINS = {
  'maven-clean-plugin': '3.4.1',
  'maven-resources-plugin': '3.3.1',
  'maven-compiler-plugin': '3.14.1',
  'maven-surefire-plugin': '3.5.4',
  'maven-jar-plugin': '3.4.2',
  'maven-install-plugin': '3.1.4',
  'maven-deploy-plugin': '3.1.4',
  'maven-site-plugin': '3.21.0',
  'maven-enforcer-plugin': '3.5.0',
} as const;

/** The oldest Maven the enforcer accepts (the build image has 3.9). */
export const MAVEN_MINIMUM = '3.8.7';

/** Pinned base images of the Dockerfile: the build image and the runtime image. */
export const JAVA_IMAGES = {
  build: 'maven:3.9.11-eclipse-temurin-17',
  run: 'eclipse-temurin:17.0.16_8-jre',
} as const;
