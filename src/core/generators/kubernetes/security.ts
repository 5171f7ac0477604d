import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import type { InfraId } from '../../catalog/catalog';
import type { DesignNode } from '../../model/types';

/**
 * How every container runs: as user and group 10001 (the restricted Pod Security Standard wants
 * a non-root id; kube-score one above 10000), with no privilege escalation, every capability
 * dropped, the runtime's default seccomp profile and a read-only root filesystem. What a process
 * writes goes to its data volume or to an `emptyDir`; volumes are group-owned by 10001 (fsGroup).
 *
 * Every image of the catalog runs as an arbitrary user: PostgreSQL's entrypoint fakes the passwd
 * entry initdb wants (nss_wrapper), Redis, NATS, MongoDB and nginx need only writable
 * directories, RabbitMQ keeps its Erlang cookie in its data directory (HOME points there), Kafka
 * gets its writable config folder filled by an init container. An image the user named is not
 * known: it keeps its own user and a writable root filesystem, the rest is hardened as well.
 */

/** The user and group every generated container runs as. */
export const RUN_AS = 10001;

/** Whether a node runs an image whose needs are known (the catalog's, or a stub built here). */
export function knownImage(node: DesignNode): boolean {
  return node.image === undefined;
}

/**
 * The pod's security context. A non-root process may bind a port below 1024 only when the
 * kernel lets it: the safe sysctl `ip_unprivileged_port_start` says so for this pod alone.
 */
export function podSecurity(node: DesignNode, ports: readonly number[]): IPodSecurityContext {
  const low = Math.min(...ports);
  const known = knownImage(node);
  return {
    ...(known ? { runAsNonRoot: true, runAsUser: RUN_AS, runAsGroup: RUN_AS, fsGroup: RUN_AS } : {}),
    seccompProfile: { type: 'RuntimeDefault' },
    ...(known && low < 1024 ? { sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: String(low) }] } : {}),
  };
}

/** The container's security context (see the module comment). */
export function containerSecurity(node: DesignNode): ISecurityContext {
  const known = knownImage(node);
  return {
    allowPrivilegeEscalation: false,
    privileged: false,
    ...(known ? { readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: RUN_AS, runAsGroup: RUN_AS } : {}),
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Folders an image writes to outside its data volume, by node kind; services write only /tmp. */
const SCRATCH: Partial<Record<InfraId, string[]>> = {
  kafka: ['/opt/kafka/logs'],
  rabbitmq: [],
  redis: [],
  nats: ['/data'],
  postgres: ['/var/run/postgresql'],
  mongodb: ['/data/configdb'],
  gateway: ['/var/cache/nginx', '/var/run'],
  frontend: ['/var/cache/nginx', '/var/run'],
  container: [],
};

export interface Scratch {
  mounts: IVolumeMount[];
  volumes: IVolume[];
}

/** The `emptyDir` volumes a container needs with a read-only root filesystem: /tmp and its own. */
export function scratch(node: DesignNode): Scratch {
  const own = knownImage(node) ? (SCRATCH[node.kind as InfraId] ?? []) : [];
  const paths = ['/tmp', ...own];
  const name = (p: string) => `scratch${p.replace(/[^a-z0-9]+/g, '-')}`.replace(/-$/, '');
  return {
    mounts: paths.map((p) => ({ name: name(p), mountPath: p })),
    volumes: paths.map((p) => ({ name: name(p), emptyDir: { sizeLimit: '256Mi' } })),
  };
}
