import { RUNTIMES } from '../../../catalog/catalog';
import { withoutSecretValues } from '../../../model/credentials';
import { serviceEnv } from '../../../model/wiring';
import { mdCode, mdTable, mdText } from '../../docs/markdown';
import type { StubPlan } from '../python/plan';
import { RUBY_IMAGE } from './manifest';
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
  const limits = [
    '- **gRPC**: this stub serves and calls no gRPC (the checker names a gRPC link to or from a Sinatra service).',
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
bundle install
PORT=${p.w.node.port} bundle exec ruby app.rb
\`\`\`

On Debian 12 the gems can come from its packages instead of RubyGems: \`apt-get install ruby-sinatra puma
ruby-json ruby-redis ruby-bunny ruby-pg\`, then \`bundle install --local\`.

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
