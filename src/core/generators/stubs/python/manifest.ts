import { dockerHealthcheck, unpinnedOsPackages } from '../ready';
import { RUST_IMAGE } from '../rust/deps';
import { PYO3_MODULE, PYO3_MODULE_VERSION } from './nativeRust';
import { pythonRequirements } from '../locks/python';
import type { PyFramework, StubPlan } from './plan';
import type { NativeKind } from '../../../model/types';
import { isPyNative, nativeBuildCommands, type PyNativeKind } from './native';

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
  // in-process modules: cffi at run time (its backend) and to build; the build tools of the others
  cffi: '2.1.1',
  cython: '3.3.1',
  maturin: '1.16.0',
  setuptools: '84.2.1',
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
  // an in-process module: what the service runs with, and (native/requirements-build.txt) what builds it
  'native-cffi': ['cffi'],
  'native-build-cffi': ['cffi', 'setuptools'],
  'native-build-cython': ['cython', 'setuptools'],
  'native-build-pyo3': ['maturin'],
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
  /** The in-process module, when the service has one (cffi's runs with cffi's backend). */
  native?: PyNativeKind;
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
    ...(framework !== 'celery' && isPyNative(p.w.node.native?.kind) ? { native: p.w.node.native.kind } : {}),
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
  if (f.native === 'cffi') out.push('native-cffi');
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
  return pythonRequirements(pyLockFeatures(pyDepFlags(p, flavour)), pyDependencies(p, flavour));
}

/** The Dockerfile, in the shape of \`docker init\`: the same build steps a native build runs. */
export function pythonDockerfile(p: StubPlan): string {
  const ports = [p.w.node.port, ...(p.own ? [p.w.node.grpcPort] : [])].join(' ');
  const [image, tag] = PYTHON_IMAGE.split(':') as [string, string];
  const native = isPyNative(p.w.node.native?.kind) ? p.w.node.native.kind : undefined;
  const wheel = native === 'pyo3';
  // the tag is a global argument, declared before the first stage
  return `# syntax=docker/dockerfile:1
${native ? `\nARG PYTHON_TAG=${tag}\n${nativeStage(native)}` : ''}
# Build stage: a virtual environment with the locked requirements (every package pinned and
# hashed), then the gRPC code generated from proto/ (the same two steps as a native build).
${native ? '' : `ARG PYTHON_TAG=${tag}\n`}FROM ${image}:\${PYTHON_TAG} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt ./
RUN pip install --no-cache-dir --require-hashes -r requirements.txt
COPY . .
RUN python gen_proto.py
${
  wheel
    ? `# the Rust module's wheel from the native stage, into the same environment
COPY --from=native /app/native/build/ /tmp/wheels/
RUN pip install --no-cache-dir --no-deps --no-index --find-links /tmp/wheels ${PYO3_MODULE}==${PYO3_MODULE_VERSION}
`
    : ''
}
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
${native && !wheel ? '# the built module from the native stage (its compiler stays there)\nCOPY --from=native /app/native /app/native\n' : ''}USER appuser
ENV PORT=${p.w.node.port}
EXPOSE ${ports}
${dockerHealthcheck(p.w.node.port)}
CMD ["python", "-m", "app"]
`;
}

/**
 * The native stage: the compiler (and for PyO3 the Rust toolchain), the locked build tools in
 * their own environment, and the build of native/; only its artifact reaches the final image.
 */
function nativeStage(kind: PyNativeKind): string {
  const [image] = PYTHON_IMAGE.split(':') as [string, string];
  const [rustImage, rustTag] = RUST_IMAGE.split(':') as [string, string];
  const rust = kind === 'pyo3';
  const buildVenv = kind !== 'ctypes';
  const cmds = nativeBuildCommands(kind, '/opt/build/bin/python', '/usr/local/bin/python');
  const mounts = rust
    ? '--mount=type=cache,target=/usr/local/cargo/registry \\\n    --mount=type=cache,target=/tmp/target \\\n    '
    : '';
  return `${
    rust
      ? `
# The Rust toolchain that builds the PyO3 module (only its files are taken, in the native stage).
FROM ${rustImage}:${rustTag} AS rust
`
      : ''
  }
# Native stage: ${NATIVE_BUILD_WHAT[kind]}; only the built module leaves it.
FROM ${image}:\${PYTHON_TAG} AS native
${unpinnedOsPackages('apt')}RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\
    --mount=type=cache,target=/var/lib/apt,sharing=locked \\
    rm -f /etc/apt/apt.conf.d/docker-clean \\
    && apt-get update \\
    && apt-get install -y --no-install-recommends gcc libc6-dev
${
  rust
    ? `COPY --from=rust /usr/local/cargo /usr/local/cargo
COPY --from=rust /usr/local/rustup /usr/local/rustup
ENV CARGO_HOME=/usr/local/cargo RUSTUP_HOME=/usr/local/rustup CARGO_TARGET_DIR=/tmp/target PATH=/usr/local/cargo/bin:$PATH
`
    : ''
}ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
${
  buildVenv
    ? `COPY native/requirements-build.txt native/
RUN python -m venv /opt/build \\
    && /opt/build/bin/pip install --no-cache-dir --require-hashes -r native/requirements-build.txt
`
    : ''
}COPY native/ native/
RUN ${mounts}${cmds.filter((c) => !c.includes('pip install')).join(' \\\n    && ')}
`;
}

const NATIVE_BUILD_WHAT: Record<PyNativeKind, string> = {
  ctypes: 'gcc builds native/hotpath.c into the shared library that ctypes loads',
  cffi: "cffi's API mode compiles native/hotpath.c into an extension module (native/build_cffi.py)",
  cython: 'Cython translates native/hotpath.pyx to C and gcc compiles it into an extension module',
  pyo3: 'maturin builds the Rust crate in native/ into a wheel with cargo',
};

/** `.dockerignore` of a service with an in-process module: its local build output stays out too. */
export function pyDockerignore(native: NativeKind | undefined): string {
  if (!isPyNative(native)) return PY_DOCKERIGNORE;
  const extra = [
    'native/build/',
    'native/target/',
    '**/.venv-build',
    ...(native === 'cython' ? ['native/hotpath.c', 'native/*.so'] : []),
  ];
  return PY_DOCKERIGNORE.replace('protogen/\n', `protogen/\n${extra.join('\n')}\n`);
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
