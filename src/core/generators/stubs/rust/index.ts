import type { GeneratedFile } from '../../types';
import type { StubGenerator } from '../types';
import { apiRs, rustStruct } from './api';
import { KAFKA_RS, NATS_RS, RABBITMQ_RS, REDIS_STREAMS_RS } from './brokers';
import { clientsRs } from './clients';
import { databasesRs } from './databases';
import { cargoLock, cargoToml } from './deps';
import { handlersRs } from './handlers';
import { grpcRs, linksRs, plumbingModules } from './links';
import { rustPlan } from './plan';
import { plumbingMod } from './plumbing';
import { readyDependencies } from '../ready';
import { readyRs } from './ready';
import { DOCKERIGNORE, buildRs, dockerfile, mainRs, protoRs, readme } from './project';
import { RUSTFMT_TOML } from './names';

/**
 * The Rust · axum stub: axum for HTTP, tonic for gRPC (code generated from the copied .proto
 * files by build.rs), a module per broker, the user's code in src/handlers.rs.
 */
export const rustAxumStub: StubGenerator = (ctx) => {
  const plan = rustPlan(ctx);
  const w = plan.w;
  const types: string[] = [];
  for (const e of plan.endpoints) {
    if (e.request.length) types.push(rustStruct(`${e.pascal}Request`, e.request, `The body of ${e.method} ${e.path}.`));
    types.push(rustStruct(`${e.pascal}Response`, e.response, `The answer of ${e.method} ${e.path}.`));
  }
  for (const t of plan.topics.values())
    types.push(rustStruct(t.payloadType, t.fields, `The payload of messages on ${t.topic}.`));
  const dbs = new Set(w.databases.map((d) => d.databaseKind));
  const mods = plumbingModules(plan);
  const files: GeneratedFile[] = [
    { path: 'Cargo.toml', content: cargoToml(plan.dns, plan.features, plan.ownProto !== null) },
    { path: 'Cargo.lock', content: cargoLock(plan.dns, plan.features, plan.ownProto !== null) },
    { path: 'rustfmt.toml', content: RUSTFMT_TOML },
    { path: 'src/main.rs', content: mainRs(plan) },
    { path: 'src/api.rs', content: apiRs(types) },
    { path: 'src/handlers.rs', content: handlersRs(plan) },
    { path: 'src/plumbing/mod.rs', content: plumbingMod(plan.dns, mods, w.servesGrpc) },
    { path: 'src/plumbing/links.rs', content: linksRs(plan) },
    { path: 'src/plumbing/ready.rs', content: readyRs(readyDependencies(w)) },
  ];
  if (plan.rest.length || plan.grpc.length) files.push({ path: 'src/clients.rs', content: clientsRs(plan) });
  if (plan.ownProto) files.push({ path: 'src/plumbing/grpc.rs', content: grpcRs(plan) });
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
    for (const p of plan.protos) files.push({ path: `proto/${p.rel}`, content: p.file.content });
  }
  files.push(
    { path: 'Dockerfile', content: dockerfile(plan) },
    { path: '.dockerignore', content: DOCKERIGNORE },
    { path: 'README.md', content: readme(plan) },
  );
  return files;
};
