import { stubFeatures, type StubFeatures } from '../features';
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

/** Cargo.toml: package named after the service, binary `service`. */
export function cargoToml(dns: string, f: RustFeatures, servesGrpc: boolean): string {
  const deps: (keyof typeof CRATES)[] = ['axum', 'tokio', 'serde', 'serde_json', 'futures-util'];
  if (f.rest) deps.push('reqwest');
  if (f.grpc) deps.push('tonic', 'tonic-prost', 'prost');
  if (servesGrpc) deps.push('tonic-health', 'tonic-reflection');
  if (f.kafka) deps.push('rdkafka');
  if (f.rabbitmq) deps.push('lapin');
  if (f.redis) deps.push('redis');
  if (f.nats) deps.push('async-nats');
  if (f.postgres) deps.push('tokio-postgres');
  if (f.mongodb) deps.push('mongodb');
  const build = f.grpc
    ? `\n[build-dependencies]\n${Object.entries(BUILD_CRATES)
        .map(([k, v]) => `${k} = ${v}`)
        .join('\n')}\n`
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
