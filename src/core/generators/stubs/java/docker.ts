import type { GeneratedFile } from '../../types';
import { dockerHealthcheck } from '../ready';
import type { JavaPlan } from './plan';
import { javaRelease } from './embedded';
import { JAVA_IMAGES, JAVA_IMAGES_GRAALPY } from './versions';

/** The build command the Dockerfile runs, and the conformance recipe runs natively. */
export const JAVA_BUILD = ['mvn', '-q', '-B', '-DskipTests', 'package'] as const;
/** Where the build leaves the runnable jar (finalName in pom.xml). */
export const JAVA_JAR = 'target/service.jar';
/**
 * The JVM options of the Dockerfile's CMD and the native start: the C1 compiler only and the
 * serial collector, so a stub starts fast and stays small; a service under real load drops them.
 */
export const JAVA_OPTS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'] as const;

/**
 * The JVM options for a build on the given Java release: from 21 on (a service with GraalPy
 * inside), Truffle loads its native support library, which the JVM allows without a warning only
 * when native access is enabled.
 */
export function javaOpts(javaRelease: number): readonly string[] {
  return javaRelease >= 21 ? [...JAVA_OPTS, '--enable-native-access=ALL-UNNAMED'] : JAVA_OPTS;
}

/** The Java release a generated pom.xml asks for (its `java.version`), or null when it names none. */
export function pomJavaRelease(pom: string): number | null {
  const m = /<java\.version>\s*(\d+)\s*<\/java\.version>/.exec(pom);
  return m ? Number(m[1]) : null;
}

/** What a JVM stub's image has of its own: the JVM stubs share the rest of the Dockerfile. */
export interface JvmImage {
  /** The comment over the run stage. */
  runComment: string;
  /** Folders copied from the build beside the jar (`target/lib` to `./lib`). */
  copies: readonly (readonly [from: string, to: string])[];
  /** The editor folders the build context leaves out, besides target/, .git, .idea/ and .vscode/. */
  ignored: readonly string[];
  /** The build and run images, when not the Java 17 ones (a service with GraalPy inside). */
  images?: { build: string; run: string };
  /** The JVM options of the CMD, when not JAVA_OPTS. */
  opts?: readonly string[];
}

const JAVA_IMAGE: JvmImage = {
  runComment: 'the JRE and the jar only',
  copies: [],
  ignored: ['*.iml'],
};

/**
 * Dockerfile and .dockerignore of a JVM stub built with Maven in the shape `docker init` gives a
 * Java project: the Maven build, then the JRE with the jar (and what `image` copies beside it).
 */
export function jvmDockerFiles(
  node: { port: number; grpcPort: number },
  own: boolean,
  image: JvmImage,
): GeneratedFile[] {
  const ports = own ? `${node.port} ${node.grpcPort}` : `${node.port}`;
  const copies = image.copies.map(([from, to]) => `COPY --from=build /build/${from} ${to}\n`).join('');
  const dockerfile = `# syntax=docker/dockerfile:1

# Build stage: the same Maven build as on a workstation; the cache mount keeps ~/.m2 between builds.
FROM ${(image.images ?? JAVA_IMAGES).build} AS build
WORKDIR /build
COPY pom.xml ./
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 ${JAVA_BUILD.join(' ')}

# Run stage: ${image.runComment}. The image has curl, which the health check uses.
FROM ${(image.images ?? JAVA_IMAGES).run} AS final
ARG UID=10001
RUN adduser \\
    --disabled-password \\
    --gecos "" \\
    --home "/nonexistent" \\
    --shell "/sbin/nologin" \\
    --no-create-home \\
    --uid "\${UID}" \\
    appuser
WORKDIR /app
${copies}COPY --from=build /build/${JAVA_JAR} ./service.jar
USER appuser
ENV PORT=${node.port}
EXPOSE ${ports}
${dockerHealthcheck(node.port)}
CMD [${['java', ...(image.opts ?? JAVA_OPTS), '-jar', '/app/service.jar'].map((a) => JSON.stringify(a)).join(', ')}]
`;
  const dockerignore = [
    'target/',
    '.git',
    '.idea/',
    '.vscode/',
    ...image.ignored,
    'Dockerfile',
    '.dockerignore',
    'README.md',
    '',
  ].join('\n');
  return [
    { path: 'Dockerfile', content: dockerfile },
    { path: '.dockerignore', content: dockerignore },
  ];
}

/** Dockerfile and .dockerignore in the shape `docker init` gives a Java project. */
export function dockerFiles(p: JavaPlan): GeneratedFile[] {
  // GraalPy needs Java 21 or newer: both stages move to Temurin 25 for such a service
  return jvmDockerFiles(p.ctx.wiring.node, p.own, {
    ...JAVA_IMAGE,
    images: p.embedded === 'graalpy' ? JAVA_IMAGES_GRAALPY : JAVA_IMAGES,
    opts: javaOpts(Number(javaRelease(p.embedded))),
  });
}
