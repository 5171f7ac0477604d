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
  '@types/express': '5.0.6',
  '@types/node': '22.19.1',
  '@types/pg': '8.23.1',
  typescript: '6.0.3',
} as const;

/** The Node image tag of the Dockerfile (Alpine: its busybox wget serves the compose healthcheck). */
export const NODE_IMAGE = 'node:22.20.0-alpine';

type Dep = keyof typeof NODE_VERSIONS;

function deps(p: StubPlan): { dependencies: Dep[]; devDependencies: Dep[] } {
  const run = new Set<Dep>(['express']);
  const dev = new Set<Dep>(['@types/express', '@types/node', 'typescript']);
  if (p.own || p.grpc.length > 0) {
    run.add('@grpc/grpc-js');
    run.add('@grpc/proto-loader');
  }
  if (p.own) {
    run.add('@grpc/reflection');
    run.add('grpc-health-check');
  }
  if (p.brokerKinds.has('kafka')) run.add('kafkajs');
  if (p.brokerKinds.has('rabbitmq')) run.add('amqplib');
  if (p.brokerKinds.has('redis') || p.databaseKinds.has('redis')) run.add('ioredis');
  if (p.brokerKinds.has('nats')) run.add('nats');
  if (p.databaseKinds.has('postgres')) {
    run.add('pg');
    dev.add('@types/pg');
  }
  if (p.databaseKinds.has('mongodb')) run.add('mongodb');
  const sorted = (s: Set<Dep>) => (Object.keys(NODE_VERSIONS) as Dep[]).filter((d) => s.has(d)).sort();
  return { dependencies: sorted(run), devDependencies: sorted(dev) };
}

/**
 * Options of proto-loader-gen-types (from @grpc/proto-loader): the TypeScript types of the
 * protos, generated at build time, must describe what `loadService` loads at run time, so the
 * same options (field names as in the .proto, int64 as numbers, defaults filled in).
 */
const GEN_TYPES_FLAGS =
  '--keepCase --longs=Number --enums=String --defaults --grpcLib=@grpc/grpc-js --importFileExtension=.js';

/** `package.json`: ES modules, exact versions; `npm run build` generates the proto types and runs tsc. */
export function packageJson(p: StubPlan): string {
  const d = deps(p);
  const protos = [...new Set([...(p.own ? [p.own.protoPath] : []), ...p.grpc.map((g) => g.protoPath)])];
  const pinned = (list: Dep[]) => Object.fromEntries(list.map((k) => [k, NODE_VERSIONS[k]]));
  const pkg = {
    name: p.dns,
    version: '0.1.0',
    private: true,
    type: 'module',
    main: 'dist/main.js',
    engines: { node: '>=20.19' },
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

/** The Dockerfile, in the shape of `docker init`: `npm install` + `npm run build`, as natively. */
export function nodeDockerfile(p: StubPlan): string {
  const ports = [p.w.node.port, ...(p.own ? [p.w.node.grpcPort] : [])].join(' ');
  const [image, tag] = NODE_IMAGE.split(':') as [string, string];
  return `# syntax=docker/dockerfile:1

# Build stage: install the pinned dependencies and compile TypeScript (the same two steps as a
# native build), then drop the dev dependencies.
ARG NODE_TAG=${tag}
FROM ${image}:\${NODE_TAG} AS build
WORKDIR /usr/src/app
COPY package.json ./
RUN --mount=type=cache,target=/root/.npm \\
    npm install --no-audit --no-fund
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
