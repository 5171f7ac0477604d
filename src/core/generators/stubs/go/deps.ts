import { stubFeatures, type StubFeatures } from '../features';
import { goLock } from '../locks/go';
import type { ServiceWiring } from '../../../model/wiring';

/**
 * The Go modules a stub may need, pinned. Only the modules of a service's features go into its
 * go.mod, with every module they need (`// indirect`) and go.sum from the stored lock data
 * (../locks/go.ts), so the build downloads exactly those versions and checks their hashes.
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

/**
 * The packages a stub imports per feature (the generated gRPC code included): the lock data is
 * `go mod tidy` of a module importing them (`npm run locks:update`).
 */
export const GO_FEATURE_IMPORTS = {
  grpc: [
    'google.golang.org/grpc',
    'google.golang.org/grpc/codes',
    'google.golang.org/grpc/status',
    'google.golang.org/grpc/credentials/insecure',
    'google.golang.org/grpc/health',
    'google.golang.org/grpc/health/grpc_health_v1',
    'google.golang.org/grpc/metadata',
    'google.golang.org/grpc/reflection',
    'google.golang.org/protobuf/encoding/protojson',
    'google.golang.org/protobuf/proto',
    'google.golang.org/protobuf/reflect/protoreflect',
    'google.golang.org/protobuf/runtime/protoimpl',
    'google.golang.org/protobuf/types/known/anypb',
    'google.golang.org/protobuf/types/known/durationpb',
    'google.golang.org/protobuf/types/known/emptypb',
    'google.golang.org/protobuf/types/known/fieldmaskpb',
    'google.golang.org/protobuf/types/known/structpb',
    'google.golang.org/protobuf/types/known/timestamppb',
    'google.golang.org/protobuf/types/known/wrapperspb',
  ],
  kafka: ['github.com/twmb/franz-go/pkg/kgo'],
  rabbitmq: ['github.com/rabbitmq/amqp091-go'],
  redis: ['github.com/redis/go-redis/v9'],
  nats: ['github.com/nats-io/nats.go'],
  postgres: ['github.com/jackc/pgx/v5'],
  mongodb: [
    'go.mongodb.org/mongo-driver/v2/mongo',
    'go.mongodb.org/mongo-driver/v2/mongo/options',
    'go.mongodb.org/mongo-driver/v2/mongo/readpref',
  ],
} as const satisfies Record<string, readonly string[]>;

export type GoLockFeature = keyof typeof GO_FEATURE_IMPORTS;

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

/** The lock features (GO_FEATURE_IMPORTS) of a stub's plumbing features. */
function lockFeatures(f: GoFeatures): GoLockFeature[] {
  const out: GoLockFeature[] = [];
  if (f.grpc) out.push('grpc');
  for (const k of ['kafka', 'rabbitmq', 'redis', 'nats', 'postgres', 'mongodb'] as const) if (f[k]) out.push(k);
  return out;
}

/**
 * go.mod: the module path is `<dns>.local/service` (see goModulePath). The pinned modules of its
 * features are required directly, every module they need `// indirect`, at the versions of the
 * stored lock, so `go build -mod=readonly` needs no change to go.mod.
 */
export function goMod(module: string, f: GoFeatures): string {
  const features = lockFeatures(f);
  const pinned = (k: GoLockFeature): readonly (readonly [string, string])[] =>
    k === 'grpc' ? [GO_MODULES.grpc, GO_MODULES.protobuf] : [GO_MODULES[k]];
  const direct = new Set(features.flatMap(pinned).map(([m]) => m));
  const { go, require } = goLock(features, GO_VERSION);
  // as go writes it: one requirement on one line, several in a block
  const block = (list: readonly (readonly [string, string])[], comment: string) =>
    list.length === 1
      ? `\nrequire ${list[0]?.[0]} ${list[0]?.[1]}${comment}\n`
      : list.length
        ? `\nrequire (\n${list.map(([m, v]) => `\t${m} ${v}${comment}\n`).join('')})\n`
        : '';
  return `module ${module}\n\ngo ${go}\n${block(
    require.filter(([m]) => direct.has(m)),
    '',
  )}${block(
    require.filter(([m]) => !direct.has(m)),
    ' // indirect',
  )}`;
}

/** go.sum: the hashes of every module (and go.mod) the build of go.mod reads, from the stored lock. */
export function goSum(f: GoFeatures): string {
  return goLock(lockFeatures(f), GO_VERSION).sum;
}
