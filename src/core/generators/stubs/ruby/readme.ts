import { RUNTIMES } from '../../../catalog/catalog';
import { withoutSecretValues } from '../../../model/credentials';
import { serviceEnv } from '../../../model/wiring';
import { mdCode, mdTable, mdText } from '../../docs/markdown';
import type { StubPlan } from '../python/plan';
import { RUBY_GEMS, RUBY_IMAGE } from './manifest';
import type { RubyLinks } from './plan';

/** The service's README.md: what is safe to edit, how to run it, its environment and its limits. */
export function rubyReadme(p: StubPlan, u: RubyLinks): string {
  const r = RUNTIMES[p.w.runtime];
  const env = withoutSecretValues(p.w.node, serviceEnv(p.w));
  const rows: string[][] = [
    ['`handlers.rb`', '**yours**: the bodies of the REST endpoints (one method each) and `on_message`'],
    ['`app.rb`', 'generated: loads the plumbing and `handlers.rb`, starts Puma on `PORT`'],
    [
      '`lib/plumbing/`',
      'generated: the Sinatra app with /healthz, /readyz and /ping, the routes of the endpoints (`api.rb`), the types (`types.rb`), typed clients, brokers, databases',
    ],
    ['`Gemfile`, `Gemfile.lock`', 'every gem pinned to one version (the whole tree in the lock): add yours'],
  ];
  if (p.own) rows.splice(1, 0, ['`rpc_handlers.rb`', '**yours**: the bodies of the RPCs of its gRPC services']);
  if (u.usesGrpc)
    rows.push(
      ['`proto/`', "the `.proto` files it serves and calls (copied from the project's `proto/`)"],
      ['`gen_proto.rb`', "writes `lib/proto/` (protoc's Ruby classes and the descriptor set) from `proto/`"],
    );
  const limits = [
    p.own || u.usesGrpc
      ? `- **gRPC** is the grpc gem ${RUBY_GEMS.grpc?.version}: ${p.own ? `the server on \`GRPC_PORT\` (${p.w.node.grpcPort}) serves the node's services (their RPCs in \`rpc_handlers.rb\`), \`polyglot.ping.v1.PingService\`, \`grpc.health.v1.Health\` (Check and Watch, following /readyz) and server reflection (v1, v1alpha) from the descriptor set \`gen_proto.rb\` writes` : 'no server (this service serves no gRPC)'}${p.grpc.length ? "; each outgoing gRPC link is pinged with the contract's Ping and its RPCs exercised (`lib/plumbing/grpc_client.rb`)" : ''}. All four RPC kinds are served and called (a streamed side is an Enumerable). The lock names grpc and google-protobuf both as source gems and as x86_64 Linux builds: on x86_64 the image installs the prebuilt ones; elsewhere Bundler compiles them (minutes).`
      : '- **gRPC**: this service neither serves nor calls gRPC; a gRPC link adds the grpc gem, `proto/` and `gen_proto.rb`.',
    '- **Kafka and MongoDB**: no client gem for them ships with Debian, which is where this stub takes its gems from, so it cannot use them; the checker names such links and the stub leaves them out.',
    '- **Typed contracts**: Ruby has no static types, so the design\'s messages and enums are data in `lib/plumbing/types.rb`: each route reads its path, query and header parameters as their types (a `400` problem when one does not fit) and its JSON body against the message type (`422` `application/problem+json` when it does not fit), and hands `handlers.rb` JSON data of those types (hashes with string keys, the JSON keys). Raise `Plumbing::Problem.new(404, "...")` for an error answer (RFC 9457). A call marked `polyglot-exercise: 1` is answered by the plumbing with the sample, never by your handlers; `/ping` calls every method of each link that way (`methods` in its answer). Messages carry the sample of the channel\'s type, and `received` marks each payload `valid` when it is that sample.',
    '- **NATS** is spoken by a small client of the core protocol in `lib/plumbing/nats.rb` (CONNECT, PUB, SUB with a queue group, PING/PONG), as Debian packages no NATS gem.',
    '- **Gemfile.lock** has no checksums (Bundler 2.3 writes none); the versions are those Debian bookworm packages, which the conformance run builds against.',
  ];
  return `# ${mdText(p.w.node.name)} (${mdText(r.label)})

A runnable stub that keeps the project's service contract: \`GET /healthz\`, \`GET /readyz\`, \`GET /ping\` (calls
every outgoing link and answers the tree of who answered), the declared REST endpoints and the producers
and consumers of its topics.
${u.skipped.length ? `\n**Left out:** ${u.skipped.map((s) => mdText(s)).join(', ')}: this stub cannot use ${u.skipped.length === 1 ? 'it' : 'them'} (see Limits).\n` : ''}
## Files

${mdTable(['file', 'what it is'], rows)}

Regenerating the project rewrites everything generated; keep your code in \`handlers.rb\` (and files
of your own that it requires).

## Run it

With Docker: \`docker compose up --build ${p.dns}\` from the project root (image \`${RUBY_IMAGE}\`).

Natively (Ruby 3.1), from this folder:

\`\`\`sh
bundle install${u.usesGrpc ? '\nbundle exec ruby gen_proto.rb' : ''}
PORT=${p.w.node.port} bundle exec ruby app.rb
\`\`\`

On Debian 12 the gems can come from its packages instead of RubyGems: \`apt-get install ruby-sinatra puma
ruby-json ruby-redis ruby-bunny ruby-pg${u.usesGrpc ? ' ruby-grpc ruby-grpc-tools' : ''}\`, then \`bundle install --local\`${u.usesGrpc ? " with `BUNDLE_FORCE_RUBY_PLATFORM=true` (Debian's grpc and google-protobuf are the source gems the lock also names)" : ''}.

Then \`curl http://127.0.0.1:${p.w.node.port}/ping\`.

## Limits

${limits.join('\n')}

## Environment

Every address comes from these variables (the values compose.yaml sets):

${mdTable(
  ['variable', 'value in compose'],
  env.map(([k, v]) => [mdCode(k), mdCode(v)]),
)}
`;
}
