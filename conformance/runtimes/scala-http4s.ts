import { join } from 'node:path';
import { SCALA_BUILD, SCALA_JAR, SCALA_OPTS } from '../../src/core/generators/stubs/scala/pom';
import type { RuntimeRecipe } from './types';

/**
 * Scala · http4s: the Dockerfile's `mvn -q -B -DskipTests package` (scala-maven-plugin compiles
 * the Scala sources; protoc and the gRPC plugin come from Maven Central through
 * protobuf-maven-plugin), then `java -jar target/service.jar` (its manifest names target/lib/)
 * with the Dockerfile's JVM options. Maven uses the default local repository (~/.m2), which the
 * Java · Spring Boot recipe shares: both take turns through the Java recipe's lock file, since
 * Maven 3.8 does not lock the repository.
 */
export const recipe: RuntimeRecipe = {
  runtime: 'scala-http4s',
  tools: ['mvn', 'java', 'sh', 'flock'],
  build: (_dir, cache) => [
    {
      cmd: 'sh',
      args: ['-c', 'mkdir -p "$(dirname "$LOCK")" && exec 9>"$LOCK" && flock 9 && exec "$@"', 'maven', ...SCALA_BUILD],
      env: { LOCK: join(cache, '..', 'java-spring', 'locks', 'maven.lock') },
    },
  ],
  start: () => ({ cmd: 'java', args: [...SCALA_OPTS, '-jar', SCALA_JAR] }),
};
