import type { RuntimeRecipe } from './types';

/**
 * Ruby · Sinatra with Debian's Ruby and gems (conformance/ci-setup.sh installs them; RubyGems is
 * not reached): `bundle install --local` with the exported Gemfile.lock frozen, so the build fails
 * when a pinned version is not the one Debian installed, then a syntax check of every file and
 * `bundle exec ruby app.rb`, the Dockerfile's CMD.
 */
const BUNDLE_ENV = { BUNDLE_FROZEN: 'true', BUNDLE_WITHOUT: 'development:test', BUNDLE_SILENCE_ROOT_WARNING: '1' };

export const recipe: RuntimeRecipe = {
  runtime: 'ruby-sinatra',
  tools: ['ruby', 'bundle'],
  build: () => [
    { cmd: 'bundle', args: ['install', '--local'], env: BUNDLE_ENV },
    {
      cmd: 'ruby',
      args: ['-e', 'Dir["{*,lib/**/*}.rb"].sort.each { |f| RubyVM::InstructionSequence.compile_file(f) }'],
    },
  ],
  start: () => ({ cmd: 'bundle', args: ['exec', 'ruby', 'app.rb'], env: BUNDLE_ENV }),
};
