import { stubFeatures, type StubFeatures } from '../features';
import type { ServiceWiring } from '../../../model/wiring';

/**
 * The Go modules a stub may need, pinned. Only the modules a service really imports go into
 * its go.mod; `go mod tidy` at build time adds their own (minimum-version-selected) requirements
 * and writes go.sum, so the build is reproducible without a checked-in go.sum.
 */
export const GO_MODULES = {
  grpc: ['google.golang.org/grpc', 'v1.85.0'],
  protobuf: ['google.golang.org/protobuf', 'v1.36.12'],
  kafka: ['github.com/twmb/franz-go', 'v1.22.3'],
  rabbitmq: ['github.com/rabbitmq/amqp091-go', 'v1.16.0'],
  redis: ['github.com/redis/go-redis/v9', 'v9.23.0'],
  nats: ['github.com/nats-io/nats.go', 'v1.55.0'],
  postgres: ['github.com/jackc/pgx/v5', 'v5.12.0'],
  mongodb: ['go.mongodb.org/mongo-driver/v2', 'v2.10.0'],
} as const satisfies Record<string, readonly [string, string]>;

/** The protoc plugins, installed with `go install` at the versions matching the libraries. */
export const PROTOC_GEN_GO = 'google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12';
export const PROTOC_GEN_GO_GRPC = 'google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.6.2';

/** The Go release the stubs are written for: go.mod's `go` line and the Docker build image. */
export const GO_VERSION = '1.26';
export const GO_IMAGE = `golang:${GO_VERSION}-alpine`;
export const GO_RUNTIME_IMAGE = 'alpine:3.22';

export type GoModule = keyof typeof GO_MODULES;

/** The plumbing features a service needs. */
export type GoFeatures = StubFeatures;

export const goFeatures: (w: ServiceWiring) => GoFeatures = stubFeatures;

/** go.mod: the module path is `<dns>.local/service` (see goModulePath). */
export function goMod(module: string, f: GoFeatures): string {
  const mods: GoModule[] = [];
  if (f.grpc) mods.push('grpc', 'protobuf');
  for (const k of ['kafka', 'rabbitmq', 'redis', 'nats', 'postgres', 'mongodb'] as const) if (f[k]) mods.push(k);
  const req = mods.map((m) => `\t${GO_MODULES[m][0]} ${GO_MODULES[m][1]}`).join('\n');
  return `module ${module}\n\ngo ${GO_VERSION}\n${req ? `\nrequire (\n${req}\n)\n` : ''}`;
}
