import type { GeneratedFile } from '../../types';
import type { StubGenerator } from '../types';
import { brokerFiles } from './brokers';
import { corePlumbing } from './core';
import { databaseFiles } from './databases';
import { dockerFiles } from './docker';
import { fanoutJava } from './fanout';
import { grpcFiles } from './grpc';
import { messageFiles } from './messages';
import { protoForJava } from './names';
import { javaPlan } from './plan';
import { pomXml } from './pom';
import { readyController } from './ready';
import { readme } from './readme';
import { restFiles } from './rest';

/**
 * The Java · Spring Boot stub: a Maven project whose plumbing (HTTP contract, fan-out, gRPC server
 * and clients, broker clients, database checks) lives in `<package>.plumbing` and whose
 * user-editable handlers live in `<package>.handlers`. gRPC classes are generated from the copied
 * .proto files at build time.
 */
export const javaSpringStub: StubGenerator = (ctx) => {
  const p = javaPlan(ctx);
  const protos: GeneratedFile[] = [
    ...(p.own && ctx.ownProto ? [ctx.ownProto] : []),
    ...ctx.targetProtos.map((t) => t.file),
  ];
  const seen = new Set<string>();
  const protoFiles = protos
    .filter((f) => !seen.has(f.path) && seen.add(f.path))
    .map((f) => ({ path: `src/main/proto/${f.path}`, content: protoForJava(f.content) }));
  const files = [
    pomXml(ctx, p.features, p.base.split('.')[0] ?? 'project'),
    ...dockerFiles(p),
    readme(p),
    ...corePlumbing(p),
    readyController(p),
    fanoutJava(p),
    ...restFiles(p),
    ...grpcFiles(p),
    ...brokerFiles(p),
    ...messageFiles(p),
    ...databaseFiles(p),
    ...protoFiles,
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
};
