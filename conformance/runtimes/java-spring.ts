import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JAVA_BUILD, JAVA_JAR, javaOpts, pomJavaRelease } from '../../src/core/generators/stubs/java/docker';
import { JAVA_VERSIONS } from '../../src/core/generators/stubs/java/versions';
import type { Command, RuntimeRecipe } from './types';

/**
 * Java · Spring Boot: the Dockerfile's `mvn -q -B -DskipTests package` (protoc and the gRPC
 * plugin come from Maven Central through protobuf-maven-plugin), then `java -jar
 * target/service.jar` with the Dockerfile's JVM options. Maven uses the default local repository
 * (~/.m2, the Dockerfile's cache mount); Maven 3.8 does not lock it, so builds take turns
 * through a lock file in the cache.
 *
 * A service whose pom asks for a newer Java than the stub's 17 (GraalPy inside needs 21) builds
 * and runs on a JDK of at least that release: JAVA_HOME when it is one, else the newest under
 * /usr/lib/jvm (the Temurin 25 JDK on the CI machine).
 */

const JVM_DIR = '/usr/lib/jvm';

/** The major release of a JDK folder, from its `release` file; null when it is not a JDK. */
export function jdkRelease(home: string): number | null {
  const release = join(home, 'release');
  if (!existsSync(release) || !existsSync(join(home, 'bin', 'javac'))) return null;
  const m = /^JAVA_VERSION="(\d+)/m.exec(readFileSync(release, 'utf8'));
  return m ? Number(m[1]) : null;
}

/**
 * A JDK of at least `want`: JAVA_HOME when it qualifies, else the newest qualifying one in
 * `jvmDir`. Throws, naming what is missing, when there is none.
 */
export function findJdk(want: number, env: NodeJS.ProcessEnv = process.env, jvmDir = JVM_DIR): string {
  const fromEnv = env.JAVA_HOME;
  if (fromEnv && (jdkRelease(fromEnv) ?? 0) >= want) return fromEnv;
  const found = (existsSync(jvmDir) ? readdirSync(jvmDir) : [])
    .map((name) => join(jvmDir, name))
    .map((home) => ({ home, release: jdkRelease(home) ?? 0 }))
    .filter((j) => j.release >= want)
    .sort((a, b) => b.release - a.release || (a.home < b.home ? -1 : 1));
  if (found[0]) return found[0].home;
  throw new Error(
    `this service needs a JDK ${want} or newer (its pom.xml asks for Java ${want}), and there is none: ` +
      `JAVA_HOME is ${fromEnv ? `${fromEnv} (not a JDK ${want}+)` : 'unset'} and ${jvmDir} has no JDK ${want}+ ` +
      `(install one, e.g. the temurin-25-jdk package from Adoptium's apt repository, or set JAVA_HOME)`,
  );
}

/** The Java release the service's pom asks for (the stub's 17 when it names none). */
function wanted(dir: string): number {
  const pom = join(dir, 'pom.xml');
  const release = existsSync(pom) ? pomJavaRelease(readFileSync(pom, 'utf8')) : null;
  return release ?? Number(JAVA_VERSIONS.java);
}

/** JAVA_HOME and PATH for a service that needs a newer JDK than the system's; none otherwise. */
function jdkEnv(dir: string): { release: number; env: Record<string, string> } {
  const release = wanted(dir);
  if (release <= Number(JAVA_VERSIONS.java)) return { release, env: {} };
  const home = findJdk(release);
  return { release, env: { JAVA_HOME: home, PATH: `${join(home, 'bin')}:${process.env.PATH ?? ''}` } };
}

export const recipe: RuntimeRecipe = {
  runtime: 'java-spring',
  tools: ['mvn', 'java', 'sh', 'flock'],
  build: (dir, cache): Command[] => [
    {
      cmd: 'sh',
      args: ['-c', 'mkdir -p "$(dirname "$LOCK")" && exec 9>"$LOCK" && flock 9 && exec "$@"', 'maven', ...JAVA_BUILD],
      env: { LOCK: join(cache, 'locks', 'maven.lock'), ...jdkEnv(dir).env },
    },
  ],
  start: (dir): Command => {
    const { release, env } = jdkEnv(dir);
    const java = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
    return { cmd: java, args: [...javaOpts(release), '-jar', JAVA_JAR], env };
  },
};
