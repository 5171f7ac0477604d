import { RUNTIMES } from '../../../catalog/catalog';
import { withoutSecretValues } from '../../../model/credentials';
import { serviceEnv } from '../../../model/wiring';
import { mdCode, mdCodeBlock, mdTable, mdText } from '../../docs/markdown';
import type { GeneratedFile } from '../../types';
import { grpcStandardServicesNote } from '../ready';
import { JAVA_BUILD, JAVA_JAR, javaOpts } from './docker';
import { embeddedReadme, javaRelease } from './embedded';
import type { JavaPlan } from './plan';
import { JAVA_VERSIONS } from './versions';

/** The service's README: what is safe to edit, how to build and run it, and its contract. */
export function readme(p: JavaPlan): GeneratedFile {
  const w = p.ctx.wiring;
  const r = RUNTIMES[w.runtime];
  const dir = (pkg: string) => `src/main/java/${pkg.replace(/\./g, '/')}/`;
  const env = withoutSecretValues(w.node, serviceEnv(w));
  const handlers = [
    ...(p.endpoints.length
      ? [
          '`ApiHandlers.java`: the REST endpoints other services call, with typed parameters and bodies (the records of `models/Models.java`); `throw new Problem(404, "...")` answers an RFC 9457 `application/problem+json` error.',
        ]
      : []),
    ...(p.services.some((s) => s.rpcs.length > 0)
      ? [
          '`RpcHandlers.java`: the gRPC methods other services call (all four kinds), taking and returning the protobuf classes generated from the contract protos.',
        ]
      : []),
    ...(p.publishes.length ? ['`Messages.java`: the sample payloads `/ping` publishes.'] : []),
    ...(p.subscribes.length ? ['`MessageHandlers.java`: what to do with each consumed message.'] : []),
  ];
  const uses = [
    ...p.rest.map(
      (x) =>
        `- REST to ${mdCode(x.target)}: \`${x.cls}\` (a typed method per endpoint the link uses, at ${mdCode(x.t.call.envVar)}).`,
    ),
    ...p.grpc.map(
      (x) =>
        `- gRPC to ${mdCode(x.target)}: \`${x.cls}\` (a typed method per RPC the link uses, streaming ones too, at ${mdCode(x.t.call.envVar)}).`,
    ),
    ...p.publishes.map(
      (q) => `- publishes on ${mdCode(q.use.topic)} (${mdText(q.use.brokerKind)} ${mdCode(q.brokerDns)}).`,
    ),
    ...p.subscribes.map(
      (q) => `- consumes ${mdCode(q.use.topic)} (${mdText(q.use.brokerKind)} ${mdCode(q.brokerDns)}).`,
    ),
    ...p.databases.map((d) => `- ${mdText(d.use.databaseKind)} ${mdCode(d.target)}, at ${mdCode(d.use.envVar)}.`),
  ];
  const java = javaRelease(p.embedded);
  const lines = [
    `# ${mdText(w.node.name)} (${mdText(r.label)})`,
    '',
    `A runnable ${mdText(r.framework)} service (Java ${java}, Spring Boot ${JAVA_VERSIONS.springBoot}${p.features.grpc ? `, grpc-java ${JAVA_VERSIONS.grpc}` : ''}) that keeps the project's service contract: \`GET /healthz\` (alive), \`GET /readyz\` (brokers and databases answer), \`GET /ping\` answering the tree of every call it makes${p.own ? ', and `polyglot.ping.v1.PingService` over gRPC' : ''}.`,
    '',
    "`/ping` also exercises the contract: on each REST and gRPC link to a service whose stub reads the typed contracts, it calls every endpoint or RPC the link uses with the contract's sample data (marked with the `polyglot-exercise: 1` header), and lists each in the call's `methods`. This service answers such a call itself, in the plumbing, after checking that the request is the sample (else gRPC `INVALID_ARGUMENT` or HTTP `422` `application/problem+json`); your handlers only see unmarked calls. Each published message carries the sample of its channel's message, and each consumed one is listed in `received` with `valid`.",
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
    `Everything in ${mdCode(dir(p.plumbing))} and ${mdCode(dir(p.models))} (the design's types as records and enums), \`Application.java\`, \`pom.xml\` and the contract \`.proto\` files under \`src/main/proto/\` (as the project's \`proto/\` has them) is generated plumbing: exporting again rewrites it, so keep changes there small or move them into \`handlers\`. Exporting again also rewrites \`handlers\`; keep the service under version control and merge.`,
    '',
    ...(uses.length ? ['## Links', '', ...uses, ''] : []),
    ...embeddedReadme(p),
    '## Build and run',
    '',
    `With JDK ${java} and Maven:`,
    '',
    // the values are the user's: a value with a line break and a fence must not end the block
    mdCodeBlock(
      'sh',
      [
        JAVA_BUILD.join(' '),
        `${env.map(([k, v]) => `${k}=${shellWord(v)}`).join(' ')} java ${javaOpts(Number(java)).join(' ')} -jar ${JAVA_JAR}`,
      ].join('\n'),
    ),
    '',
    p.features.grpc
      ? 'The build generates the Java classes of the `.proto` files under `src/main/proto/` (protobuf-maven-plugin fetches `protoc` and `protoc-gen-grpc-java` for your machine from Maven Central).'
      : '',
    '',
    'With Docker (the Dockerfile runs the same build): `docker build -t ' +
      p.dns +
      ' .`, or `docker compose up` from the project root.',
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
