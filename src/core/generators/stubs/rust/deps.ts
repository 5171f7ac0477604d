import { stubFeatures, type StubFeatures } from '../features';
import { rustCargoLock } from '../locks/rust';
import type { ServiceWiring } from '../../../model/wiring';

/** The crates a stub may use, pinned exactly; only those a service needs go into its Cargo.toml. */
export const CRATES = {
  axum: '{ version = "=0.8.9", default-features = false, features = ["http1", "json", "query", "tokio"] }',
  tokio: '{ version = "=1.54.1", features = ["macros", "rt-multi-thread", "net", "time", "sync", "signal"] }',
  serde: '{ version = "=1.0.229", features = ["derive"] }',
  serde_json: '"=1.0.154"',
  'futures-util': '{ version = "=0.3.34", default-features = false, features = ["std"] }',
  reqwest: '{ version = "=0.13.5", default-features = false, features = ["json"] }',
  tonic: '{ version = "=0.14.9", default-features = false, features = ["router", "transport", "codegen"] }',
  'tonic-prost': '"=0.14.9"',
  'tonic-health': '"=0.14.9"',
  'tonic-reflection': '"=0.14.9"',
  prost: '"=0.14.6"',
  'prost-types': '"=0.14.6"',
  'prost-reflect': '{ version = "=0.16.5", default-features = false, features = ["serde"] }',
  rdkafka: '{ version = "=0.39.0", default-features = false, features = ["tokio"] }',
  lapin: '{ version = "=4.12.3", default-features = false, features = ["default-runtime"] }',
  redis: '{ version = "=1.8.1", default-features = false, features = ["tokio-comp", "streams"] }',
  'async-nats': '{ version = "=0.51.0", default-features = false, features = ["ring"] }',
  'tokio-postgres': '"=0.7.18"',
  mongodb: '{ version = "=3.9.1", default-features = false, features = ["compat-3-0-0", "rustls-tls"] }',
} as const;

export const BUILD_CRATES = {
  'tonic-prost-build': '"=0.14.9"',
  'protoc-bin-vendored': '"=3.3.0"',
} as const;

/** The Rust release of the Docker build image (the crates above need 1.89 or newer). */
export const RUST_IMAGE = 'rust:1.95-slim-bookworm';
export const RUST_RUNTIME_IMAGE = 'debian:bookworm-slim';

/** The plumbing features a service needs. */
export type RustFeatures = StubFeatures;

export const rustFeatures: (w: ServiceWiring) => RustFeatures = stubFeatures;

/**
 * The lock groups (../locks/rust.ts) of a stub: `base` always, then one per optional part.
 * Each group's crates are RUST_LOCK_GROUPS[group] on top of the base crates.
 */
export const RUST_LOCK_GROUPS = {
  base: [],
  rest: ['reqwest'],
  grpc: ['tonic', 'tonic-prost', 'prost', 'prost-types', 'prost-reflect'],
  'grpc-server': ['tonic', 'tonic-prost', 'prost', 'prost-types', 'prost-reflect', 'tonic-health', 'tonic-reflection'],
  kafka: ['rdkafka'],
  rabbitmq: ['lapin'],
  redis: ['redis'],
  nats: ['async-nats'],
  postgres: ['tokio-postgres'],
  mongodb: ['mongodb'],
} as const satisfies Record<string, readonly (keyof typeof CRATES)[]>;

export type RustLockGroup = keyof typeof RUST_LOCK_GROUPS;

/** The crates every stub uses. */
export const BASE_CRATES = ['axum', 'tokio', 'serde', 'serde_json', 'futures-util'] as const;

/** The lock groups of a stub with these features. */
export function rustLockGroups(f: RustFeatures, servesGrpc: boolean): RustLockGroup[] {
  const out: RustLockGroup[] = ['base'];
  if (f.rest) out.push('rest');
  if (f.grpc) out.push(servesGrpc ? 'grpc-server' : 'grpc');
  for (const k of ['kafka', 'rabbitmq', 'redis', 'nats', 'postgres', 'mongodb'] as const) if (f[k]) out.push(k);
  return out;
}

/** The crates of Cargo.toml for a set of lock groups (build crates with gRPC). */
export function cratesOf(groups: readonly RustLockGroup[]): {
  deps: (keyof typeof CRATES)[];
  build: (keyof typeof BUILD_CRATES)[];
} {
  const deps = new Set<keyof typeof CRATES>(BASE_CRATES);
  for (const g of groups) for (const c of RUST_LOCK_GROUPS[g]) deps.add(c);
  const grpc = groups.includes('grpc') || groups.includes('grpc-server');
  return {
    deps: (Object.keys(CRATES) as (keyof typeof CRATES)[]).filter((c) => deps.has(c)),
    build: grpc ? (Object.keys(BUILD_CRATES) as (keyof typeof BUILD_CRATES)[]) : [],
  };
}

/** Cargo.toml: package named after the service, binary `service`. */
export function cargoToml(dns: string, f: RustFeatures, servesGrpc: boolean): string {
  return cargoTomlOf(dns, cratesOf(rustLockGroups(f, servesGrpc)));
}

/** Cargo.lock of a stub: see ../locks/rust.ts. */
export function cargoLock(dns: string, f: RustFeatures, servesGrpc: boolean): string {
  const c = cratesOf(rustLockGroups(f, servesGrpc));
  return rustCargoLock(dns, '0.1.0', rustLockGroups(f, servesGrpc), [...c.deps, ...c.build]);
}

/** Cargo.toml of a package with these crates. */
export function cargoTomlOf(
  dns: string,
  c: { deps: (keyof typeof CRATES)[]; build: (keyof typeof BUILD_CRATES)[] },
): string {
  const deps = c.deps;
  const build = c.build.length
    ? `\n[build-dependencies]\n${c.build.map((k) => `${k} = ${BUILD_CRATES[k]}`).join('\n')}\n`
    : '';
  return `[package]
name = "${dns}"
version = "0.1.0"
edition = "2021"
rust-version = "1.89"
publish = false

[[bin]]
name = "service"
path = "src/main.rs"

[dependencies]
${deps.map((d) => `${d} = ${CRATES[d]}`).join('\n')}
${build}
[profile.release]
strip = true
`;
}
