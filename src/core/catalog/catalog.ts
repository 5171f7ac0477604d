/**
 * The catalog: every runtime, infrastructure kind and link kind the designer knows, as data.
 * The palette, the inspector, the connection rules and the generators all read from here, and
 * the model's union types are derived from these tables.
 */

export type Category = 'services' | 'messaging' | 'data' | 'edge';
export type Role = 'service' | 'broker' | 'database' | 'gateway' | 'frontend';

export interface RuntimeEntry {
  readonly label: string;
  readonly language: string;
  readonly languageId: 'python' | 'go' | 'java' | 'typescript' | 'rust' | 'csharp' | 'ruby' | 'scala' | 'elixir';
  readonly framework: string;
  readonly color: string;
  /** Short mark drawn on the node: a language badge. */
  readonly mark: string;
  readonly defaultPort: number;
  /** Tier 1 runtimes get runnable stubs; tier 2 take part in designs and diagrams. */
  readonly tier: 1 | 2;
  /**
   * For a tier-2 runtime: one line, for the user, on why it has no runnable stub. The palette,
   * the inspector, the checker and the exported READMEs show it (see `diagramOnlyReason`).
   */
  readonly diagramOnlyReason?: string;
  /** Whether the runtime's stub can serve gRPC. */
  readonly grpc: boolean;
  /**
   * Whether the runtime's stub serves and calls streaming RPCs (client, server or both ways). The
   * checker names every streaming RPC on a runtime without it.
   */
  readonly grpcStreaming: boolean;
  /**
   * Whether the runtime's stub reads the typed contracts (docs/stub-contract.md, "Typed
   * contracts"): it compiles the real `.proto` files, serves `polyglot.ping.v1.PingService` and
   * every RPC, and its `/ping` exercises the methods of a link whose target is converted too.
   * Stubs of the other runtimes read the compatibility layer (model/contracts/legacy.ts).
   */
  readonly typedContracts: boolean;
  /**
   * A task worker (Celery) serves no HTTP API and no gRPC of its own: it consumes tasks from one of
   * these brokers, one task per topic it subscribes to, and answers only the contract's health and
   * `/ping` endpoints. Other services reach it through a queue link, never a REST or gRPC one.
   */
  readonly worker?: { readonly protocol: 'celery'; readonly brokers: readonly ('redis' | 'rabbitmq')[] };
  /**
   * Brokers and databases the runtime's stub cannot use (no client library it can build with):
   * the checker names every link to them, and the stub leaves them out. Absent: it uses all.
   */
  readonly unsupportedInfra?: readonly ('kafka' | 'rabbitmq' | 'redis' | 'nats' | 'postgres' | 'mongodb')[];
  readonly keywords: readonly string[];
}

export interface InfraEntry {
  readonly label: string;
  readonly product: string;
  /** A generic container sits with the services and plays their role; the rest is infrastructure. */
  readonly category: Category;
  readonly role: Role;
  readonly color: string;
  readonly mark: string;
  readonly defaultPort: number;
  /** Pinned container image used by the generated compose file and manifests (a node may override it). */
  readonly image: string;
  /** Whether the node keeps state (a named volume in compose, a StatefulSet in Kubernetes). */
  readonly stateful: boolean;
  /** For brokers: what a queue link names ("topic", "queue", "stream", "subject"). */
  readonly channelWord?: string;
  readonly keywords: readonly string[];
}

export const RUNTIMES = {
  'python-fastapi': {
    label: 'Python · FastAPI',
    language: 'Python',
    languageId: 'python',
    framework: 'FastAPI',
    color: '#3572A5',
    mark: 'Py',
    defaultPort: 8000,
    tier: 1,
    grpc: true,
    grpcStreaming: true,
    typedContracts: true,
    keywords: ['python', 'fastapi', 'uvicorn'],
  },
  'python-flask': {
    label: 'Python · Flask',
    language: 'Python',
    languageId: 'python',
    framework: 'Flask',
    color: '#2b5b84',
    mark: 'Py',
    defaultPort: 5000,
    tier: 1,
    grpc: true,
    grpcStreaming: true,
    typedContracts: true,
    keywords: ['python', 'flask'],
  },
  'go-nethttp': {
    label: 'Go · net/http',
    language: 'Go',
    languageId: 'go',
    framework: 'net/http',
    color: '#00ADD8',
    mark: 'Go',
    defaultPort: 8080,
    tier: 1,
    grpc: true,
    grpcStreaming: true,
    typedContracts: true,
    keywords: ['go', 'golang', 'net/http'],
  },
  'java-spring': {
    label: 'Java · Spring Boot',
    language: 'Java',
    languageId: 'java',
    framework: 'Spring Boot',
    color: '#b07219',
    mark: 'Jv',
    defaultPort: 8080,
    tier: 1,
    grpc: true,
    grpcStreaming: true,
    typedContracts: true,
    keywords: ['java', 'spring', 'spring boot', 'jvm'],
  },
  'node-express': {
    label: 'Node.js · TypeScript (Express)',
    language: 'TypeScript',
    languageId: 'typescript',
    framework: 'Express',
    color: '#3178c6',
    mark: 'TS',
    defaultPort: 3000,
    tier: 1,
    grpc: true,
    grpcStreaming: true,
    typedContracts: true,
    keywords: ['node', 'nodejs', 'typescript', 'javascript', 'express'],
  },
  'rust-axum': {
    label: 'Rust · axum',
    language: 'Rust',
    languageId: 'rust',
    framework: 'axum',
    color: '#dea584',
    mark: 'Rs',
    defaultPort: 8080,
    tier: 1,
    grpc: true,
    grpcStreaming: true,
    typedContracts: true,
    keywords: ['rust', 'axum', 'tokio', 'tonic'],
  },
  'python-django': {
    label: 'Python · Django REST',
    language: 'Python',
    languageId: 'python',
    framework: 'Django REST framework',
    color: '#0c4b33',
    mark: 'Py',
    defaultPort: 8000,
    tier: 1,
    grpc: true,
    grpcStreaming: true,
    typedContracts: true,
    keywords: ['python', 'django', 'drf'],
  },
  'python-celery': {
    label: 'Python · Celery worker',
    language: 'Python',
    languageId: 'python',
    framework: 'Celery',
    color: '#37814a',
    mark: 'Py',
    defaultPort: 8000,
    tier: 1,
    grpc: false,
    grpcStreaming: false,
    typedContracts: true,
    worker: { protocol: 'celery', brokers: ['redis', 'rabbitmq'] },
    keywords: ['python', 'celery', 'worker', 'task', 'queue', 'background jobs'],
  },
  'dotnet-aspnet': {
    label: '.NET · ASP.NET Core',
    language: 'C#',
    languageId: 'csharp',
    framework: 'ASP.NET Core',
    color: '#512bd4',
    mark: 'C#',
    defaultPort: 8080,
    tier: 2,
    diagramOnlyReason:
      "No stub yet: ASP.NET Core needs Microsoft's .NET SDK and NuGet packages, which this project's build and test machines cannot download, so no stub could be proven to run.",
    grpc: true,
    grpcStreaming: false,
    typedContracts: false,
    keywords: ['dotnet', '.net', 'csharp', 'c#', 'asp.net'],
  },
  'ruby-rails': {
    label: 'Ruby · Rails',
    language: 'Ruby',
    languageId: 'ruby',
    framework: 'Rails',
    color: '#cc342d',
    mark: 'Rb',
    defaultPort: 3000,
    tier: 2,
    diagramOnlyReason:
      "No stub yet: current Rails comes from RubyGems, which this project's build and test machines cannot reach (Debian has only Rails 6.1, no longer supported), so no stub could be proven to run.",
    grpc: false,
    grpcStreaming: false,
    typedContracts: false,
    keywords: ['ruby', 'rails'],
  },
  'ruby-sinatra': {
    label: 'Ruby · Sinatra',
    language: 'Ruby',
    languageId: 'ruby',
    framework: 'Sinatra',
    color: '#a8281f',
    mark: 'Rb',
    defaultPort: 4567,
    tier: 1,
    grpc: true,
    grpcStreaming: true,
    typedContracts: true,
    unsupportedInfra: ['kafka', 'mongodb'],
    keywords: ['ruby', 'sinatra'],
  },
  'scala-http4s': {
    label: 'Scala · http4s',
    language: 'Scala',
    languageId: 'scala',
    framework: 'http4s',
    color: '#c22d40',
    mark: 'Sc',
    defaultPort: 8080,
    tier: 1,
    grpc: true,
    grpcStreaming: true,
    typedContracts: true,
    keywords: ['scala', 'http4s', 'jvm', 'akka', 'pekko'],
  },
  'elixir-phoenix': {
    label: 'Elixir · Phoenix',
    language: 'Elixir',
    languageId: 'elixir',
    framework: 'Phoenix',
    color: '#6e4a7e',
    mark: 'Ex',
    defaultPort: 4000,
    tier: 2,
    diagramOnlyReason:
      "No stub yet: Phoenix's packages come from hex.pm, which this project's build and test machines cannot reach, so no stub could be proven to run.",
    grpc: true,
    grpcStreaming: false,
    typedContracts: false,
    keywords: ['elixir', 'phoenix', 'erlang', 'beam'],
  },
} as const satisfies Record<string, RuntimeEntry>;

export const INFRA = {
  kafka: {
    label: 'Kafka',
    product: 'Apache Kafka',
    category: 'messaging',
    role: 'broker',
    color: '#231f20',
    mark: 'Kf',
    defaultPort: 9092,
    image: 'apache/kafka:3.9.1',
    stateful: true,
    channelWord: 'topic',
    keywords: ['kafka', 'events', 'stream', 'topic'],
  },
  rabbitmq: {
    label: 'RabbitMQ',
    product: 'RabbitMQ',
    category: 'messaging',
    role: 'broker',
    color: '#ff6600',
    mark: 'Rq',
    defaultPort: 5672,
    image: 'rabbitmq:4.1-management-alpine',
    stateful: true,
    channelWord: 'queue',
    keywords: ['rabbitmq', 'amqp', 'queue'],
  },
  redis: {
    label: 'Redis',
    product: 'Redis',
    category: 'messaging',
    role: 'broker',
    color: '#dc382d',
    mark: 'Rd',
    defaultPort: 6379,
    image: 'redis:7.4-alpine',
    stateful: true,
    channelWord: 'stream',
    keywords: ['redis', 'cache', 'streams', 'pubsub'],
  },
  nats: {
    label: 'NATS',
    product: 'NATS',
    category: 'messaging',
    role: 'broker',
    color: '#27aae1',
    mark: 'Na',
    defaultPort: 4222,
    image: 'nats:2.11-alpine',
    stateful: false,
    channelWord: 'subject',
    keywords: ['nats', 'subject', 'messaging'],
  },
  postgres: {
    label: 'PostgreSQL',
    product: 'PostgreSQL',
    category: 'data',
    role: 'database',
    color: '#336791',
    mark: 'Pg',
    defaultPort: 5432,
    image: 'postgres:17.5-alpine',
    stateful: true,
    keywords: ['postgres', 'postgresql', 'sql', 'database'],
  },
  mongodb: {
    label: 'MongoDB',
    product: 'MongoDB',
    category: 'data',
    role: 'database',
    color: '#47a248',
    mark: 'Mg',
    defaultPort: 27017,
    image: 'mongo:8.0',
    stateful: true,
    keywords: ['mongo', 'mongodb', 'document', 'database', 'nosql'],
  },
  gateway: {
    label: 'API gateway (nginx)',
    product: 'nginx',
    category: 'edge',
    role: 'gateway',
    color: '#009639',
    mark: 'Gw',
    defaultPort: 8088,
    image: 'nginx:1.27-alpine',
    stateful: false,
    keywords: ['gateway', 'nginx', 'proxy', 'ingress', 'traefik', 'edge'],
  },
  frontend: {
    label: 'Web frontend',
    product: 'Web frontend',
    category: 'edge',
    role: 'frontend',
    color: '#e34c26',
    mark: 'Web',
    defaultPort: 8081,
    image: 'nginx:1.27-alpine',
    stateful: false,
    keywords: ['frontend', 'web', 'spa', 'browser', 'ui'],
  },
  container: {
    label: 'Container',
    product: 'Any container image',
    category: 'services',
    role: 'service',
    color: '#64748b',
    mark: 'Ct',
    defaultPort: 8080,
    // answers HTTP on every path, so a link to a fresh container has something to reach
    image: 'traefik/whoami:v1.10',
    stateful: false,
    keywords: ['container', 'docker', 'image', 'generic', 'other', 'compose'],
  },
} as const satisfies Record<string, InfraEntry>;

export type RuntimeId = keyof typeof RUNTIMES;
export type InfraId = keyof typeof INFRA;
export type NodeKind = RuntimeId | InfraId;

export const LINK_KINDS = {
  rest: { label: 'REST', description: 'HTTP/JSON request and response', sync: true },
  grpc: { label: 'gRPC', description: 'Protobuf RPC over HTTP/2', sync: true },
  queue: { label: 'Queue', description: 'Publish or subscribe through a broker', sync: false },
  database: { label: 'Database', description: 'Reads and writes a database', sync: true },
} as const satisfies Record<string, { label: string; description: string; sync: boolean }>;

export type LinkKind = keyof typeof LINK_KINDS;

export const RUNTIME_IDS = Object.keys(RUNTIMES) as RuntimeId[];
export const INFRA_IDS = Object.keys(INFRA) as InfraId[];
export const NODE_KINDS: readonly NodeKind[] = [...RUNTIME_IDS, ...INFRA_IDS];
export const LINK_KIND_IDS = Object.keys(LINK_KINDS) as LinkKind[];

/** The brokers and databases a runtime's stub cannot use (`unsupportedInfra`; none for most). */
export function unsupportedInfra(id: RuntimeId): readonly string[] {
  const entry: RuntimeEntry = RUNTIMES[id];
  return entry.unsupportedInfra ?? [];
}

/** Said of a tier-2 runtime whose entry gives no reason of its own. */
const NO_STUB_YET = 'No stub yet: this runtime takes part in designs and diagrams, and its code is yours to write.';

/**
 * Why a runtime is "diagram only" (tier 2), in one line for the user: the catalog's own reason,
 * else a general one; `null` for a runtime with a runnable stub.
 */
export function diagramOnlyReason(id: RuntimeId): string | null {
  const entry: RuntimeEntry = RUNTIMES[id];
  if (entry.tier === 1) return null;
  return entry.diagramOnlyReason ?? NO_STUB_YET;
}

export function isRuntime(kind: string): kind is RuntimeId {
  return Object.hasOwn(RUNTIMES, kind);
}

export function isInfra(kind: string): kind is InfraId {
  return Object.hasOwn(INFRA, kind);
}

/** Whether a node of this kind is a message broker (the middle of every queue link). */
export function isBroker(kind: string): boolean {
  return isInfra(kind) && INFRA[kind].role === 'broker';
}

export function isNodeKind(kind: unknown): kind is NodeKind {
  return typeof kind === 'string' && (isRuntime(kind) || isInfra(kind));
}

export function isLinkKind(kind: unknown): kind is LinkKind {
  return typeof kind === 'string' && Object.hasOwn(LINK_KINDS, kind);
}

/** Whether a node of this kind is a task worker (no HTTP API of its own; see RuntimeEntry.worker). */
export function isWorker(kind: string): boolean {
  if (!isRuntime(kind)) return false;
  const r: RuntimeEntry = RUNTIMES[kind];
  return r.worker !== undefined;
}

/** The role a node of this kind plays in a system. */
export function roleOf(kind: NodeKind): Role {
  return isRuntime(kind) ? 'service' : INFRA[kind].role;
}

/** Whether a node of this kind may serve an API (gRPC services, REST endpoints): services and gateways. */
export function servesApi(kind: NodeKind): boolean {
  if (isWorker(kind)) return false;
  const role = roleOf(kind);
  return role === 'service' || role === 'gateway';
}

export function categoryOf(kind: NodeKind): Category {
  return isRuntime(kind) ? 'services' : INFRA[kind].category;
}

/** Display facts every node kind has, whatever its table. */
export function describeKind(kind: NodeKind): {
  label: string;
  color: string;
  mark: string;
  defaultPort: number;
  category: Category;
  role: Role;
  keywords: readonly string[];
} {
  if (isRuntime(kind)) {
    const r: RuntimeEntry = RUNTIMES[kind];
    return { ...pick(r), category: 'services', role: 'service' };
  }
  const i: InfraEntry = INFRA[kind];
  return { ...pick(i), category: i.category, role: i.role };
}

function pick(e: RuntimeEntry | InfraEntry) {
  return { label: e.label, color: e.color, mark: e.mark, defaultPort: e.defaultPort, keywords: e.keywords };
}

export const CATEGORY_LABELS: Record<Category, string> = {
  services: 'Services',
  messaging: 'Messaging',
  data: 'Data',
  edge: 'Edge',
};

/**
 * @deprecated The four field types of design version 2 (`int` was int64, `float` double). Designs
 * name types with TypeRefs (model/typeRefs.ts); only the compatibility layer of the contracts
 * (model/contracts/legacy.ts) and the stubs not yet converted to typed contracts still use it.
 */
export type FieldType = 'string' | 'int' | 'float' | 'bool';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
