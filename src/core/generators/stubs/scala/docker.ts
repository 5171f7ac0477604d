import type { GeneratedFile } from '../../types';
import { dockerHealthcheck } from '../ready';
import type { ScalaPlan } from './plan';
import { SCALA_BUILD, SCALA_JAR, SCALA_LIB, SCALA_OPTS } from './pom';
import { SCALA_IMAGES } from './versions';

/** Dockerfile and .dockerignore: the Maven build, then the JRE with the jar and its lib/. */
export function dockerFiles(p: ScalaPlan): GeneratedFile[] {
  const node = p.ctx.wiring.node;
  const ports = p.own ? `${node.port} ${node.grpcPort}` : `${node.port}`;
  const dockerfile = `# syntax=docker/dockerfile:1

# Build stage: the same Maven build as on a workstation; the cache mount keeps ~/.m2 between builds.
FROM ${SCALA_IMAGES.build} AS build
WORKDIR /build
COPY pom.xml ./
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 ${SCALA_BUILD.join(' ')}

# Run stage: the JRE, the jar and its dependencies only. The image has curl, which the health check uses.
FROM ${SCALA_IMAGES.run} AS final
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
COPY --from=build /build/${SCALA_LIB} ./lib
COPY --from=build /build/${SCALA_JAR} ./service.jar
USER appuser
ENV PORT=${node.port}
EXPOSE ${ports}
${dockerHealthcheck(node.port)}
CMD [${['java', ...SCALA_OPTS, '-jar', '/app/service.jar'].map((a) => JSON.stringify(a)).join(', ')}]
`;
  const dockerignore = [
    'target/',
    '.git',
    '.idea/',
    '.vscode/',
    '.bsp/',
    '.metals/',
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
