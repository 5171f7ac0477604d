import { packageSegment } from '../../../model/naming';
import { dep, enforcerPlugin, PROTOC_EXTENSIONS, protobufPlugin } from '../java/pom';
import type { GeneratedFile } from '../../types';
import type { ScalaPlan } from './plan';
import { SCALA_MAVEN_PLUGINS, SCALA_VERSIONS as V } from './versions';

/**
 * The build command, the jar the build leaves (finalName; its manifest names the main class and
 * lib/) and the JVM options: the Java stub's.
 */
export { JAVA_BUILD as SCALA_BUILD, JAVA_JAR as SCALA_JAR, JAVA_OPTS as SCALA_OPTS } from '../java/docker';
/** The folder of the jar's dependencies, beside it. */
export const SCALA_LIB = 'target/lib';

function plugin(artifact: string, version: string, group = 'org.apache.maven.plugins'): string {
  return `        <plugin>
          <groupId>${group}</groupId>
          <artifactId>${artifact}</artifactId>
          <version>${version}</version>
        </plugin>`;
}

/** pom.xml: Scala 3 with scala-maven-plugin, only the clients the service uses, every version pinned. */
export function pomXml(p: ScalaPlan): GeneratedFile {
  const f = p.features;
  const artifact = packageSegment(p.ctx.wiring.node.name);
  const groupId = p.base.split('.')[0] ?? 'project';
  const deps = [
    dep('org.scala-lang', 'scala3-library_3', V.scala),
    dep('org.http4s', 'http4s-ember-server_3', V.http4s),
    dep('org.http4s', 'http4s-ember-client_3', V.http4s),
    dep('org.http4s', 'http4s-dsl_3', V.http4s),
    dep('org.http4s', 'http4s-circe_3', V.http4s),
    dep('io.circe', 'circe-parser_3', V.circe),
    dep('org.slf4j', 'slf4j-simple', V.slf4j),
  ];
  if (f.grpc) {
    deps.push(
      dep('io.grpc', 'grpc-netty-shaded', V.grpc),
      dep('io.grpc', 'grpc-protobuf', V.grpc),
      dep('io.grpc', 'grpc-stub', V.grpc),
      ...(p.own ? [dep('io.grpc', 'grpc-services', V.grpc)] : []),
      dep('com.google.protobuf', 'protobuf-java', V.protobuf),
      // JsonFormat: the typed exercise reads its samples with the protobuf JSON mapping
      dep('com.google.protobuf', 'protobuf-java-util', V.protobuf),
      dep('org.apache.tomcat', 'annotations-api', V.tomcatAnnotations, 'provided'),
    );
  }
  if (f.kafka) deps.push(dep('org.apache.kafka', 'kafka-clients', V.kafka));
  if (f.rabbitmq) deps.push(dep('com.rabbitmq', 'amqp-client', V.rabbitmq));
  if (f.redis) deps.push(dep('redis.clients', 'jedis', V.jedis));
  if (f.nats) deps.push(dep('io.nats', 'jnats', V.jnats));
  if (f.postgres) deps.push(dep('org.postgresql', 'postgresql', V.postgresql));
  if (f.mongodb) deps.push(dep('org.mongodb', 'mongodb-driver-sync', V.mongodb));

  // one version of each module the tree asks for at several (requireUpperBoundDeps holds)
  const managedDeps = [
    dep('org.typelevel', 'cats-core_3', V.cats),
    dep('org.typelevel', 'cats-kernel_3', V.cats),
    dep('org.typelevel', 'cats-effect_3', V.catsEffect),
    dep('org.typelevel', 'cats-effect-kernel_3', V.catsEffect),
    dep('org.typelevel', 'cats-effect-std_3', V.catsEffect),
    dep('org.typelevel', 'jawn-parser_3', V.jawn),
    dep('io.circe', 'circe-core_3', V.circe),
    dep('io.circe', 'circe-jawn_3', V.circe),
    dep('io.circe', 'circe-numbers_3', V.circe),
    // protobuf-java at protoc's version: the classes protoc generates need a runtime at least as new
    ...(f.grpc
      ? [
          dep('com.google.protobuf', 'protobuf-java', V.protobuf),
          dep('com.google.protobuf', 'protobuf-java-util', V.protobuf),
          dep('com.google.guava', 'guava', V.guavaJre),
          dep('com.google.code.gson', 'gson', V.gson),
          dep('com.google.errorprone', 'error_prone_annotations', V.errorProneAnnotations),
          dep('com.google.j2objc', 'j2objc-annotations', V.j2objcAnnotations),
        ]
      : []),
  ];
  const managed = `  <dependencyManagement>
    <dependencies>
${managedDeps.map((d) => d.replace(/^/gm, '  ')).join('\n')}
    </dependencies>
  </dependencyManagement>

`;
  const extensions = f.grpc ? PROTOC_EXTENSIONS : '';
  const protobuf = f.grpc ? `${protobufPlugin()}\n` : '';
  const lifecycle = Object.entries(SCALA_MAVEN_PLUGINS)
    .filter(([a]) => a !== 'maven-enforcer-plugin')
    .map(([a, v]) => plugin(a, v));
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>

  <groupId>${groupId}</groupId>
  <artifactId>${artifact}</artifactId>
  <version>0.1.0</version>
  <packaging>jar</packaging>

  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>${V.java}</maven.compiler.release>
  </properties>

${managed}  <dependencies>
${deps.join('\n')}
  </dependencies>

  <build>
    <!-- A fixed name, so the Dockerfile and the run command do not depend on the version. -->
    <finalName>service</finalName>
    <sourceDirectory>src/main/scala</sourceDirectory>
${extensions}    <pluginManagement>
      <!-- Every plugin the build runs, pinned here rather than left to Maven's defaults. -->
      <plugins>
${lifecycle.join('\n')}
      </plugins>
    </pluginManagement>
    <plugins>
${enforcerPlugin('requireUpperBoundDeps')}
${protobuf}      <plugin>
        <!-- Compiles src/main/scala after the Java classes protoc generated. -->
        <groupId>net.alchim31.maven</groupId>
        <artifactId>scala-maven-plugin</artifactId>
        <version>${V.scalaMavenPlugin}</version>
        <configuration>
          <scalaVersion>${V.scala}</scalaVersion>
          <sendJavaToScalac>false</sendJavaToScalac>
          <args>
            <arg>-deprecation</arg>
            <arg>-feature</arg>
          </args>
        </configuration>
        <executions>
          <execution>
            <goals>
              <goal>compile</goal>
            </goals>
          </execution>
        </executions>
      </plugin>
      <plugin>
        <!-- The runtime dependencies beside the jar, in target/lib, which its manifest names. -->
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <executions>
          <execution>
            <id>copy-runtime-dependencies</id>
            <phase>package</phase>
            <goals>
              <goal>copy-dependencies</goal>
            </goals>
            <configuration>
              <includeScope>runtime</includeScope>
              <outputDirectory>\${project.build.directory}/lib</outputDirectory>
            </configuration>
          </execution>
        </executions>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-jar-plugin</artifactId>
        <configuration>
          <archive>
            <manifest>
              <mainClass>${p.base}.Main</mainClass>
              <addClasspath>true</addClasspath>
              <classpathPrefix>lib/</classpathPrefix>
            </manifest>
          </archive>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
`;
  return { path: 'pom.xml', content };
}
