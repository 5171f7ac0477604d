import type { GeneratedFile } from '../../types';
import { planStub } from '../python/plan';
import type { StubGenerator } from '../types';
import { APP_RB, configRb, serverRb } from './app';
import { RUBY_DOCKERIGNORE, gemfile, gemfileLock, rubyDockerfile } from './manifest';
import { rubyGrpcFiles } from './grpc';
import { rubyUsable } from './plan';
import { NATS_RB, PING_RB, RABBITMQ_RB, READY_RB, REDIS_RB, databasesRb, messagingRb } from './plumbing';
import { rubyReadme } from './readme';
import { apiRb, handlersRb, restClientNames, restClientsRb } from './rest';
import { EXERCISE_RB, queueType, typesRb } from './typed';

/**
 * The Ruby · Sinatra stub: Sinatra 3 on Puma, Bunny for RabbitMQ, redis-rb for Redis Streams and
 * databases, pg for PostgreSQL and a small client of core NATS; every gem at the version Debian
 * bookworm packages. User code in `handlers.rb` (and `rpc_handlers.rb`), generated plumbing in
 * `lib/plumbing/`. On the typed contracts (docs/stub-contract.md): REST endpoints read and checked
 * against the design's types (ruby/rest.ts, ruby/typed.ts), typed REST and gRPC clients that
 * exercise every method a link uses, gRPC of all four kinds on the grpc gem (ruby/grpc.ts).
 */
export const rubySinatraStub: StubGenerator = (ctx) => {
  const p = planStub(ctx);
  const u = rubyUsable(p);
  const files: GeneratedFile[] = [
    { path: 'Dockerfile', content: rubyDockerfile(p, u) },
    { path: '.dockerignore', content: RUBY_DOCKERIGNORE },
    { path: '.gitignore', content: `.bundle/\nvendor/bundle/\n${u.usesGrpc ? 'lib/proto/\n' : ''}` },
    { path: 'README.md', content: rubyReadme(p, u) },
    { path: 'Gemfile', content: gemfile(u) },
    { path: 'Gemfile.lock', content: gemfileLock(u) },
    { path: 'app.rb', content: APP_RB },
    { path: 'handlers.rb', content: handlersRb(p) },
    { path: 'lib/plumbing/config.rb', content: configRb(p) },
    { path: 'lib/plumbing/server.rb', content: serverRb(p) },
    { path: 'lib/plumbing/ping.rb', content: PING_RB },
    { path: 'lib/plumbing/ready.rb', content: READY_RB },
    { path: 'lib/plumbing/exercise.rb', content: EXERCISE_RB },
    {
      path: 'lib/plumbing/types.rb',
      content: typesRb(
        p,
        [...u.publishes, ...u.subscribes].map((q) => queueType(p, q.use.message)),
      ),
    },
  ];
  if (p.ownEndpoints.length) files.push({ path: 'lib/plumbing/api.rb', content: apiRb(p) });
  if (restClientNames(p).size) files.push({ path: 'lib/plumbing/rest_clients.rb', content: restClientsRb(p) });
  const kinds = (['rabbitmq', 'redis', 'nats'] as const).filter((k) => u.brokerKinds.has(k));
  if (kinds.length) files.push({ path: 'lib/plumbing/messaging.rb', content: messagingRb(kinds) });
  if (kinds.includes('rabbitmq')) files.push({ path: 'lib/plumbing/rabbitmq.rb', content: RABBITMQ_RB });
  if (kinds.includes('redis')) files.push({ path: 'lib/plumbing/redis_streams.rb', content: REDIS_RB });
  if (kinds.includes('nats')) files.push({ path: 'lib/plumbing/nats.rb', content: NATS_RB });
  if (u.databases.length) files.push({ path: 'lib/plumbing/databases.rb', content: databasesRb(u.databaseKinds) });
  files.push(...rubyGrpcFiles(p));
  return files;
};
