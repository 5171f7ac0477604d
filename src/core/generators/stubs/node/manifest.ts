import type { StubFeatures } from '../features';
import { nodePackageLock } from '../locks/node';
import { dockerHealthcheck } from '../ready';
import type { StubPlan } from '../python/plan';

/**
 * Exact versions of every dependency a Node stub can need, installed together with `npm install`
 * on Node 20 and 22. TypeScript is the repository's own major, whose `tsc` is plain JavaScript.
 */
export const NODE_VERSIONS = {
  '@grpc/grpc-js': '1.14.7',
  '@grpc/proto-loader': '0.8.1',
  '@grpc/reflection': '1.0.4',
  'grpc-health-check': '2.1.0',
  amqplib: '2.3.1',
  express: '5.3.0',
  ioredis: '5.11.1',
  kafkajs: '2.2.4',
  mongodb: '7.9.0',
  nats: '2.29.3',
  pg: '8.23.1',
  protobufjs: '7.6.6',
  '@types/express': '5.0.6',
  '@types/node': '22.19.1',
  '@types/pg': '8.23.1',
  typescript: '6.0.3',
} as const;

/** The Node image tag of the Dockerfile (Alpine: its busybox wget serves the compose healthcheck). */
export const NODE_IMAGE = 'node:22.20.0-alpine';

export type NodeDep = keyof typeof NODE_VERSIONS;
type Dep = NodeDep;

/**
 * What decides a Node stub's dependencies: the features of its links (REST calls need no package:
 * Node has fetch) and whether it serves gRPC itself (`own`).
 */
export type NodeDepFlags = Omit<StubFeatures, 'rest'> & { own: boolean };

/** The dependencies and devDependencies of a stub with these flags, sorted. */
export function nodeDeps(f: NodeDepFlags): { dependencies: Dep[]; devDependencies: Dep[] } {
  const run = new Set<Dep>(['express']);
  const dev = new Set<Dep>(['@types/express', '@types/node', 'typescript']);
  if (f.own || f.grpc) {
    run.add('@grpc/grpc-js');
    run.add('@grpc/proto-loader');
    run.add('protobufjs');
  }
  if (f.own) {
    run.add('@grpc/reflection');
    run.add('grpc-health-check');
  }
  if (f.kafka) run.add('kafkajs');
  if (f.rabbitmq) run.add('amqplib');
  if (f.redis) run.add('ioredis');
  if (f.nats) run.add('nats');
  if (f.postgres) {
    run.add('pg');
    dev.add('@types/pg');
  }
  if (f.mongodb) run.add('mongodb');
  const sorted = (s: Set<Dep>) => (Object.keys(NODE_VERSIONS) as Dep[]).filter((d) => s.has(d)).sort();
  return { dependencies: sorted(run), devDependencies: sorted(dev) };
}

function deps(p: StubPlan): { dependencies: Dep[]; devDependencies: Dep[] } {
  return nodeDeps({
    grpc: p.grpc.length > 0,
    own: Boolean(p.own),
    kafka: p.brokerKinds.has('kafka'),
    rabbitmq: p.brokerKinds.has('rabbitmq'),
    redis: p.brokerKinds.has('redis') || p.databaseKinds.has('redis'),
    nats: p.brokerKinds.has('nats'),
    postgres: p.databaseKinds.has('postgres'),
    mongodb: p.databaseKinds.has('mongodb'),
  });
}

/**
 * Options of proto-loader-gen-types (from @grpc/proto-loader): the TypeScript types of the
 * protos, generated at build time, must describe what `loadService` loads at run time, so the
 * same options (field names as in the .proto, 64-bit integers as decimal strings, as in proto3's JSON
 * mapping, so no value above 2^53 loses digits; defaults filled in).
 */
const GEN_TYPES_FLAGS =
  '--keepCase --longs=String --enums=String --defaults --grpcLib=@grpc/grpc-js --importFileExtension=.js';

/** The engines field of package.json (and of its lock's root). */
const ENGINES = { node: '>=20.19' };

/** `package.json`: ES modules, exact versions; `npm run build` generates the proto types and runs tsc. */
export function packageJson(p: StubPlan): string {
  const d = deps(p);
  const protos = p.own || p.grpc.length > 0 ? [...new Set(p.ctx.contractProtos.map((f) => f.path))] : [];
  const pinned = (list: Dep[]) => Object.fromEntries(list.map((k) => [k, NODE_VERSIONS[k]]));
  const pkg = {
    name: p.dns,
    version: '0.1.0',
    private: true,
    type: 'module',
    main: 'dist/main.js',
    engines: ENGINES,
    scripts: protos.length
      ? {
          'gen:proto': `proto-loader-gen-types ${GEN_TYPES_FLAGS} -I proto -O src/gen ${protos.join(' ')}`,
          build: 'npm run gen:proto && tsc -p tsconfig.json',
          start: 'node dist/main.js',
        }
      : { build: 'tsc -p tsconfig.json', start: 'node dist/main.js' },
    dependencies: pinned(d.dependencies),
    devDependencies: pinned(d.devDependencies),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * `package-lock.json`: every package the dependencies of package.json reach, at the version,
 * tarball and integrity hash of the stored lock (see ../locks/node.ts), so `npm ci` installs
 * exactly the same tree each time.
 */
export function packageLockJson(p: StubPlan): string {
  return nodeLockFor(p.dns, deps(p));
}

/** package-lock.json of a package `name` with these dependencies (see packageLockJson). */
export function nodeLockFor(name: string, d: { dependencies: Dep[]; devDependencies: Dep[] }): string {
  const pinned = (list: Dep[]) => Object.fromEntries(list.map((k) => [k, NODE_VERSIONS[k]]));
  return nodePackageLock(name, '0.1.0', {
    dependencies: pinned(d.dependencies),
    devDependencies: pinned(d.devDependencies),
    engines: ENGINES,
  });
}

/** `tsconfig.json` of the stub. */
export const TSCONFIG_JSON = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      rootDir: 'src',
      outDir: 'dist',
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      types: ['node'],
      sourceMap: true,
    },
    include: ['src'],
  },
  null,
  2,
)}\n`;

/** The Dockerfile, in the shape of `docker init`: `npm ci` + `npm run build`, as natively. */
export function nodeDockerfile(p: StubPlan): string {
  const ports = [p.w.node.port, ...(p.own ? [p.w.node.grpcPort] : [])].join(' ');
  const [image, tag] = NODE_IMAGE.split(':') as [string, string];
  return `# syntax=docker/dockerfile:1

# Build stage: install exactly the tree of package-lock.json and compile TypeScript (the same two
# steps as a native build), then drop the dev dependencies.
ARG NODE_TAG=${tag}
FROM ${image}:\${NODE_TAG} AS build
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \\
    npm ci --no-audit --no-fund
COPY . .
RUN mkdir -p proto && npm run build && npm prune --omit=dev

# Final stage: compiled code, production dependencies and the protos, as the unprivileged node user.
FROM ${image}:\${NODE_TAG} AS final
ENV NODE_ENV=production
WORKDIR /usr/src/app
COPY --from=build /usr/src/app/package.json ./
COPY --from=build /usr/src/app/node_modules ./node_modules
COPY --from=build /usr/src/app/dist ./dist
COPY --from=build /usr/src/app/proto ./proto
USER node
ENV PORT=${p.w.node.port}
EXPOSE ${ports}
${dockerHealthcheck(p.w.node.port)}
CMD ["node", "dist/main.js"]
`;
}

/** `.dockerignore`: local installs and build output stay out of the build context. */
export const NODE_DOCKERIGNORE = `node_modules
dist
src/gen
npm-debug.log
.env
.git
Dockerfile
.dockerignore
README.md
`;
