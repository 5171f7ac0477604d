import { dockerHealthcheck, unpinnedOsPackages } from '../ready';
import type { StubPlan } from '../python/plan';
import type { RubyLinks } from './plan';

/**
 * The Ruby image of the Dockerfile: Debian's Ruby is 3.1 (bookworm), the one conformance runs the
 * stub with, so the image is Ruby 3.1 on the same Debian release.
 */
export const RUBY_IMAGE = 'ruby:3.1-slim-bookworm';

/** The Bundler version of the lock's BUNDLED WITH: Debian's (ruby-bundler). */
export const BUNDLER_VERSION = '2.3.15';

/**
 * Every gem a stub can use, at the version Debian bookworm packages (ruby-sinatra, puma,
 * ruby-bunny ...), with its runtime dependencies as its gemspec declares them: the data of the
 * Gemfile.lock. Conformance installs these Debian packages and runs `bundle install --local`
 * against the exported lock, so a version here that Debian does not have fails the build.
 */
export const RUBY_GEMS: Record<string, { version: string; deps: string[]; debian: string; platforms?: string[] }> = {
  'amq-protocol': { version: '2.3.2', deps: [], debian: 'ruby-amq-protocol' },
  bunny: {
    version: '2.19.0',
    deps: ['amq-protocol (~> 2.3, >= 2.3.1)', 'sorted_set (~> 1, >= 1.0.2)'],
    debian: 'ruby-bunny',
  },
  // RubyGems also has these two built for x86_64 Linux: the image installs those (no compiler run);
  // conformance forces the source platform (BUNDLE_FORCE_RUBY_PLATFORM) to take Debian's.
  'google-protobuf': { version: '3.21.12', deps: [], debian: 'ruby-google-protobuf', platforms: ['x86_64-linux'] },
  'googleapis-common-protos-types': {
    version: '1.4.0',
    deps: ['google-protobuf (~> 3.14)'],
    debian: 'ruby-googleapis-common-protos-types',
  },
  grpc: {
    version: '1.51.1',
    deps: ['google-protobuf (~> 3.21)', 'googleapis-common-protos-types (~> 1.0)'],
    debian: 'ruby-grpc',
    platforms: ['x86_64-linux'],
  },
  'grpc-tools': { version: '1.51.1', deps: [], debian: 'ruby-grpc-tools' },
  json: { version: '2.6.3', deps: [], debian: 'ruby-json' },
  mustermann: { version: '3.0.0', deps: ['ruby2_keywords (~> 0.0.1)'], debian: 'ruby-mustermann' },
  nio4r: { version: '2.5.8', deps: [], debian: 'ruby-nio4r' },
  pg: { version: '1.4.5', deps: [], debian: 'ruby-pg' },
  puma: { version: '5.6.5', deps: ['nio4r (~> 2.0)'], debian: 'puma' },
  rack: { version: '2.2.22', deps: [], debian: 'ruby-rack' },
  'rack-protection': { version: '3.0.5', deps: ['rack'], debian: 'ruby-rack-protection' },
  rbtree: { version: '0.4.6', deps: [], debian: 'ruby-rbtree' },
  redis: { version: '4.8.0', deps: [], debian: 'ruby-redis' },
  ruby2_keywords: { version: '0.0.5', deps: [], debian: 'ruby-ruby2-keywords' },
  sinatra: {
    version: '3.0.5',
    deps: ['mustermann (~> 3.0)', 'rack (~> 2.2, >= 2.2.4)', 'rack-protection (= 3.0.5)', 'tilt (~> 2.0)'],
    debian: 'ruby-sinatra',
  },
  sorted_set: { version: '1.0.3', deps: ['rbtree'], debian: 'ruby-sorted-set' },
  tilt: { version: '2.0.11', deps: [], debian: 'ruby-tilt' },
};

export type RubyGem = keyof typeof RUBY_GEMS;

/** Gems only the build needs (Gemfile group :build): the image's final stage leaves them out. */
export const BUILD_GEMS: ReadonlySet<RubyGem> = new Set<RubyGem>(['grpc-tools']);

/** The gems a stub names in its Gemfile: the framework and server, then one per broker or database. */
export function directGems(u: RubyLinks): RubyGem[] {
  const out: RubyGem[] = ['sinatra', 'puma', 'rack', 'json'];
  if (u.usesGrpc) out.push('grpc', 'google-protobuf', 'grpc-tools');
  if (u.brokerKinds.has('rabbitmq')) out.push('bunny');
  if (u.brokerKinds.has('redis') || u.databaseKinds.has('redis')) out.push('redis');
  if (u.databaseKinds.has('postgres')) out.push('pg');
  return out;
}

/** The direct gems with everything they depend on, sorted as Bundler writes them. */
export function gemClosure(direct: readonly RubyGem[]): RubyGem[] {
  const seen = new Set<RubyGem>();
  const visit = (name: RubyGem) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const d of RUBY_GEMS[name]?.deps ?? []) visit(d.split(' ')[0] as RubyGem);
  };
  direct.forEach(visit);
  return [...seen].sort();
}

const WHY: Partial<Record<RubyGem, string>> = {
  sinatra: 'the web framework',
  puma: 'the HTTP server',
  rack: 'the interface between them',
  json: 'JSON bodies and envelopes',
  bunny: 'RabbitMQ',
  redis: 'Redis Streams and Redis databases',
  pg: 'PostgreSQL',
  grpc: 'gRPC server and clients',
  'google-protobuf': 'the protobuf messages',
  'grpc-tools': 'protoc for gen_proto.rb (build only)',
};

/** `Gemfile`: every direct gem at one exact version. */
export function gemfile(u: RubyLinks): string {
  return `# frozen_string_literal: true

# Every gem at the exact version Debian bookworm packages; Gemfile.lock holds the whole tree.
source "https://rubygems.org"

${directGems(u)
  .map((g) => `gem "${g}", "${RUBY_GEMS[g]?.version}"${BUILD_GEMS.has(g) ? ', group: :build' : ''} # ${WHY[g]}`)
  .join('\n')}
`;
}

/** `Gemfile.lock`, as \`bundle lock\` writes it for the Gemfile above. */
export function gemfileLock(u: RubyLinks): string {
  const direct = directGems(u);
  const closure = gemClosure(direct);
  const specs = closure.flatMap((g) => {
    const spec = RUBY_GEMS[g];
    return ['', ...(spec?.platforms ?? []).map((pl) => `-${pl}`)].map((suffix) =>
      [`    ${g} (${spec?.version}${suffix})`, ...(spec?.deps ?? []).map((d) => `      ${d}`)].join('\n'),
    );
  });
  const platforms = ['ruby', ...new Set(closure.flatMap((g) => RUBY_GEMS[g]?.platforms ?? []))];
  return `GEM
  remote: https://rubygems.org/
  specs:
${specs.join('\n')}

PLATFORMS
${platforms.map((pl) => `  ${pl}`).join('\n')}

DEPENDENCIES
${[...direct]
  .sort()
  .map((g) => `  ${g} (= ${RUBY_GEMS[g]?.version})`)
  .join('\n')}

BUNDLED WITH
   ${BUNDLER_VERSION}
`;
}

/** The Dockerfile, in the shape of `docker init`: `bundle install` of the lock, then the app as a non-root user. */
export function rubyDockerfile(p: StubPlan, u: RubyLinks): string {
  const [image, tag] = RUBY_IMAGE.split(':') as [string, string];
  const pg = u.databaseKinds.has('postgres');
  return `# syntax=docker/dockerfile:1

# Build stage: the gems of Gemfile.lock, exactly (frozen), compiled where they have native code.
ARG RUBY_TAG=${tag}
FROM ${image}:\${RUBY_TAG} AS build
${unpinnedOsPackages('apt')}RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\
    --mount=type=cache,target=/var/lib/apt,sharing=locked \\
    rm -f /etc/apt/apt.conf.d/docker-clean \\
    && apt-get update \\
    && apt-get install -y --no-install-recommends build-essential${pg ? ' libpq-dev' : ''}
ENV BUNDLE_FROZEN=true BUNDLE_PATH=/usr/local/bundle BUNDLE_WITHOUT=development:test
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN --mount=type=cache,target=/root/.cache \\
    bundle install --jobs 4 --retry 3
COPY . .${u.usesGrpc ? "\n# protoc's Ruby classes of proto/ and the descriptor set reflection answers from\nRUN bundle exec ruby gen_proto.rb" : ''}

# Final stage: the runtime only, as an unprivileged user; curl serves the health check.
FROM ${image}:\${RUBY_TAG} AS final
${unpinnedOsPackages('apt')}RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\
    --mount=type=cache,target=/var/lib/apt,sharing=locked \\
    rm -f /etc/apt/apt.conf.d/docker-clean \\
    && apt-get update \\
    && apt-get install -y --no-install-recommends curl${pg ? ' libpq5' : ''}
ENV BUNDLE_FROZEN=true BUNDLE_PATH=/usr/local/bundle BUNDLE_WITHOUT=development:test${u.usesGrpc ? ':build' : ''}
ARG UID=10001
RUN adduser --disabled-password --gecos "" --home "/nonexistent" --shell "/sbin/nologin" \\
    --no-create-home --uid "\${UID}" appuser
WORKDIR /app
COPY --from=build /usr/local/bundle /usr/local/bundle
COPY --from=build /app /app
USER appuser
ENV PORT=${p.w.node.port}${p.own ? ` GRPC_PORT=${p.w.node.grpcPort}` : ''}
EXPOSE ${p.w.node.port}${p.own ? ` ${p.w.node.grpcPort}` : ''}
${dockerHealthcheck(p.w.node.port)}
CMD ["bundle", "exec", "ruby", "app.rb"]
`;
}

/** `.dockerignore`: keep local bundles and caches out of the build context. */
export const RUBY_DOCKERIGNORE = `.bundle
vendor/bundle
lib/proto
.env
.git
Dockerfile
.dockerignore
README.md
`;
