import { dockerHealthcheck, unpinnedOsPackages } from '../ready';
import type { PyFramework, StubPlan } from './plan';

/**
 * Exact versions of every Python dependency a stub can need. Each was installed together on
 * CPython 3.11 (the Docker base image's version) from PyPI; grpcio, grpcio-tools,
 * grpcio-health-checking and grpcio-reflection must stay equal, since the generated code checks
 * the runtime's version.
 */
export const PY_VERSIONS = {
  fastapi: '0.165.0',
  pydantic: '2.14.4',
  uvicorn: '0.54.0',
  flask: '3.1.3',
  waitress: '3.0.2',
  django: '5.2.19',
  djangorestframework: '3.18.3',
  gunicorn: '27.0.1',
  httpx: '0.28.1',
  grpcio: '1.85.1',
  'grpcio-tools': '1.85.1',
  'grpcio-health-checking': '1.85.1',
  'grpcio-reflection': '1.85.1',
  protobuf: '7.36.2',
  'confluent-kafka': '2.16.1',
  pika: '1.4.4',
  redis: '8.1.0',
  'nats-py': '2.16.0',
  'psycopg[binary]': '3.3.9',
  pymongo: '4.20.1',
} as const;

/** The CPython image tag of the Dockerfile; native builds use the machine's python3 (3.11 or newer). */
export const PYTHON_IMAGE = 'python:3.11.7-slim-bookworm';

type Dep = keyof typeof PY_VERSIONS;

const FRAMEWORK_DEPS: Record<PyFramework, Dep[]> = {
  fastapi: ['fastapi', 'pydantic', 'uvicorn'],
  flask: ['flask', 'waitress'],
  django: ['django', 'djangorestframework', 'gunicorn'],
};

/** The direct dependencies of one service: its framework and the clients of the links it has. */
export function pyDependencies(p: StubPlan, flavour: PyFramework): Dep[] {
  const deps = new Set<Dep>(FRAMEWORK_DEPS[flavour]);
  if (p.rest.length > 0) deps.add('httpx');
  if (p.own || p.w.grpc.length > 0) {
    deps.add('grpcio');
    deps.add('grpcio-tools');
    deps.add('protobuf');
  }
  if (p.own) {
    deps.add('grpcio-health-checking');
    deps.add('grpcio-reflection');
  }
  if (p.brokerKinds.has('kafka')) deps.add('confluent-kafka');
  if (p.brokerKinds.has('rabbitmq')) deps.add('pika');
  if (p.brokerKinds.has('redis') || p.databaseKinds.has('redis')) deps.add('redis');
  if (p.brokerKinds.has('nats')) deps.add('nats-py');
  if (p.databaseKinds.has('postgres')) deps.add('psycopg[binary]');
  if (p.databaseKinds.has('mongodb')) deps.add('pymongo');
  return (Object.keys(PY_VERSIONS) as Dep[]).filter((d) => deps.has(d));
}

/** `requirements.txt`: every direct dependency pinned to an exact version. */
export function requirementsTxt(p: StubPlan, flavour: PyFramework): string {
  const lines = pyDependencies(p, flavour).map((d) => `${d}==${PY_VERSIONS[d]}`);
  return `# Pinned direct dependencies of this service (pip install -r requirements.txt).\n${lines.join('\n')}\n`;
}

/** The Dockerfile, in the shape of \`docker init\`: the same two build steps a native build runs. */
export function pythonDockerfile(p: StubPlan): string {
  const ports = [p.w.node.port, ...(p.own ? [p.w.node.grpcPort] : [])].join(' ');
  const [image, tag] = PYTHON_IMAGE.split(':') as [string, string];
  return `# syntax=docker/dockerfile:1

# Build stage: a virtual environment with the pinned requirements, then the gRPC code generated
# from proto/ (the same two steps as a native build).
ARG PYTHON_TAG=${tag}
FROM ${image}:\${PYTHON_TAG} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt ./
RUN --mount=type=cache,target=/root/.cache/pip \\
    pip install -r requirements.txt
COPY . .
RUN python gen_proto.py

# Final stage: the runtime only, as an unprivileged user; curl serves the health check.
FROM ${image}:\${PYTHON_TAG} AS final
${unpinnedOsPackages('apt')}RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\
    --mount=type=cache,target=/var/lib/apt,sharing=locked \\
    rm -f /etc/apt/apt.conf.d/docker-clean \\
    && apt-get update \\
    && apt-get install -y --no-install-recommends curl
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH
ARG UID=10001
RUN adduser --disabled-password --gecos "" --home "/nonexistent" --shell "/sbin/nologin" \\
    --no-create-home --uid "\${UID}" appuser
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
USER appuser
ENV PORT=${p.w.node.port}
EXPOSE ${ports}
${dockerHealthcheck(p.w.node.port)}
CMD ["python", "-m", "app"]
`;
}

/** `.dockerignore`: keep local environments and caches out of the build context. */
export const PY_DOCKERIGNORE = `**/__pycache__
**/*.py[cod]
**/.venv
**/venv
**/.pytest_cache
**/.mypy_cache
protogen/
.env
.git
Dockerfile
.dockerignore
README.md
`;
