import { join } from 'node:path';
import { JAVA_BUILD, JAVA_JAR, JAVA_OPTS } from '../../src/core/generators/stubs/java/docker';
import type { RuntimeRecipe } from './types';

/**
 * Java · Spring Boot: the Dockerfile's `mvn -q -B -DskipTests package` (protoc and the gRPC
 * plugin come from Maven Central through protobuf-maven-plugin), then `java -jar
 * target/service.jar` with the Dockerfile's JVM options. Maven uses the default local repository
 * (~/.m2, the Dockerfile's cache mount); Maven 3.8 does not lock it, so builds take turns
 * through a lock file in the cache.
 */
export const recipe: RuntimeRecipe = {
  runtime: 'java-spring',
  tools: ['mvn', 'java', 'sh', 'flock'],
  build: (_dir, cache) => [
    {
      cmd: 'sh',
      args: ['-c', 'mkdir -p "$(dirname "$LOCK")" && exec 9>"$LOCK" && flock 9 && exec "$@"', 'maven', ...JAVA_BUILD],
      env: { LOCK: join(cache, 'locks', 'maven.lock') },
    },
  ],
  start: () => ({ cmd: 'java', args: [...JAVA_OPTS, '-jar', JAVA_JAR] }),
};
