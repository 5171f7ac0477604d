import type { HttpMethod, LinkKind, NodeKind } from '../catalog/catalog';
import type { TypeRef } from './typeRefs';

export type { TypeRef } from './typeRefs';

/** The format tag every saved design carries. */
export const DESIGN_FORMAT = 'polyglot-canvas/design';
/** The current version of the design document's shape. Bump it with a migration. */
export const DESIGN_VERSION = 3;

export interface XY {
  x: number;
  y: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface EnvVar {
  key: string;
  value: string;
  /**
   * The value is a secret (an API key, a token): the inspector shows it only on a click, and the
   * export keeps it out of its files' text: in `.env` (compose reads `${VARIABLE}`) and in a
   * Kubernetes Secret the container reads. Absent means an ordinary value.
   */
  secret?: true;
}

// ---------------------------------------------------------------------------------------------
// Types: the messages and enums of the design, shared by every contract (gRPC, REST, queues).
// ---------------------------------------------------------------------------------------------

/**
 * Numbers kept out of use, as `.proto` files declare them (`reserved 2, 9 to 11; reserved "foo";`).
 * Ranges are inclusive; `to max` is written with the largest number of the kind.
 */
export interface Reserved {
  ranges: [number, number][];
  names: string[];
}

/** The scalar types a map key may have (protobuf's rule: any integral or string type). */
export type MapKeyType =
  | 'string'
  | 'bool'
  | 'int32'
  | 'int64'
  | 'uint32'
  | 'uint64'
  | 'sint32'
  | 'sint64'
  | 'fixed32'
  | 'fixed64'
  | 'sfixed32'
  | 'sfixed64';

/**
 * A field of a message. Its number is its wire identity and is never changed by the app: an
 * imported field keeps its number, a new field takes the next free one.
 */
export interface MessageField {
  /** Wire number: 1 to 536,870,911, outside 19,000–19,999 and the message's reserved ranges. */
  number: number;
  /** As given (an imported name is kept); fields made in the app get lower_snake_case. */
  name: string;
  /** The field's type; for a map, the value type. */
  type: TypeRef;
  /** `repeated` (a list) or `optional` (explicit presence). Absent: a plain singular field. */
  label?: 'repeated' | 'optional';
  /** Present for a map field: `map<mapKey, type>`. A map field has no label. */
  mapKey?: MapKeyType;
  /** The oneof group the field belongs to (fields sharing the name form one group). */
  oneof?: string;
  /** The JSON name, when an import declared one that differs from protobuf's default. */
  jsonName?: string;
  description?: string;
  /** Marked deprecated in the source contract. */
  deprecated?: boolean;
}

interface TypeBase {
  /** Stable identity, never shown; references to the type use it, so renames follow. */
  id: string;
  /** The simple name (`Money`); unique among the types of one package and parent. */
  name: string;
  /**
   * The protobuf package the type belongs to. Absent means derived: the package of the service
   * node that owns it (`owner`), or else the design's shared package (`<project>.v1`). Imported
   * types keep the package they had.
   */
  package?: string;
  /** The service node whose contract the type was made for (its file and package). */
  owner?: string;
  /** The message this type is nested in (`Outer.Inner`), by id. */
  parent?: string;
  description?: string;
  /** The contract file the type came from (`shop/v1/cart.proto`), kept so exports keep layout. */
  file?: string;
}

export interface MessageType extends TypeBase {
  kind: 'message';
  fields: MessageField[];
  reserved?: Reserved;
}

export interface EnumValue {
  name: string;
  number: number;
  description?: string;
}

export interface EnumType extends TypeBase {
  kind: 'enum';
  /** The first value is the default (number 0 in proto3). */
  values: EnumValue[];
  reserved?: Reserved;
  /** `option allow_alias = true;`: several names may share a number. */
  allowAlias?: boolean;
}

export type DesignType = MessageType | EnumType;

// ---------------------------------------------------------------------------------------------
// A service's API: what it serves. Links say which of the target's methods they use.
// ---------------------------------------------------------------------------------------------

/** One RPC of a gRPC service. Request and response are message types (or well-known messages). */
export interface RpcMethod {
  id: string;
  /** PascalCase in designs made in the app; an imported name is kept. */
  name: string;
  request: TypeRef;
  response: TypeRef;
  clientStreaming?: boolean;
  serverStreaming?: boolean;
  description?: string;
  deprecated?: boolean;
}

/** A gRPC service a node serves. A node may serve several. */
export interface GrpcService {
  id: string;
  /** Absent means derived from the node's name: `<Name>Service`. */
  name?: string;
  /** Absent means derived from the project and node names: `<project>.<service>.v1`. */
  package?: string;
  rpcs: RpcMethod[];
  description?: string;
  /** The contract file the service came from, kept so exports keep layout. */
  file?: string;
}

/** What a request or response carries: one value of a type, or a list of them. */
export interface Payload {
  type: TypeRef;
  repeated?: boolean;
}

export interface HttpParam {
  name: string;
  in: 'path' | 'query' | 'header';
  /** A scalar or an enum. */
  type: TypeRef;
  repeated?: boolean;
  /** Path parameters are always required. */
  required: boolean;
  description?: string;
}

export interface HttpResponse {
  /** `200`, `201`, `204`, `404`, a range such as `4XX`, or `default`. */
  status: string;
  /**
   * The body. Absent on a 2XX means no body; absent on a 4XX or 5XX means the error shape,
   * RFC 9457 `application/problem+json`.
   */
  body?: Payload;
  description?: string;
}

/** One REST operation a node serves. */
export interface HttpEndpoint {
  id: string;
  method: HttpMethod;
  /** The path as written, its case kept; parameters as `{name}`. */
  path: string;
  /** Kept from an import; absent means derived from the method and path. */
  operationId?: string;
  summary?: string;
  params: HttpParam[];
  /** The request body, for methods that take one. */
  body?: Payload;
  responses: HttpResponse[];
  deprecated?: boolean;
}

/** The API a service node serves. */
export interface ServiceApi {
  grpc: GrpcService[];
  rest: HttpEndpoint[];
}

/** A topic, queue, stream or subject on a broker, and the message it carries. */
export interface Channel {
  /** The name on the broker, as written. */
  topic: string;
  message: TypeRef;
  description?: string;
}

// ---------------------------------------------------------------------------------------------
// Nodes and links
// ---------------------------------------------------------------------------------------------

export interface DesignNode {
  /** Stable identity, never shown to the user. */
  id: string;
  kind: NodeKind;
  /** The name the user edits; every generated identifier is derived from it. */
  name: string;
  position: XY;
  /** The HTTP (or main) port the node listens on, also published on the host. */
  port: number;
  /** The gRPC port of a service (used when it serves gRPC). */
  grpcPort: number;
  replicas: number;
  env: EnvVar[];
  description: string;
  /**
   * The container image the node runs, when it is not the catalog's: a generic container's image,
   * or the image an imported service or broker had. Absent means the catalog's image (a service
   * stub is built from its folder). Added in version 2.
   */
  image?: string;
  /**
   * The port published on the host, when it differs from `port`; 0 publishes none. Absent means
   * `port` itself is published. Added in version 2.
   */
  hostPort?: number;
  /** What a service serves (gRPC services, REST endpoints). Added in version 3. */
  api?: ServiceApi;
  /** A broker's topics, queues, streams or subjects and their messages. Added in version 3. */
  channels?: Channel[];
  /**
   * The prefix of the variables a caller reads this service's address from (`<PREFIX>_URL`,
   * `<PREFIX>_GRPC_ADDR`). Absent means derived from the name. Added in version 3.
   */
  envPrefix?: string;
  /**
   * The package of the service's own code (Go module path, Java package, npm package name).
   * Absent means derived from the project and node names. Added in version 3.
   */
  codePackage?: string;
  /**
   * The most CPU and memory the node may use, when the design caps them: compose's
   * `deploy.resources.limits` and the Kubernetes limits (requests stay at or below them). Absent
   * means no cap in compose and the export's defaults in Kubernetes. Added in version 3.
   */
  limits?: ResourceLimits;
  /**
   * A module in another language that runs inside the service's own process: a C library (ctypes
   * or cffi), a Cython or Rust (PyO3) extension under a Python service, or Python embedded in a
   * JVM service (GraalPy, Jython). Absent means none. Added in version 3 (optional).
   */
  native?: NativeModule;
  /**
   * What an imported compose file said about the node, kept so that export writes it back: the
   * service's entry as the file had it, and the design fields as they were imported. Absent for
   * nodes made in the app. Added in version 3 (optional).
   */
  origin?: NodeOrigin;
}

/** How an in-process module is built and called. */
export type NativeKind = 'ctypes' | 'cffi' | 'cython' | 'pyo3' | 'graalpy' | 'jython';

/** A module in another language inside a service's process (see `DesignNode.native`). */
export interface NativeModule {
  kind: NativeKind;
}

/**
 * A compose value as plain data (what YAML reads into: mappings, lists, strings, finite numbers,
 * booleans, null); restore checks that it is nothing else.
 */
export type ComposeValue = unknown;

/**
 * The compose entry a node came from. Every key is written back on export as it was; a key the
 * design models (`image`, `ports`, `environment`, `deploy.replicas`, `deploy.resources.limits`)
 * follows the design once the user changes that field, compared with `imported`.
 */
export interface NodeOrigin {
  /** The service's mapping as the file had it, `${VAR}` interpolations included. */
  compose: { [key: string]: ComposeValue };
  /** The node's design fields right after the import. */
  imported: {
    image?: string;
    port: number;
    hostPort?: number;
    replicas: number;
    env: EnvVar[];
    limits?: ResourceLimits;
    /** Ids of the links at the node: a link added later gets its variable and its `depends_on`. */
    links: string[];
  };
}

/** Resource caps of a node; each may be absent. */
export interface ResourceLimits {
  /** Cores, e.g. 0.5; at most three decimals. */
  cpu?: number;
  /** Whole MiB. */
  memoryMiB?: number;
}

/** The port a node publishes on the host, or null when it publishes none. */
export function publishedPort(node: DesignNode): number | null {
  const p = node.hostPort ?? node.port;
  return p === 0 ? null : p;
}

/**
 * A link between two nodes. A queue link points the way messages flow: service -> broker
 * publishes, broker -> service subscribes.
 */
export interface DesignLink {
  id: string;
  kind: LinkKind;
  source: string;
  target: string;
  /** Queue: the topic, queue, stream or subject (a channel of the broker). */
  topic: string;
  /**
   * REST and gRPC: the ids of the target's endpoints or RPCs this caller uses. Absent means all
   * of them. Added in version 3 (links of version 2 declared their own endpoints and RPCs).
   */
  uses?: string[];
}

/** How the design is presented step by step (see core/presentation). */
export interface Presentation {
  /** Ids of nodes and links in the order a presentation reveals them. */
  order: string[];
}

export interface Design {
  format: typeof DESIGN_FORMAT;
  version: typeof DESIGN_VERSION;
  /** The project name: the zip's name, the proto root package, the compose project. */
  name: string;
  nodes: DesignNode[];
  links: DesignLink[];
  /** The messages and enums of every contract of the design. Added in version 3. */
  types: DesignType[];
  viewport: Viewport;
  /** The presenter's own order of steps; without it, elements appear in the order they were added. */
  presentation?: Presentation;
  /**
   * The top-level keys of an imported compose file besides `services` and `name` (`volumes`,
   * `networks`, `secrets`, `configs`, `x-…`), written back on export as they were. Added in
   * version 3 (optional).
   */
  composeTop?: { [key: string]: ComposeValue };
  /** Named areas that group cards (a bounded context, a team …). Optional: absent means none. */
  boundaries?: Boundary[];
  /** Free-text sticky notes on the canvas. Optional: absent means none. */
  notes?: StickyNote[];
}

/** What a boundary stands for; a Kubernetes namespace one puts its cards into that namespace on export. */
export const BOUNDARY_KINDS = {
  context: 'Bounded context',
  team: 'Team',
  trust: 'Trust zone',
  namespace: 'Kubernetes namespace',
} as const satisfies Record<string, string>;
export type BoundaryKind = keyof typeof BOUNDARY_KINDS;

export function isBoundaryKind(v: unknown): v is BoundaryKind {
  return typeof v === 'string' && Object.hasOwn(BOUNDARY_KINDS, v);
}

/**
 * A named rectangle behind the cards that groups them. Its members are the cards it holds: they
 * move with it, and a card dragged into or out of it joins or leaves.
 */
export interface Boundary {
  id: string;
  name: string;
  kind: BoundaryKind;
  /** `#rrggbb`. */
  color: string;
  /** The top-left corner. */
  position: XY;
  width: number;
  height: number;
  /** Ids of the nodes it holds; a node is in at most one boundary. */
  members: string[];
}

/** A free-text note on the canvas, for teaching; it takes no part in export. */
export interface StickyNote {
  id: string;
  text: string;
  position: XY;
}

export function emptyDesign(name = 'my-system'): Design {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name,
    nodes: [],
    links: [],
    types: [],
    viewport: { x: 0, y: 0, zoom: 1 },
  };
}
