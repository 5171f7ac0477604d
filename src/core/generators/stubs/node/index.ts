import type { GeneratedFile } from '../../types';
import { planStub } from '../python/plan';
import type { StubGenerator } from '../types';
import { mainTs } from './app';
import { configTs } from './config';
import { databasesTs } from './databases';
import { grpcClientsTs, grpcServerTs, protosTs } from './grpc';
import { EXERCISE_TS, PB_TS } from './exercise';
import { NODE_DOCKERIGNORE, TSCONFIG_JSON, nodeDockerfile, packageJson, packageLockJson } from './manifest';
import { messagingTs } from './messaging';
import { PING_TS, RECEIVED_TS } from './ping';
import { nodeReadme } from './readme';
import { readyDependencies } from '../ready';
import { readyTs } from './ready';
import { handlersTs, modelsTs, nodeRestTypes, restClientsTs, restServerTs } from './rest';

/**
 * The Node.js · TypeScript (Express) stub: Express 5 compiled with tsc, @grpc/grpc-js with the
 * TypeScript types of the protos generated at build time (proto-loader-gen-types) and the service
 * definitions loaded from proto/ by @grpc/proto-loader, kafkajs, amqplib, ioredis, nats, pg and
 * mongodb. User code in `src/handlers.ts`, generated plumbing in `src/plumbing/`.
 */
export const nodeExpressStub: StubGenerator = (ctx) => {
  const p = planStub(ctx);
  const files: GeneratedFile[] = [
    { path: 'Dockerfile', content: nodeDockerfile(p) },
    { path: '.dockerignore', content: NODE_DOCKERIGNORE },
    { path: '.gitignore', content: 'node_modules/\ndist/\nsrc/gen/\n' },
    { path: 'README.md', content: nodeReadme(p) },
    { path: 'package.json', content: packageJson(p) },
    { path: 'package-lock.json', content: packageLockJson(p) },
    { path: 'tsconfig.json', content: TSCONFIG_JSON },
    { path: 'src/main.ts', content: mainTs(p) },
    { path: 'src/handlers.ts', content: handlersTs(p) },
    { path: 'src/plumbing/config.ts', content: configTs(p) },
    { path: 'src/models.ts', content: modelsTs(nodeRestTypes(p)) },
    { path: 'src/plumbing/exercise.ts', content: EXERCISE_TS },
    { path: 'src/plumbing/received.ts', content: RECEIVED_TS },
    { path: 'src/plumbing/ping.ts', content: PING_TS },
    { path: 'src/plumbing/messaging.ts', content: messagingTs(p) },
    { path: 'src/plumbing/databases.ts', content: databasesTs(p) },
    { path: 'src/plumbing/ready.ts', content: readyTs(readyDependencies(p.w)) },
    { path: 'src/plumbing/grpcClients.ts', content: grpcClientsTs(p) },
    { path: 'src/plumbing/restClients.ts', content: restClientsTs(p) },
  ];
  if (p.ownEndpoints.length > 0) files.push({ path: 'src/plumbing/restServer.ts', content: restServerTs(p) });
  if (p.own || p.grpc.length > 0) {
    files.push({ path: 'src/plumbing/protos.ts', content: protosTs(p) });
    files.push({ path: 'src/plumbing/pb.ts', content: PB_TS });
  }
  if (p.own) files.push({ path: 'src/plumbing/grpcServer.ts', content: grpcServerTs(p) });
  // the real contract files, loaded as they are: own services, the targets', and the ping contract
  const seen = new Set<string>();
  for (const proto of p.own || p.w.grpc.length > 0 ? ctx.contractProtos : []) {
    if (seen.has(proto.path)) continue;
    seen.add(proto.path);
    files.push({ path: `proto/${proto.path}`, content: proto.content });
  }
  return files;
};

export { NODE_IMAGE, NODE_VERSIONS } from './manifest';
