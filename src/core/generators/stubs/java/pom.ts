import { packageSegment } from '../../../model/naming';
import type { GeneratedFile } from '../../types';
import type { StubContext } from '../types';
import { javaRelease, type EmbeddedPython } from './embedded';
import { JAVA_VERSIONS as V, MAVEN_MINIMUM, MAVEN_PLUGINS } from './versions';

/** Which optional client libraries a service needs: only those of the links it has. */
export interface JavaFeatures {
  grpc: boolean;
  kafka: boolean;
  rabbitmq: boolean;
  redis: boolean;
  nats: boolean;
  postgres: boolean;
  mongodb: boolean;
}

/** The features of one service, from its wiring. */
export function javaFeatures(ctx: StubContext): JavaFeatures {
  const w = ctx.wiring;
  const brokers = new Set([...w.publishes, ...w.subscribes].map((q) => q.brokerKind));
  const dbs = new Set(w.databases.map((d) => d.databaseKind));
  return {
    grpc: w.servesGrpc || w.grpc.length > 0,
    kafka: brokers.has('kafka'),
    rabbitmq: brokers.has('rabbitmq'),
    redis: brokers.has('redis') || dbs.has('redis'),
    nats: brokers.has('nats'),
    postgres: dbs.has('postgres'),
    mongodb: dbs.has('mongodb'),
  };
}

/** A `<dependency>` of a JVM stub's pom (the Scala stub's too). */
export function dep(group: string, artifact: string, version?: string, scope?: string): string {
  return [
    '    <dependency>',
    `      <groupId>${group}</groupId>`,
    `      <artifactId>${artifact}</artifactId>`,
    ...(version ? [`      <version>${version}</version>`] : []),
    ...(scope ? [`      <scope>${scope}</scope>`] : []),
    '    </dependency>',
  ].join('\n');
}

/** The build extension that sets os.detected.classifier (the JVM stubs with gRPC). */
export const PROTOC_EXTENSIONS = `    <extensions>
      <!-- Sets os.detected.classifier, so Maven fetches the protoc built for this machine. -->
      <extension>
        <groupId>kr.motd.maven</groupId>
        <artifactId>os-maven-plugin</artifactId>
        <version>${V.osMavenPlugin}</version>
      </extension>
    </extensions>
`;

/** protoc and grpc-java run by Maven over src/main/proto (the JVM stubs with gRPC). */
export function protobufPlugin(): string {
  return `      <plugin>
        <!-- Java classes and gRPC stubs are generated from src/main/proto at build time. -->
        <groupId>org.xolstice.maven.plugins</groupId>
        <artifactId>protobuf-maven-plugin</artifactId>
        <version>${V.protobufMavenPlugin}</version>
        <configuration>
          <protocArtifact>com.google.protobuf:protoc:${V.protobuf}:exe:\${os.detected.classifier}</protocArtifact>
          <pluginId>grpc-java</pluginId>
          <pluginArtifact>io.grpc:protoc-gen-grpc-java:${V.grpc}:exe:\${os.detected.classifier}</pluginArtifact>
        </configuration>
        <executions>
          <execution>
            <goals>
              <goal>compile</goal>
              <goal>compile-custom</goal>
            </goals>
          </execution>
        </executions>
      </plugin>`;
}

/**
 * One version of each library the gRPC modules share, so the enforcer's dependencyConvergence
 * holds. protobuf-java and protobuf-java-util at protoc's version: grpc-protobuf asks for 3.25 but
 * runs on 4.x, and the classes protoc generates need a runtime at least as new as protoc. Guava
 * and its annotations at the versions grpc-java's own modules take (protobuf-java-util and gson
 * ask for older ones).
 */
function protobufManagement(): string {
  const managed = [
    dep('com.google.protobuf', 'protobuf-java', V.protobuf),
    dep('com.google.protobuf', 'protobuf-java-util', V.protobuf),
    dep('com.google.guava', 'guava', V.guava),
    dep('com.google.errorprone', 'error_prone_annotations', V.errorProneAnnotations),
    dep('com.google.j2objc', 'j2objc-annotations', V.j2objcAnnotations),
  ].map((d) => d.replace(/^/gm, '  '));
  return `  <dependencyManagement>
    <dependencies>
${managed.join('\n')}
    </dependencies>
  </dependencyManagement>

`;
}

/** Every lifecycle plugin at its pinned version (MAVEN_PLUGINS). */
function pluginManagement(): string {
  const plugins = Object.entries(MAVEN_PLUGINS)
    .filter(([artifact]) => artifact !== 'maven-enforcer-plugin')
    .map(
      ([artifact, version]) => `        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>${artifact}</artifactId>
          <version>${version}</version>
        </plugin>`,
    );
  return `    <pluginManagement>
      <!-- Every plugin the build runs, pinned here rather than left to the parent or to Maven. -->
      <plugins>
${plugins.join('\n')}
      </plugins>
    </pluginManagement>
`;
}

/**
 * The enforcer, run by every build (validate phase): pinned plugins, one version of every
 * dependency in the tree (`dependencyConvergence`; the Scala stub asks `requireUpperBoundDeps`,
 * since the Typelevel modules ask for several versions of one another), Maven and Java versions.
 */
export function enforcerPlugin(
  treeRule: 'dependencyConvergence' | 'requireUpperBoundDeps' = 'dependencyConvergence',
  java: string = V.java,
): string {
  return `      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-enforcer-plugin</artifactId>
        <version>${MAVEN_PLUGINS['maven-enforcer-plugin']}</version>
        <executions>
          <execution>
            <id>enforce-reproducible-build</id>
            <goals>
              <goal>enforce</goal>
            </goals>
            <configuration>
              <rules>
                <requirePluginVersions>
                  <message>Pin the version of every plugin (in pluginManagement), so the build is the same everywhere.</message>
                  <banLatest>true</banLatest>
                  <banRelease>true</banRelease>
                  <banSnapshots>true</banSnapshots>
                </requirePluginVersions>
                <banDuplicatePomDependencyVersions/>
                <${treeRule}/>
                <requireMavenVersion>
                  <version>[${MAVEN_MINIMUM},)</version>
                </requireMavenVersion>
                <requireJavaVersion>
                  <version>[${java},)</version>
                </requireJavaVersion>
              </rules>
            </configuration>
          </execution>
        </executions>
      </plugin>`;
}

/** pom.xml: Spring Boot parent, only the clients the service uses, every version pinned. */
export function pomXml(
  ctx: StubContext,
  features: JavaFeatures,
  groupId: string,
  embedded: EmbeddedPython | null = null,
): GeneratedFile {
  const artifact = packageSegment(ctx.wiring.node.name);
  // Spring Boot 4's starter for Spring MVC on Tomcat, with Jackson 3 (its JSON mapper). Boot's
  // auto-configuration for the drivers (MongoDB, JDBC) lives in modules the stub does not use:
  // each client is opened by the stub itself from its URL variable.
  const deps = [dep('org.springframework.boot', 'spring-boot-starter-webmvc', V.springBoot)];
  if (features.grpc) {
    deps.push(
      dep('io.grpc', 'grpc-netty-shaded', V.grpc),
      dep('io.grpc', 'grpc-protobuf', V.grpc),
      dep('io.grpc', 'grpc-stub', V.grpc),
      ...(ctx.wiring.servesGrpc ? [dep('io.grpc', 'grpc-services', V.grpc)] : []),
      dep('com.google.protobuf', 'protobuf-java', V.protobuf),
      // JsonFormat: the samples of the typed exercise are read with protobuf's JSON mapping
      dep('com.google.protobuf', 'protobuf-java-util', V.protobuf),
      dep('org.apache.tomcat', 'annotations-api', V.tomcatAnnotations, 'provided'),
    );
  }
  if (features.kafka) deps.push(dep('org.apache.kafka', 'kafka-clients', V.kafka));
  if (features.rabbitmq) deps.push(dep('com.rabbitmq', 'amqp-client', V.rabbitmq));
  if (features.redis) deps.push(dep('redis.clients', 'jedis', V.jedis));
  if (features.nats) deps.push(dep('io.nats', 'jnats', V.jnats));
  if (features.postgres) deps.push(dep('org.postgresql', 'postgresql', V.postgresql));
  if (features.mongodb) deps.push(dep('org.mongodb', 'mongodb-driver-sync', V.mongodb));
  if (embedded === 'graalpy') {
    // the polyglot API, and GraalPy with Truffle and Python's standard library (a pom of jars)
    deps.push(
      dep('org.graalvm.polyglot', 'polyglot', V.graalpy),
      dep('org.graalvm.polyglot', 'python-community', V.graalpy).replace(
        '    </dependency>',
        '      <type>pom</type>\n    </dependency>',
      ),
    );
  }
  if (embedded === 'jython') deps.push(dep('org.python', 'jython-standalone', V.jython));
  const java = javaRelease(embedded);
  const resources = embedded
    ? `    <resources>
      <resource>
        <directory>src/main/resources</directory>
      </resource>
      <!-- The Python module goes into the jar as python/*.py, where plumbing/Embedded.java reads it. -->
      <resource>
        <directory>src/main/python</directory>
        <targetPath>python</targetPath>
      </resource>
    </resources>
`
    : '';
  const extensions = features.grpc ? PROTOC_EXTENSIONS : '';
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>

  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>${V.springBoot}</version>
    <relativePath/>
  </parent>

  <groupId>${groupId}</groupId>
  <artifactId>${artifact}</artifactId>
  <version>0.1.0</version>
  <packaging>jar</packaging>

  <properties>
    <java.version>${java}</java.version>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>

${features.grpc ? protobufManagement() : ''}  <dependencies>
${deps.join('\n')}
  </dependencies>

  <build>
    <!-- A fixed name, so the Dockerfile and the run command do not depend on the version. -->
    <finalName>service</finalName>
${extensions}${resources}${pluginManagement()}    <plugins>
${enforcerPlugin('dependencyConvergence', java)}
${features.grpc ? `${protobufPlugin()}\n` : ''}      <plugin>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-maven-plugin</artifactId>
        <version>${V.springBoot}</version>
      </plugin>
    </plugins>
  </build>
</project>
`;
  return { path: 'pom.xml', content };
}
