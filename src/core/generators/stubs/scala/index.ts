import type { StubGenerator } from '../types';
import { corePlumbing } from './core';
import { dockerFiles } from './docker';
import { grpcFiles } from './grpc';
import { busFiles, messagesFile, subscriptionsFile } from './messaging';
import { protoForJava } from '../java/names';
import { scalaPlan } from './plan';
import { pomXml } from './pom';
import { readme } from './readme';
import { modelsFile, restClients, restHandlers, routesFile } from './rest';
import { wiringFiles } from './wiring';

/**
 * The Scala · http4s stub: a Maven project (scala-maven-plugin, Scala 3) whose plumbing (HTTP
 * contract on http4s Ember, fan-out on cats-effect, gRPC server and clients on grpc-java, REST
 * clients, broker clients, database checks) lives in `<package>.plumbing`, whose models live in
 * `<package>.models` (case classes with circe codecs), and whose user-editable handlers live in
 * `<package>.handlers`. It reads the compatibility layer of the contracts: the service's own
 * `.proto` and its targets' as that layer writes them, compiled to Java classes at build time.
 */
export const scalaHttp4sStub: StubGenerator = (ctx) => {
  const p = scalaPlan(ctx);
  const protos = [...(p.own && ctx.ownProto ? [ctx.ownProto] : []), ...ctx.targetProtos.map((t) => t.file)];
  const seen = new Set<string>();
  const protoFiles = protos
    .filter((f) => !seen.has(f.path) && seen.add(f.path))
    .map((f) => ({ path: `src/main/proto/${f.path}`, content: protoForJava(f.content) }));
  const files = [
    pomXml(p),
    ...dockerFiles(p),
    readme(p),
    ...corePlumbing(p),
    modelsFile(p),
    routesFile(p),
    ...restHandlers(p),
    ...restClients(p),
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
