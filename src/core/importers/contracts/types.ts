import type { RuntimeId } from '../../catalog/catalog';
import type { Channel, Design, DesignType, GrpcService, HttpEndpoint } from '../../model/types';

/** The broker kinds a contract's server protocol maps to. */
export type BrokerKind = 'kafka' | 'rabbitmq' | 'redis' | 'nats';

/** The API one service node serves, as read from contract files. */
export interface ImportedService {
  /** The service's key within the import (type owners and links name it). */
  key: string;
  /** The name a new node gets (a free variant of it when the design already has the name). */
  name: string;
  grpc: GrpcService[];
  rest: HttpEndpoint[];
  description?: string;
  /** The contract file it came from. */
  source: string;
}

/** A broker and the channels the contracts declare on it. */
export interface ImportedBroker {
  key: string;
  name: string;
  kind: BrokerKind;
  channels: Channel[];
  source: string;
}

/** A queue link: a service publishes to a broker's channel, or subscribes to it. */
export interface ImportedQueueLink {
  /** The service's key. */
  service: string;
  /** The broker's key. */
  broker: string;
  direction: 'publish' | 'subscribe';
  topic: string;
}

/**
 * What contract files describe, before it meets a design: types (their ids local to the import,
 * `owner` naming a service key), services, brokers and queue links, plus everything that could not
 * be mapped. Plain data: it crosses a worker boundary as it is.
 */
export interface ImportedContracts {
  types: DesignType[];
  services: ImportedService[];
  brokers: ImportedBroker[];
  links: ImportedQueueLink[];
  warnings: string[];
  /** The project name the contracts suggest (a package's first segment, a document's title). */
  project?: string;
}

/** What one importer gives: the contracts, or why the files cannot be imported. */
export type ImporterResult =
  { ok: true; imported: ImportedContracts } | { ok: false; error: string; warnings: string[] };

/** Choices of the person importing. */
export interface ContractImportOptions {
  /** The runtime of every new service node; default `go-nethttp`. */
  runtime?: RuntimeId;
  /** Put every imported API on this existing service node (by id) instead of new nodes. */
  attachTo?: string;
  /** The broker kind when an AsyncAPI document names no server with a known protocol; default kafka. */
  brokerKind?: BrokerKind;
  /** The name of a new design; default: what the contracts suggest. */
  project?: string;
}

/** How many things an import added or updated, for the notice a person reads. */
export interface ImportSummary {
  typesAdded: number;
  typesUpdated: number;
  nodesAdded: number;
  servicesAdded: number;
  servicesUpdated: number;
  endpointsAdded: number;
  endpointsUpdated: number;
  channelsAdded: number;
  linksAdded: number;
}

/** The result of applying an import to a design. */
export type ApplyResult =
  | { ok: true; design: Design; warnings: string[]; summary: ImportSummary }
  | { ok: false; error: string; warnings: string[] };
