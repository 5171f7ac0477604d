import type { GeneratedFile } from '../../types';
import type { StubGenerator } from '../types';
import { kafkaGo, natsGo, rabbitmqGo, redisStreamsGo } from './brokers';
import { grpcClientsGo, restClientsGo } from './clients';
import { apiGo, apiModelsGo } from './api';
import { databasesGo } from './databases';
import { goMod, goSum } from './deps';
import { handlersGo } from './handlers';
import { grpcServerGo } from './grpc';
import { linksGo, restPlumbingGo } from './links';
import { CONTRACT_GO, CONTRACT_PB_GO } from './typed';
import { goPlan } from './plan';
import { DOCKERIGNORE, PROTOC_ARGS_FILE, dockerfile, mainGo, protocArgs, readme } from './project';
import { readyDependencies } from '../ready';
import { readyGo } from './ready';
import { serverGo } from './server';

/**
 * The Go · net/http stub: a module `<dns>.local/service`, generated plumbing under
 * internal/plumbing, api/ and clients/, the user's code in handlers/, and the gRPC code
 * generated from the copied .proto files by protoc at build time.
 */
export const goStub: StubGenerator = (ctx) => {
  const plan = goPlan(ctx);
  const w = plan.w;
  const kinds = new Set([...w.publishes, ...w.subscribes].map((q) => q.brokerKind));
  const dbs = new Set(w.databases.map((d) => d.databaseKind));
  const files: GeneratedFile[] = [
    { path: 'go.mod', content: goMod(plan.module, plan.features) },
    { path: 'go.sum', content: goSum(plan.features) },
    { path: 'main.go', content: mainGo(plan) },
    { path: 'api/api.go', content: apiGo() },
    { path: 'api/models.go', content: apiModelsGo(plan) },
    { path: 'internal/contract/contract.go', content: CONTRACT_GO },
    { path: 'handlers/handlers.go', content: handlersGo(plan) },
    { path: 'internal/plumbing/server.go', content: serverGo(plan.dns, plan.module, plan.servesGrpc) },
    { path: 'internal/plumbing/links.go', content: linksGo(plan) },
    { path: 'internal/plumbing/ready.go', content: readyGo(readyDependencies(w)) },
  ];
  if (plan.rest.length > 0) files.push({ path: 'clients/rest.go', content: restClientsGo(plan) });
  if (plan.grpc.length > 0) files.push({ path: 'clients/grpc.go', content: grpcClientsGo(plan) });
  if (plan.features.grpc) files.push({ path: 'internal/contract/pb.go', content: CONTRACT_PB_GO });
  if (plan.sp.ownEndpoints.length > 0) files.push({ path: 'internal/plumbing/rest.go', content: restPlumbingGo(plan) });
  if (plan.servesGrpc) files.push({ path: 'internal/plumbing/grpc.go', content: grpcServerGo(plan) });
  if (kinds.has('kafka')) files.push({ path: 'internal/plumbing/kafka.go', content: kafkaGo(plan.module) });
  if (kinds.has('rabbitmq')) files.push({ path: 'internal/plumbing/rabbitmq.go', content: rabbitmqGo(plan.module) });
  if (kinds.has('redis')) files.push({ path: 'internal/plumbing/redis.go', content: redisStreamsGo(plan.module) });
  if (kinds.has('nats')) files.push({ path: 'internal/plumbing/nats.go', content: natsGo(plan.module) });
  if (plan.features.redis || dbs.size > 0) {
    const uses = { postgres: dbs.has('postgres'), mongodb: dbs.has('mongodb'), redis: dbs.has('redis') };
    files.push({ path: 'internal/plumbing/databases.go', content: databasesGo(plan.features, uses) });
  }
  // the real contract files, compiled as they are: own services, the targets', the ping contract
  for (const p of plan.protos) files.push({ path: `proto/${p.path}`, content: p.content });
  if (plan.protos.length > 0) files.push({ path: PROTOC_ARGS_FILE, content: `${protocArgs(plan).join('\n')}\n` });
  files.push(
    { path: 'Dockerfile', content: dockerfile(plan) },
    { path: '.dockerignore', content: DOCKERIGNORE },
    { path: 'README.md', content: readme(plan) },
  );
  return files;
};
