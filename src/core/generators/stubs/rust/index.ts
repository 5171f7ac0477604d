import type { GeneratedFile } from '../../types';
import type { StubGenerator } from '../types';
import { apiRs } from './api';
import { KAFKA_RS, NATS_RS, RABBITMQ_RS, REDIS_STREAMS_RS } from './brokers';
import { clientsRs } from './clients';
import { databasesRs } from './databases';
import { cargoLock, cargoToml } from './deps';
import { grpcRs } from './grpc';
import { handlersRs } from './handlers';
import { linksRs, plumbingModules } from './links';
import { rustPlan } from './plan';
import { plumbingMod } from './plumbing';
import { readyDependencies } from '../ready';
import { readyRs } from './ready';
import { DOCKERIGNORE, buildRs, dockerfile, mainRs, protoRs, readme } from './project';
import { RUSTFMT_TOML } from './names';
import { CONTRACT_RS, REST_RS, exerciseRs } from './runtime';

/**
 * The Rust · axum stub: axum for HTTP, tonic for gRPC (prost types generated from the contract
 * protos by build.rs), serde models of the REST bodies, a module per broker, the user's code in
 * src/handlers.rs. It reads the typed contracts (docs/stub-contract.md).
 */
export const rustAxumStub: StubGenerator = (ctx) => {
  const plan = rustPlan(ctx);
  const w = plan.w;
  const dbs = new Set(w.databases.map((d) => d.databaseKind));
  const mods = plumbingModules(plan);
  // the files that name samples come first: they register the consts of src/samples.rs
  const handlers = handlersRs(plan);
  const links = linksRs(plan);
  const grpc = plan.servesGrpc ? grpcRs(plan) : '';
  const clients = plan.rest.length || plan.grpc.length ? clientsRs(plan) : '';
  const grpcDeps = plan.protos.length > 0;
  const files: GeneratedFile[] = [
    { path: 'Cargo.toml', content: cargoToml(plan.dns, { ...plan.features, grpc: grpcDeps }, plan.servesGrpc) },
    { path: 'Cargo.lock', content: cargoLock(plan.dns, { ...plan.features, grpc: grpcDeps }, plan.servesGrpc) },
    { path: 'rustfmt.toml', content: RUSTFMT_TOML },
    { path: 'src/main.rs', content: mainRs(plan) },
    { path: 'src/api.rs', content: apiRs(plan) },
    { path: 'src/handlers.rs', content: handlers },
    { path: 'src/plumbing/mod.rs', content: plumbingMod(plan.dns, mods, plan.servesGrpc) },
    { path: 'src/plumbing/exercise.rs', content: exerciseRs(grpcDeps) },
    { path: 'src/plumbing/links.rs', content: links },
    { path: 'src/plumbing/ready.rs', content: readyRs(readyDependencies(w)) },
  ];
  if (plan.samples.size) files.push({ path: 'src/samples.rs', content: plan.samples.file() });
  if (clients) files.push({ path: 'src/clients.rs', content: clients });
  if (grpc) files.push({ path: 'src/plumbing/grpc.rs', content: grpc });
  if (grpcDeps) files.push({ path: 'src/plumbing/contract.rs', content: CONTRACT_RS });
  if (plan.endpoints.length) files.push({ path: 'src/plumbing/rest.rs', content: REST_RS });
  const brokerFiles = {
    kafka: KAFKA_RS,
    nats: NATS_RS,
    rabbitmq: RABBITMQ_RS,
    redis_streams: REDIS_STREAMS_RS,
  } as const;
  for (const [m, content] of Object.entries(brokerFiles))
    if (mods.includes(m)) files.push({ path: `src/plumbing/${m}.rs`, content });
  if (mods.includes('databases')) {
    const uses = {
      redisClient: plan.features.redis,
      postgres: dbs.has('postgres'),
      mongodb: dbs.has('mongodb'),
      redis: dbs.has('redis'),
    };
    files.push({ path: 'src/plumbing/databases.rs', content: databasesRs(uses) });
  }
  if (plan.protos.length) {
    files.push({ path: 'build.rs', content: buildRs(plan) }, { path: 'src/proto.rs', content: protoRs(plan) });
    for (const p of plan.protos) files.push({ path: `proto/${p.path}`, content: p.content });
  }
  files.push(
    { path: 'Dockerfile', content: dockerfile(plan) },
    { path: '.dockerignore', content: DOCKERIGNORE },
    { path: 'README.md', content: readme(plan) },
  );
  return files;
};
