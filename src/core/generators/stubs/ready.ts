import { dnsLabel } from '../../model/naming';
import type { DesignNode } from '../../model/types';
import type { ServiceWiring } from '../../model/wiring';

/**
 * What `GET /readyz` of a stub checks, and the health check its image and compose run. Every
 * runtime renders the same list in its own language, so readiness means the same everywhere.
 */

/** A broker or database the service uses: readiness waits until a TCP connection to it opens. */
export interface ReadyDependency {
  /** The address variable, e.g. `POSTGRES_URL`. */
  envVar: string;
  /** The broker's or database's node id and DNS name. */
  nodeId: string;
  name: string;
  kind: 'kafka' | 'rabbitmq' | 'redis' | 'nats' | 'postgres' | 'mongodb';
  /** The protocol's port, for an address that names none (`redis://cache/0`). */
  defaultPort: number;
}

const DEFAULT_PORTS: Record<ReadyDependency['kind'], number> = {
  kafka: 9092,
  rabbitmq: 5672,
  redis: 6379,
  nats: 4222,
  postgres: 5432,
  mongodb: 27017,
};

/**
 * The brokers and databases of a service, once each by address variable, in the order of its
 * links: what its readiness depends on. Other services are not in it: a caller that is ready
 * while a callee is not reports the failed call in `/ping`, and no cycle of services can keep
 * each other unready.
 */
export function readyDependencies(w: ServiceWiring): ReadyDependency[] {
  const out = new Map<string, ReadyDependency>();
  const add = (envVar: string, node: DesignNode, kind: ReadyDependency['kind']) => {
    if (!out.has(envVar))
      out.set(envVar, { envVar, nodeId: node.id, name: dnsLabel(node.name), kind, defaultPort: DEFAULT_PORTS[kind] });
  };
  for (const q of [...w.publishes, ...w.subscribes]) add(q.envVar, q.broker, q.brokerKind);
  for (const d of w.databases) add(d.envVar, d.database, d.databaseKind);
  return [...out.values()];
}

/** Milliseconds one dependency's TCP connection may take before it counts as not answering. */
export const READY_TIMEOUT_MS = 1000;

/** The health check timing compose and the Dockerfile share (compose's duration syntax). */
export const SERVICE_HEALTH_TIMING = { interval: '5s', timeout: '3s', retries: 20, start_period: '10s' } as const;

/**
 * The shell command of a stub's health check: `GET /readyz` with the wget or curl that every stub
 * image has (busybox wget on Alpine, curl on Debian). compose.yaml and the Dockerfile's
 * HEALTHCHECK run exactly this, so `docker run` and `docker compose up` agree on health.
 */
export function serviceHealthCommand(port: number): string {
  const url = `http://127.0.0.1:${port}/readyz`;
  return `wget -qO- ${url} >/dev/null 2>&1 || curl -fsS ${url} >/dev/null || exit 1`;
}

/**
 * The Dockerfile's HEALTHCHECK instruction: the same command and timing as compose.yaml's, in the
 * exec form hadolint asks for, through the image's /bin/sh as compose's `CMD-SHELL` runs it.
 */
export function dockerHealthcheck(port: number): string {
  const t = SERVICE_HEALTH_TIMING;
  const argv = JSON.stringify(['/bin/sh', '-c', serviceHealthCommand(port)]).replace(/","/g, '", "');
  return (
    `HEALTHCHECK --interval=${t.interval} --timeout=${t.timeout} --start-period=${t.start_period} ` +
    `--retries=${t.retries} \\\n    CMD ${argv}`
  );
}

/**
 * The pragma before an `apt-get install` or `apk add` of OS packages in a generated Dockerfile,
 * with the reason: hadolint asks for exact versions (DL3008, DL3018), but Debian's and Alpine's
 * repositories keep only the newest build of a package in a release, so an exact version breaks
 * the build at the next security update. The base image's tag fixes the release instead.
 */
export function unpinnedOsPackages(manager: 'apt' | 'apk'): string {
  const rule = manager === 'apt' ? 'DL3008' : 'DL3018';
  return (
    `# ${manager === 'apt' ? 'Debian' : 'Alpine'} keeps only the newest build of a package in a release: the base image's tag\n` +
    `# fixes the release, an exact package version would break the build at its next update.\n` +
    `# hadolint ignore=${rule}\n`
  );
}

/**
 * The paragraph of a stub's README about the standard services of its gRPC server (health and
 * reflection), with the port it listens on by default.
 */
export function grpcStandardServicesNote(grpcPort: number): string {
  return `The gRPC server also serves the standard health service, \`grpc.health.v1.Health\`: SERVING
while \`/readyz\` would answer 200, NOT_SERVING otherwise (the Kubernetes readiness probe asks
it), and server reflection, so \`grpcurl -plaintext localhost:${grpcPort} list\` shows its services.
`;
}
