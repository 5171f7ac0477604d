import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeRecipe } from './types';

/**
 * Ruby · Sinatra with Debian's Ruby and gems (conformance/ci-setup.sh installs them; RubyGems is
 * not reached): `bundle install --local` with the exported Gemfile.lock frozen, so the build fails
 * when a pinned version is not the one Debian installed, then protoc's Ruby classes (gen_proto.rb,
 * as the Dockerfile runs it) for a service that serves or calls gRPC, a syntax check of every file
 * and `bundle exec ruby app.rb`, the Dockerfile's CMD. The lock also names the x86_64 Linux builds
 * of grpc and google-protobuf that the image installs; Debian's are the source platform's, which
 * BUNDLE_FORCE_RUBY_PLATFORM makes Bundler take.
 */
const BUNDLE_ENV = {
  BUNDLE_FROZEN: 'true',
  BUNDLE_WITHOUT: 'development:test',
  BUNDLE_SILENCE_ROOT_WARNING: '1',
  BUNDLE_FORCE_RUBY_PLATFORM: 'true',
};

export const recipe: RuntimeRecipe = {
  runtime: 'ruby-sinatra',
  tools: ['ruby', 'bundle'],
  build: (dir) => [
    { cmd: 'bundle', args: ['install', '--local'], env: BUNDLE_ENV },
    ...(existsSync(join(dir, 'gen_proto.rb'))
      ? [{ cmd: 'bundle', args: ['exec', 'ruby', 'gen_proto.rb'], env: BUNDLE_ENV }]
      : []),
    {
      cmd: 'ruby',
      args: ['-e', 'Dir["{*,lib/**/*}.rb"].sort.each { |f| RubyVM::InstructionSequence.compile_file(f) }'],
    },
  ],
  start: () => ({ cmd: 'bundle', args: ['exec', 'ruby', 'app.rb'], env: BUNDLE_ENV }),
};
