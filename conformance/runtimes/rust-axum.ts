import { join } from 'node:path';
import type { Command, RuntimeRecipe } from './types';

/**
 * Rust builds with the Dockerfile's `cargo build --release --locked` (exactly the exported Cargo.lock). The target folder is shared by
 * every Rust service under the cache (CARGO_TARGET_DIR), so the second service and later runs
 * reuse compiled dependencies; the binary is then copied into the service's own bin/ because
 * every stub's binary is called `service`. protoc comes from the protoc-bin-vendored crate.
 * Builds run with two jobs: the machines here have two cores. On them, a first build with an
 * empty target folder takes about 4 minutes for the rust-axum fixture (REST, gRPC, RabbitMQ) and
 * about 11 for a service that uses every broker and database (mongodb and librdkafka, which
 * rdkafka compiles from C, are most of it); a service whose crates are already built takes 1 to 2.
 */
export const recipe: RuntimeRecipe = {
  runtime: 'rust-axum',
  tools: ['cargo', 'cc', 'make'],
  build(dir: string, cache: string): Command[] {
    const target = join(cache, 'cargo-target');
    const env = { CARGO_TARGET_DIR: target, CARGO_TERM_COLOR: 'never' };
    return [
      { cmd: 'cargo', args: ['build', '--release', '--locked', '-j', '2'], env },
      { cmd: 'mkdir', args: ['-p', 'bin'] },
      { cmd: 'cp', args: [join(target, 'release', 'service'), join(dir, 'bin', 'service')] },
    ];
  },
  start(dir: string): Command {
    return { cmd: join(dir, 'bin', 'service'), args: [] };
  },
};
