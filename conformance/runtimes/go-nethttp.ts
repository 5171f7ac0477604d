import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOC_GEN_GO, PROTOC_GEN_GO_GRPC } from '../../src/core/generators/stubs/go/deps';
import { PROTOC_ARGS_FILE } from '../../src/core/generators/stubs/go/project';
import type { Command, RuntimeRecipe } from './types';

/**
 * Go builds with the steps of the service's Dockerfile: protoc (Debian's protobuf-compiler, with
 * libprotobuf-dev for the well-known types' .proto files)
 * with the Go plugins installed into the cache, `go mod download` (the modules of the exported
 * go.mod, checked against its go.sum; needs the Go module proxy), `go build -mod=readonly`. Module downloads, the build cache and the plugins live in the
 * cache folder, so the second service and later runs reuse them.
 */
function goEnv(cache: string): Record<string, string> {
  const bin = join(cache, 'go', 'bin');
  return {
    GOBIN: bin,
    GOMODCACHE: join(cache, 'go', 'mod'),
    GOCACHE: join(cache, 'go', 'build'),
    GOFLAGS: '-modcacherw',
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: '0',
    PATH: `${bin}:${process.env.PATH ?? ''}`,
  };
}

export const recipe: RuntimeRecipe = {
  runtime: 'go-nethttp',
  tools: ['go', 'protoc'],
  build(dir: string, cache: string): Command[] {
    const env = goEnv(cache);
    const steps: Command[] = [];
    if (existsSync(join(dir, PROTOC_ARGS_FILE))) {
      steps.push(
        { cmd: 'go', args: ['install', PROTOC_GEN_GO], env },
        { cmd: 'go', args: ['install', PROTOC_GEN_GO_GRPC], env },
        { cmd: 'protoc', args: [`@${PROTOC_ARGS_FILE}`], env },
      );
    }
    steps.push(
      { cmd: 'go', args: ['mod', 'download'], env },
      { cmd: 'go', args: ['build', '-mod=readonly', '-trimpath', '-o', 'bin/service', '.'], env },
    );
    return steps;
  },
  start(dir: string): Command {
    return { cmd: join(dir, 'bin', 'service'), args: [] };
  },
};
