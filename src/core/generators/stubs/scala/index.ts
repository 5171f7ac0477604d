import type { StubGenerator } from '../types';
import { corePlumbing } from './core';
import { dockerFiles } from './docker';
import { exerciseFiles } from './exercise';
import { grpcFiles } from './grpc';
import { busFiles, messagesFile, subscriptionsFile } from './messaging';
import { jvmProtoFiles } from '../java/names';
import { scalaFile, scalaPlan } from './plan';
import { pomXml } from './pom';
import { readme } from './readme';
import { restFiles, routesFile } from './rest';
import { modelsScala } from './typed';
import { planModels } from '../java/typed';
import { wiringFiles } from './wiring';

/**
 * The Scala · http4s stub: a Maven project (scala-maven-plugin, Scala 3) whose plumbing (HTTP
 * contract on http4s Ember, fan-out on cats-effect, gRPC server and clients on grpc-java, REST
 * routes and clients, broker clients, database checks, the typed exercise) lives in
 * `<package>.plumbing`, whose types live in `<package>.models` (case classes and enums with circe
 * codecs), and whose user-editable handlers live in `<package>.handlers`. gRPC classes are
 * protoc's Java classes of the real contract protos, generated at build time.
 */
export const scalaHttp4sStub: StubGenerator = (ctx) => {
  const p = scalaPlan(ctx);
  const protoFiles = jvmProtoFiles(ctx, p.features.grpc);
  const models = planModels(p);
  const files = [
    pomXml(p),
    ...dockerFiles(p),
    readme(p),
    ...corePlumbing(p),
    scalaFile(p.models, 'Models', modelsScala(p.models, models)),
    ...exerciseFiles(p),
    routesFile(p),
    ...restFiles(p),
    ...grpcFiles(p),
    ...busFiles(p),
    ...messagesFile(p),
    ...subscriptionsFile(p),
    ...wiringFiles(p),
    ...protoFiles,
    {
      // slf4j-simple's settings: the JVM clients' INFO logs (Kafka prints its whole configuration) stay quiet
      path: 'src/main/resources/simplelogger.properties',
      content: [
        '# Generated plumbing: regenerating the project replaces this file.',
        'org.slf4j.simpleLogger.defaultLogLevel=warn',
        'org.slf4j.simpleLogger.log.org.http4s.ember.server=info',
        'org.slf4j.simpleLogger.showDateTime=true',
        '',
      ].join('\n'),
    },
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
};
