import { RUNTIMES } from '../../../catalog/catalog';
import { withoutSecretValues } from '../../../model/credentials';
import { serviceEnv } from '../../../model/wiring';
import { mdCode, mdCodeBlock, mdTable, mdText } from '../../docs/markdown';
import type { GeneratedFile } from '../../types';
import { grpcStandardServicesNote } from '../ready';
import { JAVA_BUILD, JAVA_JAR, JAVA_OPTS, javaOpts } from './docker';
import { embeddedReadme, javaRelease } from './embedded';
import type { ServiceWiring } from '../../../model/wiring';
import type { JavaPlan } from './plan';
import { JAVA_VERSIONS } from './versions';

/** What a JVM stub's README says of its own; the JVM stubs share the rest. */
export interface JvmReadme {
  w: ServiceWiring;
  dns: string;
  /** Whether it serves gRPC. */
  own: boolean;
  /** `java` or `scala`: the source folder under src/main. */
  sources: string;
  handlers: string;
  plumbing: string;
  models: string;
  /** The toolchain and libraries, in the opening line. */
  stack: string;
  /** How the opening line ends for a gRPC server. */
  grpcPing: string;
  /** The exercise paragraph. */
  exercise: string;
  /** The handler files, one line each. */
  handlerFiles: string[];
  /** What follows "Everything in <plumbing> and <models>". */
  generated: string;
  /** The REST and gRPC links, one line each. */
  links: string[];
  publishes: readonly { use: { topic: string; brokerKind: string }; brokerDns: string }[];
  subscribes: readonly { use: { topic: string; brokerKind: string }; brokerDns: string }[];
  databases: readonly { use: { databaseKind: string; envVar: string }; target: string }[];
  buildIntro: string;
  /** The note on the classes generated from src/main/proto. */
  protoNote: string;
  docker: string;
  /** Sections of its own before "Build and run" (a JVM service's embedded Python). */
  extra?: string[];
  /** The JVM options of the native start, when not JAVA_OPTS. */
  opts?: readonly string[];
}

/** The README of a JVM stub: what is safe to edit, how to build and run it, and its contract. */
export function jvmReadme(m: JvmReadme): GeneratedFile {
  const w = m.w;
  const r = RUNTIMES[w.runtime];
  const dir = (pkg: string) => `src/main/${m.sources}/${pkg.replace(/\./g, '/')}/`;
  const env = withoutSecretValues(w.node, serviceEnv(w));
  const uses = [
    ...m.links,
    ...m.publishes.map(
      (q) => `- publishes on ${mdCode(q.use.topic)} (${mdText(q.use.brokerKind)} ${mdCode(q.brokerDns)}).`,
    ),
    ...m.subscribes.map(
      (q) => `- consumes ${mdCode(q.use.topic)} (${mdText(q.use.brokerKind)} ${mdCode(q.brokerDns)}).`,
    ),
    ...m.databases.map((d) => `- ${mdText(d.use.databaseKind)} ${mdCode(d.target)}, at ${mdCode(d.use.envVar)}.`),
  ];
  const lines = [
    `# ${mdText(w.node.name)} (${mdText(r.label)})`,
    '',
    `A runnable ${mdText(r.framework)} service (${m.stack}) that keeps the project's service contract: \`GET /healthz\` (alive), \`GET /readyz\` (brokers and databases answer), \`GET /ping\` answering the tree of every call it makes${m.own ? m.grpcPing : ''}.`,
    '',
    m.exercise,
    '',
    ...(m.own ? [grpcStandardServicesNote(w.node.grpcPort)] : []),
    '## What to edit',
    '',
    `Your code lives in ${mdCode(dir(m.handlers))}:`,
    '',
    ...(m.handlerFiles.length
      ? m.handlerFiles.map((h) => `- ${h}`)
      : ['- nothing yet: add a link to this service on the canvas to get handlers.']),
    '',
    `Everything in ${mdCode(dir(m.plumbing))} and ${mdCode(dir(m.models))}${m.generated}`,
    '',
    ...(uses.length ? ['## Links', '', ...uses, ''] : []),
    ...(m.extra ?? []),
    '## Build and run',
    '',
    m.buildIntro,
    '',
    // the values are the user's: a value with a line break and a fence must not end the block
    mdCodeBlock(
      'sh',
      [
        JAVA_BUILD.join(' '),
        `${env.map(([k, v]) => `${k}=${shellWord(v)}`).join(' ')} java ${(m.opts ?? JAVA_OPTS).join(' ')} -jar ${JAVA_JAR}`,
      ].join('\n'),
    ),
    '',
    m.protoNote,
    '',
    m.docker,
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

/** The exercise paragraph every JVM stub's README has. */
export const EXERCISE_NOTE =
  "`/ping` also exercises the contract: on each REST and gRPC link to a service whose stub reads the typed contracts, it calls every endpoint or RPC the link uses with the contract's sample data (marked with the `polyglot-exercise: 1` header), and lists each in the call's `methods`. This service answers such a call itself, in the plumbing, after checking that the request is the sample (else gRPC `INVALID_ARGUMENT` or HTTP `422` `application/problem+json`); your handlers only see unmarked calls. Each published message carries the sample of its channel's message, and each consumed one is listed in `received` with `valid`.";

/** The service's README: what is safe to edit, how to build and run it, and its contract. */
export function readme(p: JavaPlan): GeneratedFile {
  const java = javaRelease(p.embedded);
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
  return jvmReadme({
    w: p.ctx.wiring,
    dns: p.dns,
    own: p.own,
    sources: 'java',
    handlers: p.handlers,
    plumbing: p.plumbing,
    models: p.models,
    stack: `Java ${java}, Spring Boot ${JAVA_VERSIONS.springBoot}${p.features.grpc ? `, grpc-java ${JAVA_VERSIONS.grpc}` : ''}`,
    grpcPing: ', and `polyglot.ping.v1.PingService` over gRPC',
    exercise: EXERCISE_NOTE,
    handlerFiles: handlers,
    generated:
      " (the design's types as records and enums), `Application.java`, `pom.xml` and the contract `.proto` files under `src/main/proto/` (as the project's `proto/` has them) is generated plumbing: exporting again rewrites it, so keep changes there small or move them into `handlers`. Exporting again with `--update` merges your edits of `handlers` with the new design.",
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
    buildIntro: `With JDK ${java} and Maven:`,
    extra: embeddedReadme(p),
    opts: javaOpts(Number(java)),
    protoNote: p.features.grpc
      ? 'The build generates the Java classes of the `.proto` files under `src/main/proto/` (protobuf-maven-plugin fetches `protoc` and `protoc-gen-grpc-java` for your machine from Maven Central).'
      : '',
    docker: `With Docker (the Dockerfile runs the same build): \`docker build -t ${p.dns} .\`, or \`docker compose up\` from the project root.`,
  });
}

/** A value as one shell word (single-quoted unless it is plainly safe). */
function shellWord(v: string): string {
  return /^[A-Za-z0-9_./:@,+-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}
