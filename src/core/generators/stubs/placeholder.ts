import { RUNTIMES, diagramOnlyReason } from '../../catalog/catalog';
import { serviceEndpoints, serviceRpcs } from '../../model/contracts';
import { withoutSecretValues } from '../../model/credentials';
import { dnsLabel, protoServiceName } from '../../model/naming';
import type { QueueUse } from '../../model/wiring';
import { deployEnv } from '../compose/plan';
import { mdCode, mdTable, mdText } from '../docs/markdown';
import type { GeneratedFile } from '../types';
import type { StubContext } from './types';

/**
 * The README of a service whose runtime has no runnable stub yet (tier 2). It says so plainly and
 * spells out the contract the service must keep to take part in the system: the environment it
 * receives, the HTTP endpoints, the RPCs and the topics.
 */
export function placeholderStub(ctx: StubContext): GeneratedFile[] {
  const w = ctx.wiring;
  const r = RUNTIMES[w.runtime];
  const dns = dnsLabel(w.node.name);
  const env = withoutSecretValues(w.node, deployEnv(w));
  const endpoints = serviceEndpoints(w);
  const rpcs = serviceRpcs(w);
  const why = (diagramOnlyReason(w.runtime) ?? '').replace(/^No stub yet: /, '');
  const lines = [
    `# ${mdText(w.node.name)} (${mdText(r.label)})`,
    '',
    `There is no runnable stub for ${mdText(r.label)} yet (this folder holds only this README): ${mdText(why)}`,
    '',
    `compose.yaml puts the service \`${dns}\` under the \`todo\` profile, so \`docker compose up\` leaves it out until it is implemented; then start it with \`docker compose --profile todo up --build\`. Kubernetes deploys nothing for it: its manifests are in \`k8s/\` only commented out, in a placeholder that \`kustomization.yaml\` does not list, with the steps to deploy it once its image can be built; the Helm chart has no template for it.`,
    '',
    `To take part in the system, write a ${mdText(r.language)} service in this folder, with a \`Dockerfile\` and a \`.dockerignore\`, that keeps the contract below (the same one every generated stub keeps).`,
    '',
    '## Environment',
    '',
    'Every address comes from these variables; hard-code no host. The values are those compose.yaml sets.',
    '',
    mdTable(
      ['variable', 'value in compose'],
      env.map(([k, v]) => [mdCode(k), mdCode(v)]),
    ),
    '',
    '## HTTP',
    '',
    '- `GET /healthz` answers 200 `{"status":"ok"}` once the service is ready.',
    '- `GET /ping?path=a,b` calls every outgoing link and answers the JSON tree of who answered (`service`, `language`, `framework`, `ok`, `loop`, `path`, `calls`, `received`). A service that finds itself in `path` answers `"loop": true` without calling anyone.',
    ...endpoints.map(
      (e) =>
        `- ${mdCode(`${e.method} ${e.path}`)} (${mdCode(e.operationId)}): request ${fieldList(e.request)}; response ${fieldList(e.response)}.`,
    ),
    '',
    ...grpcSection(ctx, rpcs),
    ...queueSection(ctx),
    '## Calls it makes on `/ping`',
    '',
    ...calls(ctx),
    '',
  ];
  return [{ path: 'README.md', content: lines.join('\n') }];
}

function fieldList(fields: readonly { name: string; type: string }[]): string {
  return fields.length ? fields.map((f) => mdCode(`${f.name}: ${f.type}`)).join(', ') : 'no fields';
}

function grpcSection(ctx: StubContext, rpcs: ReturnType<typeof serviceRpcs>): string[] {
  if (!ctx.wiring.servesGrpc) return [];
  const proto = ctx.ownProto ? `proto/${ctx.ownProto.path}` : 'proto/';
  return [
    '## gRPC',
    '',
    `Serve \`${protoServiceName(ctx.wiring.node.name)}\` from [${proto}](../../${proto}) on \`GRPC_PORT\` (plaintext):`,
    '',
    '- `Ping(PingRequest) returns (PingResponse)`: the `/ping` tree as JSON text in `tree_json`.',
    ...rpcs.map((x) => `- ${mdCode(x.name)}: request ${fieldList(x.request)}; response ${fieldList(x.response)}.`),
    '',
  ];
}

const BROKER_USE: Record<QueueUse['brokerKind'], string> = {
  kafka: "Kafka: topic = the topic; consumer group = this service's name; `auto.offset.reset=earliest`.",
  rabbitmq:
    'RabbitMQ: publish to a durable fanout exchange named after the topic; consume from your own durable queue `<topic>.<service>` bound to it.',
  redis:
    "Redis: Streams, `XADD <topic> * message <json>` (the envelope in one field named `message`); consume with `XREADGROUP`, group = this service's name, created with `MKSTREAM` at `0`.",
  nats: 'NATS: core NATS subject = the topic; subscribe in a queue group named after this service.',
};

function queueSection(ctx: StubContext): string[] {
  const w = ctx.wiring;
  if (w.publishes.length === 0 && w.subscribes.length === 0) return [];
  return [
    '## Messages',
    '',
    'The message body is the JSON envelope as UTF-8 text; a body that does not parse is skipped. Envelope: `{"id": "<service>-<n>", "from": "<service>", "topic", "path": [...], "payload": {...}}`.',
    '',
    ...[...new Set([...w.publishes, ...w.subscribes].map((q) => q.brokerKind))].map((k) => `- ${BROKER_USE[k]}`),
    '',
    ...w.publishes.map(
      (q) =>
        `- publishes ${mdCode(q.topic)} on ${mdText(q.broker.name)} (${q.brokerKind}, ${mdCode(q.envVar)}) once per \`/ping\``,
    ),
    ...w.subscribes.map(
      (q) =>
        `- consumes ${mdCode(q.topic)} from ${mdText(q.broker.name)} (${q.brokerKind}, ${mdCode(q.envVar)}) and keeps the last 20 messages for \`received\``,
    ),
    '',
  ];
}

function calls(ctx: StubContext): string[] {
  const w = ctx.wiring;
  const out = [
    ...w.rest.map((c) => `- REST: \`GET $${c.envVar}/ping\` on ${mdText(c.target.name)}`),
    ...w.grpc.map((c) => `- gRPC: \`Ping\` on ${mdText(c.target.name)} at \`$${c.envVar}\``),
    ...w.publishes.map((q) => `- one message on ${mdCode(q.topic)}`),
    ...w.databases.map((d) => `- a connection check of ${mdText(d.database.name)} at \`$${d.envVar}\``),
  ];
  return out.length ? out : ['None: it has no outgoing links.'];
}
