import type { RuntimeId } from '../../catalog/catalog';

/**
 * The runtimes whose stub serves the standard gRPC health service (`grpc.health.v1.Health`) and
 * server reflection on its gRPC port, reporting SERVING only while `/readyz` would answer 200.
 */
const GRPC_HEALTH: ReadonlySet<RuntimeId> = new Set<RuntimeId>([
  'python-fastapi',
  'python-flask',
  'python-django',
  'node-express',
  'go-nethttp',
  'java-spring',
  'rust-axum',
  'scala-http4s',
  'ruby-sinatra',
]);

/**
 * Whether a runtime's stub serves `grpc.health.v1.Health`. Only then does the Kubernetes
 * readiness probe of a gRPC server use a `grpc` probe; otherwise it calls `/readyz` over HTTP.
 * This is the one place to turn it on per runtime.
 */
export function servesGrpcHealth(runtime: RuntimeId): boolean {
  return GRPC_HEALTH.has(runtime);
}
