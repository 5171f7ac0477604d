import type { RuntimeId } from '../../catalog/catalog';

/**
 * Whether a runtime's stub serves the standard gRPC health service (`grpc.health.v1.Health`) on
 * its gRPC port, reporting SERVING only while `/readyz` would answer 200. Only then does the
 * Kubernetes readiness probe of a gRPC server use a `grpc` probe; until then it calls `/readyz`
 * over HTTP. No stub serves it yet: this is the one place to turn it on per runtime.
 */
export function servesGrpcHealth(runtime: RuntimeId): boolean {
  void runtime;
  return false;
}
