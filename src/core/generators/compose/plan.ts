import { INFRA, RUNTIMES, isInfra, isRuntime, type InfraId } from '../../catalog/catalog';
import { dnsLabel, topicName } from '../../model/naming';
import { publishedPort, type Design, type DesignNode } from '../../model/types';
import {
  infraCredentials,
  infraDatabase,
  literalCredential,
  ownEnvValue,
  type CredentialRef,
} from '../../model/credentials';
import { serviceEnv, type Resolver, type ServiceWiring } from '../../model/wiring';

/**
 * Deployment facts that compose.yaml and the Kubernetes manifests share, so both targets start
 * the same system: names, images, the environment of each service, the ports every piece of
 * infrastructure listens on, the topics of each Kafka broker.
 *
 * Every node listens inside its container on its own `port`, because `infraUrl()` and
 * `serviceEnv()` address it as `<dns>:<port>` on the container network.
 */

/**
 * The label on every compose service naming the node kind it came from (`helper` for jobs the
 * export adds), so that importing an exported compose.yaml gives back the same kinds.
 */
export const KIND_LABEL = 'io.polyglot-canvas.kind';
export const HELPER_KIND = 'helper';

/** The project name used as compose project, image namespace and `part-of` label. */
export function projectName(design: Design): string {
  return dnsLabel(design.name, 'project');
}

/**
 * The image a service is built into locally and that Kubernetes runs: the node's own image name
 * when it has one (an imported compose file named it), else `<project>/<service>:dev`.
 */
export function imageName(design: Design, node: DesignNode): string {
  return node.image ?? `${projectName(design)}/${dnsLabel(node.name)}:dev`;
}

/** The image an infrastructure node runs: its own (a container's, an imported one), else the catalog's. */
export function infraImage(node: DesignNode): string {
  return node.image ?? INFRA[node.kind as InfraId].image;
}

/** A runtime without a runnable stub: present in the design, not started by default. */
export function isTodoRuntime(node: DesignNode): boolean {
  return isRuntime(node.kind) && RUNTIMES[node.kind].tier === 2;
}

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The environment of a service as deployments set it: `serviceEnv()` over the container network,
 * keeping only keys a shell, Docker and a ConfigMap all accept.
 */
export function deployEnv(w: ServiceWiring, ref?: CredentialRef, resolver?: Resolver): [string, string][] {
  return serviceEnv(w, resolver, ref).filter(([k]) => ENV_KEY.test(k));
}

/** A name derived from `base` that no node and no earlier helper uses. */
export function freeName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return name;
}

/** The DNS names of all nodes: the namespace helper containers and jobs must stay out of. */
export function nodeNames(design: Design): Set<string> {
  return new Set(design.nodes.map((n) => dnsLabel(n.name)));
}

export interface TopicPlan {
  topic: string;
  /** Enough partitions for every replica of the busiest consuming service to get a share. */
  partitions: number;
}

/** The topics used on a broker (published or consumed), sorted by name. */
export function brokerTopics(design: Design, broker: DesignNode): TopicPlan[] {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const topics = new Map<string, number>();
  for (const l of design.links) {
    if (l.kind !== 'queue' || (l.source !== broker.id && l.target !== broker.id)) continue;
    const t = topicName(l.topic);
    const consumer = l.source === broker.id ? byId.get(l.target) : undefined;
    const want = consumer ? Math.max(1, consumer.replicas) : 1;
    topics.set(t, Math.max(topics.get(t) ?? 1, want));
  }
  return [...topics.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([topic, partitions]) => ({ topic, partitions }));
}

/** The Kafka listeners of one broker; all but `internal` are fixed ports inside its container. */
export interface KafkaPorts {
  /** What services use (`<dns>:<port>`, the node's port). */
  internal: number;
  /** Advertised as `localhost:<node port>` for clients on the host; published there. */
  external: number;
  /** The KRaft controller listener, used only inside the container. */
  controller: number;
}

/** Picks the in-container external and controller ports so none clashes with the node's port. */
export function kafkaPorts(node: DesignNode): KafkaPorts {
  const others = [19092, 19093, 19094].filter((p) => p !== node.port);
  return { internal: node.port, external: others[0] ?? 19092, controller: others[1] ?? 19093 };
}

/** Where Kafka keeps its log: a subdirectory, so a volume's `lost+found` does not upset it. */
export const KAFKA_DATA = '/var/lib/kafka/data';

/**
 * The environment of a single-node KRaft broker of the apache/kafka image. The controller votes
 * through `localhost`, so the same values work in compose and in a StatefulSet, where the pod is
 * not reachable through its Service before it is ready.
 */
export function kafkaEnv(node: DesignNode, advertised = dnsLabel(node.name)): [string, string][] {
  const dns = dnsLabel(node.name);
  const p = kafkaPorts(node);
  return [
    ['CLUSTER_ID', clusterId(dns)],
    ['KAFKA_NODE_ID', '1'],
    ['KAFKA_PROCESS_ROLES', 'broker,controller'],
    ['KAFKA_LISTENERS', `INTERNAL://:${p.internal},EXTERNAL://:${p.external},CONTROLLER://:${p.controller}`],
    [
      'KAFKA_ADVERTISED_LISTENERS',
      `INTERNAL://${advertised}:${p.internal},EXTERNAL://localhost:${publishedPort(node) ?? node.port}`,
    ],
    ['KAFKA_LISTENER_SECURITY_PROTOCOL_MAP', 'INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT'],
    ['KAFKA_CONTROLLER_LISTENER_NAMES', 'CONTROLLER'],
    ['KAFKA_INTER_BROKER_LISTENER_NAME', 'INTERNAL'],
    ['KAFKA_CONTROLLER_QUORUM_VOTERS', `1@localhost:${p.controller}`],
    ['KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR', '1'],
    ['KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR', '1'],
    ['KAFKA_TRANSACTION_STATE_LOG_MIN_ISR', '1'],
    ['KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS', '0'],
    ['KAFKA_AUTO_CREATE_TOPICS_ENABLE', 'true'],
    ['KAFKA_LOG_DIRS', `${KAFKA_DATA}/logs`],
  ];
}

/**
 * A KRaft cluster id (16 bytes, base64url without padding) derived from the broker's name, so
 * output stays deterministic and two brokers of one design never share an id. Like Kafka's own
 * `Uuid.randomUuid()`, it never begins with `-`: the image passes it to
 * `kafka-storage format -t $CLUSTER_ID`, whose argument parser would take it for an option.
 */
export function clusterId(seed: string): string {
  const bytes: number[] = [];
  let h = 0x811c9dc5;
  for (let round = 0; round < 4; round++) {
    for (const ch of `${round}:${seed}`) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    bytes.push(h >>> 24, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff);
  }
  // The first character is the top six bits of the first byte; 62 is '-'.
  const first = bytes[0]!;
  if (first >>> 2 === 62) bytes[0] = first ^ 0x80;
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += abc[(n >>> 18) & 63]! + abc[(n >>> 12) & 63]! + abc[(n >>> 6) & 63]! + abc[n & 63]!;
  }
  return out.slice(0, 22);
}

/**
 * The shell script of the one-shot topic creator. It waits for the broker (Kubernetes starts the
 * job without ordering), then creates every topic. Topic names come from `topicName()` and hold
 * only `[a-z0-9._-]`; they are single-quoted all the same. No `$` appears, so compose does not
 * interpolate anything in it.
 */
export function kafkaTopicScript(node: DesignNode, topics: readonly TopicPlan[]): string {
  const bootstrap = `${dnsLabel(node.name)}:${node.port}`;
  const bin = '/opt/kafka/bin/kafka-topics.sh';
  const lines = [
    'set -e',
    `until ${bin} --bootstrap-server ${bootstrap} --list >/dev/null 2>&1; do echo waiting for ${bootstrap}; sleep 3; done`,
    ...topics.map(
      (t) =>
        `${bin} --bootstrap-server ${bootstrap} --create --if-not-exists --topic '${t.topic}' --partitions ${t.partitions} --replication-factor 1`,
    ),
  ];
  return lines.join('\n') + '\n';
}

/** The port name a Kubernetes Service gives an infrastructure node's main port. */
export const INFRA_PORT_NAME: Record<InfraId, string> = {
  kafka: 'kafka',
  rabbitmq: 'amqp',
  redis: 'redis',
  nats: 'nats',
  postgres: 'postgres',
  mongodb: 'mongodb',
  gateway: 'http',
  frontend: 'http',
  container: 'http',
};

/** The NATS monitoring port (health endpoint) inside the container, clear of the client port. */
export function natsMonitorPort(node: DesignNode): number {
  return node.port === 8222 ? 8223 : 8222;
}

/**
 * How an infrastructure node is started: extra arguments to its image's entrypoint (so it listens
 * on the node's port) and its environment. Credentials are those of `infraUrl()` in wiring.ts,
 * written by `ref`. `host` is the name a broker tells its clients to reach it by (Kafka's
 * advertised listener): its DNS name, unless clients in other namespaces need a longer one.
 */
export function infraRuntime(
  node: DesignNode,
  ref: CredentialRef = literalCredential,
  host?: string,
): { args: string[] | null; env: [string, string][] } {
  const p = String(node.port);
  const [user = '', password = ''] = infraCredentials(node).map(ref);
  switch (node.kind as InfraId) {
    case 'kafka':
      return { args: null, env: kafkaEnv(node, host) };
    case 'rabbitmq':
      return {
        args: null,
        env: [
          ['RABBITMQ_NODE_PORT', p],
          ['RABBITMQ_DEFAULT_USER', user],
          ['RABBITMQ_DEFAULT_PASS', password],
        ],
      };
    case 'redis':
      return { args: ['redis-server', '--port', p, '--appendonly', 'yes'], env: [] };
    case 'nats':
      return { args: ['nats-server', '-p', p, '-m', String(natsMonitorPort(node)), '-js', '-sd', '/data'], env: [] };
    case 'postgres':
      return {
        args: null,
        env: [
          ['POSTGRES_USER', user],
          ['POSTGRES_PASSWORD', password],
          ['POSTGRES_DB', infraDatabase(node)],
          ['PGPORT', p],
          // a subdirectory, so a volume's lost+found does not stop initdb
          ['PGDATA', '/var/lib/postgresql/data/pgdata'],
        ],
      };
    case 'mongodb':
      return {
        args: ['mongod', '--port', p],
        env: user
          ? [
              ['MONGO_INITDB_ROOT_USERNAME', user],
              ['MONGO_INITDB_ROOT_PASSWORD', password],
              ['MONGO_INITDB_DATABASE', infraDatabase(node)],
            ]
          : [],
      };
    case 'container':
      // the default image (whoami) takes its port as a flag; an image of one's own is left as it is
      return { args: node.image ? null : ['--port', p], env: node.env.map((e) => [e.key, ownEnvValue(node, e, ref)]) };
    default:
      return { args: null, env: [] };
  }
}

/** Where a stateful infrastructure node keeps its data inside the container. */
export function dataPath(node: DesignNode): string | null {
  if (!isInfra(node.kind) || !INFRA[node.kind].stateful) return null;
  switch (node.kind) {
    case 'kafka':
      return KAFKA_DATA;
    case 'rabbitmq':
      return '/var/lib/rabbitmq';
    case 'redis':
      return '/data';
    case 'postgres':
      return '/var/lib/postgresql/data';
    case 'mongodb':
      return '/data/db';
    default:
      return null;
  }
}

/**
 * The exec-form readiness check of an infrastructure node, run inside its own image (compose
 * healthcheck, Kubernetes exec probe). Null for kinds probed over HTTP or TCP instead.
 */
export function infraCheck(node: DesignNode): string[] | null {
  const p = String(node.port);
  switch (node.kind as InfraId) {
    case 'kafka':
      return ['/opt/kafka/bin/kafka-broker-api-versions.sh', '--bootstrap-server', `localhost:${p}`];
    case 'rabbitmq':
      // ping answers before the AMQP listener is up; clients connect right after "healthy"
      return ['rabbitmq-diagnostics', '-q', 'check_port_connectivity'];
    case 'redis':
      return ['redis-cli', '-p', p, 'ping'];
    case 'nats':
      return ['wget', '-qO-', `http://127.0.0.1:${natsMonitorPort(node)}/healthz`];
    case 'postgres':
      // over TCP: during initdb the temporary server listens on the socket only; the user and
      // database come from the container's own environment, so no file names the user
      return ['sh', '-c', `exec pg_isready -h 127.0.0.1 -p ${p} -U "$POSTGRES_USER" -d "$POSTGRES_DB"`];
    case 'mongodb':
      return ['mongosh', '--quiet', '--port', p, '--eval', "db.adminCommand('ping')"];
    case 'container':
      // nothing is known about what runs inside: no check (dependants wait for its start)
      return null;
    default:
      return ['wget', '-qO-', `http://127.0.0.1:${p}/healthz`];
  }
}
