import { RUNTIMES } from '../../../catalog/catalog';
import { withoutSecretValues } from '../../../model/credentials';
import { serviceEnv } from '../../../model/wiring';
import { mdCode, mdCodeBlock, mdTable, mdText } from '../../docs/markdown';
import type { GeneratedFile } from '../../types';
import { grpcStandardServicesNote } from '../ready';
import type { ScalaPlan } from './plan';
import { SCALA_BUILD, SCALA_JAR, SCALA_OPTS } from './pom';
import { SCALA_VERSIONS as V } from './versions';

/** The service's README: what is safe to edit, how to build and run it, and its contract. */
export function readme(p: ScalaPlan): GeneratedFile {
  const w = p.ctx.wiring;
  const r = RUNTIMES[w.runtime];
  const dir = (pkg: string) => `src/main/scala/${pkg.replace(/\./g, '/')}/`;
  const env = withoutSecretValues(w.node, serviceEnv(w));
  const handlers = [
    ...(p.endpoints.length
      ? [
          '`RestHandlers.scala`: the REST endpoints other services call, taking and returning the case classes of `models/Models.scala`.',
        ]
      : []),
    ...(p.rpcs.length
      ? [
          '`RpcHandlers.scala`: the unary gRPC methods other services call, taking and returning the protobuf classes generated from `src/main/proto`.',
        ]
      : []),
    ...(p.messages.length
      ? ['`Messages.scala`: the sample payloads `/ping` publishes and what to do with each consumed message.']
      : []),
  ];
  const uses = [
    ...p.rest.map(
      (x) =>
        `- REST to ${mdCode(x.target)}: \`${x.cls}\` (a typed method per endpoint the link uses, at ${mdCode(x.envVar)}).`,
    ),
    ...p.grpc.map(
      (x) =>
        `- gRPC to ${mdCode(x.target)}: \`${x.cls}\` (a blocking method per unary RPC the link uses, at ${mdCode(x.envVar)}).`,
    ),
    ...p.publishes.map(
      (q) => `- publishes on ${mdCode(q.use.topic)} (${mdText(q.use.brokerKind)} ${mdCode(q.brokerDns)}).`,
    ),
    ...p.subscribes.map(
      (q) => `- consumes ${mdCode(q.use.topic)} (${mdText(q.use.brokerKind)} ${mdCode(q.brokerDns)}).`,
    ),
    ...p.databases.map((d) => `- ${mdText(d.use.databaseKind)} ${mdCode(d.target)}, at ${mdCode(d.use.envVar)}.`),
  ];
  const lines = [
    `# ${mdText(w.node.name)} (${mdText(r.label)})`,
    '',
    `A runnable ${mdText(r.framework)} service (Scala ${V.scala} on Java ${V.java}, http4s ${V.http4s} with Ember and cats-effect, circe ${V.circe}${p.features.grpc ? `, grpc-java ${V.grpc}` : ''}) that keeps the project's service contract: \`GET /healthz\` (alive), \`GET /readyz\` (brokers and databases answer), \`GET /ping\` answering the tree of every call it makes${p.own ? ', and the `Ping` RPC of its gRPC service' : ''}.`,
    '',
    "This stub reads the compatibility layer of the contracts, not yet the typed ones: its models carry the singular `string`, `int64`, `double` and `bool` fields of each message, its gRPC service has the unary RPCs, and `/ping` calls each link's `/ping` or `Ping` without exercising the link's methods; published messages carry that layer's sample (`\"sample-<field>\"`, `42`, `0.5`, `true`). Streaming RPCs are not served.",
    '',
    ...(p.own ? [grpcStandardServicesNote(w.node.grpcPort)] : []),
    '## What to edit',
    '',
    `Your code lives in ${mdCode(dir(p.handlers))}:`,
    '',
    ...(handlers.length
      ? handlers.map((h) => `- ${h}`)
      : ['- nothing yet: add a link to this service on the canvas to get handlers.']),
    '',
    `Everything in ${mdCode(dir(p.plumbing))} and ${mdCode(dir(p.models))}, \`Main.scala\`, \`pom.xml\` and the \`.proto\` files under \`src/main/proto/\` is generated plumbing: exporting again rewrites it, so keep changes there small or move them into \`handlers\`. Exporting again with \`--update\` merges your edits of \`handlers\` with the new design.`,
    '',
    ...(uses.length ? ['## Links', '', ...uses, ''] : []),
    '## Build and run',
    '',
    `With JDK ${V.java} and Maven (no sbt needed: scala-maven-plugin compiles the Scala sources):`,
    '',
    mdCodeBlock(
      'sh',
      [
        SCALA_BUILD.join(' '),
        `${env.map(([k, v]) => `${k}=${shellWord(v)}`).join(' ')} java ${SCALA_OPTS.join(' ')} -jar ${SCALA_JAR}`,
      ].join('\n'),
    ),
    '',
    p.features.grpc
      ? 'The build generates the Java classes of the `.proto` files under `src/main/proto/` (protobuf-maven-plugin fetches `protoc` and `protoc-gen-grpc-java` for your machine from Maven Central); the Scala code uses them.'
      : '',
    '',
    `The jar's dependencies are copied to \`target/lib/\`, which its manifest names. With Docker (the Dockerfile runs the same build): \`docker build -t ${p.dns} .\`, or \`docker compose up\` from the project root.`,
    '',
    '## Environment',
    '',
    'Every address comes from these variables; the values below are those compose.yaml sets.',
    '',
    mdTable(
      ['variable', 'value in compose'],
      env.map(([k, v]) => [mdCode(k), mdCode(v)]),
    ),
    '',
  ];
  return { path: 'README.md', content: lines.join('\n').replace(/\n{3,}/g, '\n\n') };
}

/** A value as one shell word (single-quoted unless it is plainly safe). */
function shellWord(v: string): string {
  return /^[A-Za-z0-9_./:@,+-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}
