import type { StubGenerator } from '../types';
import { brokerFiles } from './brokers';
import { corePlumbing } from './core';
import { databaseFiles } from './databases';
import { dockerFiles } from './docker';
import { embeddedFiles } from './embedded';
import { exerciseFiles } from './exercise';
import { fanoutJava } from './fanout';
import { grpcFiles } from './grpc';
import { messageFiles } from './messages';
import { jvmProtoFiles } from './names';
import { javaFile, javaPlan } from './plan';
import { pomXml } from './pom';
import { readyController } from './ready';
import { readme } from './readme';
import { restFiles } from './rest';
import { modelsJava, planModels } from './typed';

/**
 * The Java · Spring Boot stub: a Maven project whose plumbing (HTTP contract, fan-out, gRPC server
 * and clients, REST routes and clients, broker clients, database checks, the typed exercise) lives
 * in `<package>.plumbing`, whose types live in `<package>.models`, and whose user-editable handlers
 * live in `<package>.handlers`. gRPC classes are generated from the real contract protos at build
 * time.
 */
export const javaSpringStub: StubGenerator = (ctx) => {
  const p = javaPlan(ctx);
  const protoFiles = jvmProtoFiles(ctx, p.features.grpc);
  const models = planModels(p);
  const files = [
    pomXml(ctx, p.features, p.base.split('.')[0] ?? 'project', p.embedded),
    ...dockerFiles(p),
    readme(p),
    ...corePlumbing(p),
    readyController(p),
    fanoutJava(p),
    javaFile(p.models, 'Models', modelsJava(p.models, models)),
    ...exerciseFiles(p),
    ...restFiles(p),
    ...grpcFiles(p),
    ...brokerFiles(p),
    ...messageFiles(p),
    ...databaseFiles(p),
    ...embeddedFiles(p),
    ...protoFiles,
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
};
