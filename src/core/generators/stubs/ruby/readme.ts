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
    ['`handlers.rb`', '**yours**: the bodies of the REST endpoints and `on_message`'],
    ['`app.rb`', 'generated: loads the plumbing and `handlers.rb`, starts Puma on `PORT`'],
    ['`lib/plumbing/`', 'generated: the Sinatra app with /healthz, /readyz and /ping, brokers, databases'],
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
      ? `- **gRPC** is the grpc gem ${RUBY_GEMS.grpc?.version}: ${p.own ? `the server on \`GRPC_PORT\` (${p.w.node.grpcPort}) serves the node's services (their RPCs in \`rpc_handlers.rb\`), \`polyglot.ping.v1.PingService\`, \`grpc.health.v1.Health\` (Check and Watch, following /readyz) and server reflection (v1, v1alpha) from the descriptor set \`gen_proto.rb\` writes` : 'no server (this service serves no gRPC)'}${p.grpc.length ? "; each outgoing gRPC link is pinged with the contract's Ping" : ''}. Its typed exercise of other methods, and streaming calls, are not generated: the checker names streaming RPCs on a Sinatra service. The lock names grpc and google-protobuf both as source gems and as x86_64 Linux builds: on x86_64 the image installs the prebuilt ones; elsewhere Bundler compiles them (minutes).`
      : '- **gRPC**: this service neither serves nor calls gRPC; a gRPC link adds the grpc gem, `proto/` and `gen_proto.rb`.',
    '- **Kafka and MongoDB**: no client gem for them ships with Debian, which is where this stub takes its gems from, so it cannot use them; the checker names such links and the stub leaves them out.',
    '- **Typed contracts**: the stub reads the compatibility layer of the contracts: REST endpoints answer the sample of their fields of type string, int64, double and bool, and `/ping` pings each target without calling its other methods. Messages carry the sample of those fields.',
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
