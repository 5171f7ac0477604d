import type { GeneratedFile } from '../../types';
import { dockerHealthcheck } from '../ready';
import type { JavaPlan } from './plan';
import { JAVA_IMAGES } from './versions';

/** The build command the Dockerfile runs, and the conformance recipe runs natively. */
export const JAVA_BUILD = ['mvn', '-q', '-B', '-DskipTests', 'package'] as const;
/** Where the build leaves the runnable jar (finalName in pom.xml). */
export const JAVA_JAR = 'target/service.jar';
/**
 * The JVM options of the Dockerfile's CMD and the native start: the C1 compiler only and the
 * serial collector, so a stub starts fast and stays small; a service under real load drops them.
 */
export const JAVA_OPTS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'] as const;

/** Dockerfile and .dockerignore in the shape `docker init` gives a Java project. */
export function dockerFiles(p: JavaPlan): GeneratedFile[] {
  const node = p.ctx.wiring.node;
  const ports = p.own ? `${node.port} ${node.grpcPort}` : `${node.port}`;
  const dockerfile = `# syntax=docker/dockerfile:1

# Build stage: the same Maven build as on a workstation; the cache mount keeps ~/.m2 between builds.
FROM ${JAVA_IMAGES.build} AS build
WORKDIR /build
COPY pom.xml ./
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 ${JAVA_BUILD.join(' ')}

# Run stage: the JRE and the jar only. The image has curl, which the health check uses.
FROM ${JAVA_IMAGES.run} AS final
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
COPY --from=build /build/${JAVA_JAR} ./service.jar
USER appuser
ENV PORT=${node.port}
EXPOSE ${ports}
${dockerHealthcheck(node.port)}
CMD [${['java', ...JAVA_OPTS, '-jar', '/app/service.jar'].map((a) => JSON.stringify(a)).join(', ')}]
`;
  const dockerignore = [
    'target/',
    '.git',
    '.idea/',
    '.vscode/',
    '*.iml',
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
