import type { FieldType, HttpMethod, LinkKind, NodeKind } from '../catalog/catalog';

/** The format tag every saved design carries. */
export const DESIGN_FORMAT = 'polyglot-canvas/design';
/** The current version of the design document's shape. Bump it with a migration. */
export const DESIGN_VERSION = 2;

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
}

/** A typed field of a request, response or message. */
export interface Field {
  name: string;
  type: FieldType;
}

export interface Endpoint {
  method: HttpMethod;
  path: string;
  /** Request body fields (for methods with a body) and response fields. */
  request: Field[];
  response: Field[];
}

export interface Rpc {
  name: string;
  request: Field[];
  response: Field[];
}

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
  /**
   * The most CPU and memory the node may use, when the design caps them: compose's
   * `deploy.resources.limits` and the Kubernetes limits (requests stay at or below them). Absent
   * means no cap in compose and the export's defaults in Kubernetes. Added after version 2.
   */
  limits?: ResourceLimits;
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
  /** REST: the endpoints the target serves for this caller. */
  endpoints: Endpoint[];
  /** gRPC: the methods the target serves for this caller. */
  rpcs: Rpc[];
  /** Queue: the topic, queue, stream or subject. */
  topic: string;
  /** Queue: the message's fields. */
  message: Field[];
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
  viewport: Viewport;
  /** The presenter's own order of steps; without it, elements appear in the order they were added. */
  presentation?: Presentation;
}

export function emptyDesign(name = 'my-system'): Design {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name,
    nodes: [],
    links: [],
    viewport: { x: 0, y: 0, zoom: 1 },
  };
}
