import { mdCode } from '../../docs/markdown';
import type { GeneratedFile } from '../../types';
import { EXERCISE_NOTE, jvmReadme } from '../java/readme';
import type { ScalaPlan } from './plan';
import { SCALA_VERSIONS as V } from './versions';

/** The service's README: the Java stub's, with the Scala sources, libraries and handlers. */
export function readme(p: ScalaPlan): GeneratedFile {
  const handlers = [
    ...(p.endpoints.length
      ? [
          '`RestHandlers.scala`: the REST endpoints other services call, taking typed parameters and the case classes of `models/Models.scala`; `IO.raiseError(Problem(404, "..."))` answers an RFC 9457 `application/problem+json` error.',
        ]
      : []),
    ...(p.rpcs.length
      ? [
          '`RpcHandlers.scala`: the gRPC methods other services call (all four kinds), taking and returning the protobuf classes generated from the contract protos.',
        ]
      : []),
    ...(p.messages.length
      ? ['`Messages.scala`: the sample payloads `/ping` publishes and what to do with each consumed message.']
      : []),
  ];
  return jvmReadme({
    w: p.ctx.wiring,
    dns: p.dns,
    own: p.own,
    sources: 'scala',
    handlers: p.handlers,
    plumbing: p.plumbing,
    models: p.models,
    stack: `Scala ${V.scala} on Java ${V.java}, http4s ${V.http4s} with Ember and cats-effect, circe ${V.circe}${p.features.grpc ? `, grpc-java ${V.grpc}` : ''}`,
    grpcPing: ', and `polyglot.ping.v1.PingService` over gRPC',
    exercise: EXERCISE_NOTE,
    handlerFiles: handlers,
    generated:
      " (the design's types as case classes and enums), `Main.scala`, `pom.xml` and the contract `.proto` files under `src/main/proto/` (as the project's `proto/` has them) is generated plumbing: exporting again rewrites it, so keep changes there small or move them into `handlers`. Exporting again with `--update` merges your edits of `handlers` with the new design.",
    links: [
      ...p.rest.map(
        (x) =>
          `- REST to ${mdCode(x.target)}: \`${x.cls}\` (a typed method per endpoint the link uses, at ${mdCode(x.t.call.envVar)}).`,
      ),
      ...p.grpc.map(
        (x) =>
          `- gRPC to ${mdCode(x.target)}: \`${x.cls}\` (a typed method per RPC the link uses, streaming ones too, at ${mdCode(x.t.call.envVar)}).`,
      ),
    ],
    publishes: p.publishes,
    subscribes: p.subscribes,
    databases: p.databases,
    buildIntro: `With JDK ${V.java} and Maven (no sbt needed: scala-maven-plugin compiles the Scala sources):`,
    protoNote: p.features.grpc
      ? 'The build generates the Java classes of the `.proto` files under `src/main/proto/` (protobuf-maven-plugin fetches `protoc` and `protoc-gen-grpc-java` for your machine from Maven Central); the Scala code uses them.'
      : '',
    docker: `The jar's dependencies are copied to \`target/lib/\`, which its manifest names. With Docker (the Dockerfile runs the same build): \`docker build -t ${p.dns} .\`, or \`docker compose up\` from the project root.`,
  });
}
