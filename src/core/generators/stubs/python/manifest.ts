import { dockerHealthcheck, unpinnedOsPackages } from '../ready';
import { pythonRequirements } from '../locks/python';
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
  celery: '5.7.0',
  // kombu's Redis transport imports it; kombu 5.7.0 pins it exactly (its `redis` extra)
  packaging: '26.3',
} as const;

/** The CPython image tag of the Dockerfile; native builds use the machine's python3 (3.11 or newer). */
export const PYTHON_IMAGE = 'python:3.11.7-slim-bookworm';

export type PyDep = keyof typeof PY_VERSIONS;

/**
 * The parts a Python stub's dependencies are made of: its framework, then one part per feature.
 * The lock data (locks/python.lock.json) holds the closure of each; a stub's requirements.txt is
 * the union of its parts' closures.
 */
export const PY_LOCK_FEATURES = {
  fastapi: ['fastapi', 'pydantic', 'uvicorn'],
  flask: ['flask', 'waitress'],
  django: ['django', 'djangorestframework', 'gunicorn'],
  rest: ['httpx'],
  grpc: ['grpcio', 'grpcio-tools', 'protobuf'],
  'grpc-server': ['grpcio-health-checking', 'grpcio-reflection'],
  kafka: ['confluent-kafka'],
  rabbitmq: ['pika'],
  redis: ['redis'],
  nats: ['nats-py'],
  postgres: ['psycopg[binary]'],
  mongodb: ['pymongo'],
  // a Celery worker, or a producer enqueueing Celery tasks; over Redis kombu needs redis and packaging
  celery: ['celery'],
  'celery-redis': ['celery', 'redis', 'packaging'],
} as const satisfies Record<string, readonly PyDep[]>;

export type PyLockFeature = keyof typeof PY_LOCK_FEATURES;

/** What decides a Python stub's dependencies. */
export interface PyDepFlags {
  framework: PyFramework;
  rest: boolean;
  /** gRPC clients or a server (grpcio, grpcio-tools, protobuf). */
  grpc: boolean;
  /** A gRPC server (health checking and reflection as well). */
  own: boolean;
  kafka: boolean;
  rabbitmq: boolean;
  redis: boolean;
  nats: boolean;
  postgres: boolean;
  mongodb: boolean;
  /** Celery: a worker, or a producer that enqueues tasks for one. */
  celery: boolean;
  /** Celery over Redis (kombu's Redis transport). */
  celeryRedis: boolean;
}

export function pyDepFlags(p: StubPlan, framework: PyFramework): PyDepFlags {
  const celeryUses = [
    ...(p.celeryBroker ? [p.celeryBroker.brokerKind] : []),
    ...p.routes.filter((r) => r.celeryQueues.length > 0).map((r) => r.use.brokerKind),
  ];
  return {
    framework,
    rest: p.rest.length > 0,
    grpc: !!p.own || p.w.grpc.length > 0,
    own: !!p.own,
    kafka: p.brokerKinds.has('kafka'),
    rabbitmq: p.brokerKinds.has('rabbitmq'),
    redis: p.brokerKinds.has('redis') || p.databaseKinds.has('redis'),
    nats: p.brokerKinds.has('nats'),
    postgres: p.databaseKinds.has('postgres'),
    mongodb: p.databaseKinds.has('mongodb'),
    celery: framework === 'celery' || celeryUses.length > 0,
    celeryRedis: celeryUses.includes('redis'),
  };
}

/** The lock parts of a stub with these flags. */
export function pyLockFeatures(f: PyDepFlags): PyLockFeature[] {
  const out: PyLockFeature[] = f.framework === 'celery' ? [] : [f.framework];
  if (f.rest) out.push('rest');
  if (f.grpc || f.own) out.push('grpc');
  if (f.own) out.push('grpc-server');
  for (const k of ['kafka', 'rabbitmq', 'redis', 'nats', 'postgres', 'mongodb'] as const) if (f[k]) out.push(k);
  if (f.celery) out.push('celery');
  if (f.celeryRedis) out.push('celery-redis');
  return out;
}

/** The direct dependencies of one service: its framework and the clients of the links it has. */
export function pyDependencies(p: StubPlan, flavour: PyFramework): PyDep[] {
  const deps = new Set<PyDep>(pyLockFeatures(pyDepFlags(p, flavour)).flatMap((f) => PY_LOCK_FEATURES[f]));
  return (Object.keys(PY_VERSIONS) as PyDep[]).filter((d) => deps.has(d));
}

/**
 * `requirements.txt`: every package the service installs, direct or not, pinned to the version of
 * the lock data and with the SHA-256 of every file pip may choose, for `pip install --require-hashes`.
 */
export function requirementsTxt(p: StubPlan, flavour: PyFramework): string {
  return pythonRequirements(pyLockFeatures(pyDepFlags(p, flavour)));
}

/** The Dockerfile, in the shape of \`docker init\`: the same two build steps a native build runs. */
export function pythonDockerfile(p: StubPlan): string {
  const ports = [p.w.node.port, ...(p.own ? [p.w.node.grpcPort] : [])].join(' ');
  const [image, tag] = PYTHON_IMAGE.split(':') as [string, string];
  return `# syntax=docker/dockerfile:1

# Build stage: a virtual environment with the locked requirements (every package pinned and
# hashed), then the gRPC code generated from proto/ (the same two steps as a native build).
ARG PYTHON_TAG=${tag}
FROM ${image}:\${PYTHON_TAG} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt ./
RUN pip install --no-cache-dir --require-hashes -r requirements.txt
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
