import { RUNTIMES } from '../../../catalog/catalog';
import {
  designContracts,
  legacyLinkEndpoints,
  serviceEndpoints,
  serviceRpcs,
  type ContractEndpoint,
  type ContractField,
  type ContractRpc,
  type EndpointContract,
  type GrpcContract,
  type RpcContract,
} from '../../../model/contracts';
import { LEGACY_IN_SERVICE_PING } from '../../proto/ping';
import { protoPackage } from '../../../model/naming';
import { pbModules, type PbModules } from './typed';
import { dnsLabel, pascalCase, protoServiceName, snakeCase } from '../../../model/naming';
import {
  serviceWiring,
  type DatabaseUse,
  type GrpcCall,
  type QueueUse,
  type RestCall,
  type ServiceWiring,
} from '../../../model/wiring';
import type { StubContext } from '../types';
import { celeryBroker, celeryQueue, celeryRoute, isCeleryWorker } from '../../../model/celery';

/**
 * Everything the stub generators of one service need, computed once from the stub context with
 * the naming and contract functions, so that no emitter touches raw user text.
 */

/** The framework flavour of a Python stub: the HTTP layer is all that differs. */
export type PyFramework = 'fastapi' | 'flask' | 'django' | 'celery';

/** A publish link and where its messages go: Celery queues of workers, the plain channel, or both. */
export interface PublishRoute {
  use: QueueUse;
  /** The Celery queues of the workers that consume the topic on this broker (a task each). */
  celeryQueues: string[];
  /** Whether the plain message of the contract is published too (other consumers, or none yet). */
  plain: boolean;
}

/** A task of a Celery worker: one per topic it consumes from its broker. */
export interface CeleryTask {
  use: QueueUse;
  /** The task's name: the topic. */
  name: string;
  /** The worker's own queue of the topic's tasks. */
  queue: string;
  /** The Python function of the task in app/tasks.py. */
  fn: string;
}

export interface RestTarget {
  call: RestCall;
  /** The target's DNS label (the `target` of a `/ping` call). */
  target: string;
  /** Module-level instance name, e.g. `inventory_rest`. */
  instance: string;
  /** Class name, e.g. `InventoryRestClient`. */
  className: string;
  /** The endpoints this link declares, normalised like the target serves them. */
  endpoints: ContractEndpoint[];
  /** The target's endpoints this link uses, typed. */
  used: readonly EndpointContract[];
  /** Whether the target's runtime reads the typed contracts too: then `/ping` exercises `used`. */
  typed: boolean;
}

export interface GrpcTarget {
  call: GrpcCall;
  target: string;
  instance: string;
  className: string;
  /** Proto file path relative to the proto root, e.g. `shop/inventory/v1/inventory.proto`. */
  protoPath: string;
  /** gRPC service name, e.g. `InventoryService`. */
  service: string;
  /** Fully qualified gRPC service name, e.g. `shop.inventory.v1.InventoryService`. */
  fullService: string;
  rpcs: ContractRpc[];
  /** The target's gRPC services (typed). */
  services: readonly GrpcContract[];
  /** The target's RPCs this link uses, typed. */
  used: readonly RpcContract[];
  /** Whether the target's runtime reads the typed contracts too: then `/ping` exercises `used`. */
  typed: boolean;
  /** The path of the target's in-service Ping of the compatibility layer: how an unconverted target is pinged. */
  legacyPing: string;
}

export interface StubPlan {
  ctx: StubContext;
  w: ServiceWiring;
  /** The service's DNS label: its default SERVICE_NAME. */
  dns: string;
  language: string;
  framework: string;
  endpoints: ContractEndpoint[];
  rpcs: ContractRpc[];
  /** The own proto path (relative to the proto root) and its gRPC service, when it serves gRPC. */
  own: { protoPath: string; service: string; fullService: string } | null;
  rest: RestTarget[];
  grpc: GrpcTarget[];
  publishes: QueueUse[];
  /** Where each publish goes, in the order of \`publishes\`. */
  routes: PublishRoute[];
  /** A Celery worker's tasks (from its one broker); empty for other runtimes. */
  tasks: CeleryTask[];
  /** A Celery worker's broker, when it has one. */
  celeryBroker: QueueUse | null;
  /** Subscriptions of plain messages, one per broker and topic (a Celery worker has none). */
  subscribes: QueueUse[];
  databases: DatabaseUse[];
  brokerKinds: Set<QueueUse['brokerKind']>;
  databaseKinds: Set<DatabaseUse['databaseKind']>;
  /** The node's own gRPC services and REST endpoints, typed. */
  services: readonly GrpcContract[];
  ownEndpoints: readonly EndpointContract[];
  /** Module aliases of the contract protos the stub compiles. */
  pb: PbModules;
  /**
   * The full name of the compatibility layer's service (`<project>.<node>.v1.<Node>Service`),
   * whose `Ping` unconverted callers call; null when the layer is off.
   */
  legacyService: string | null;
}

function protoPackageOf(content: string): string {
  return /^package\s+([a-z0-9_.]+);/m.exec(content)?.[1] ?? '';
}

function protoServiceOf(content: string): string {
  return /^service\s+([A-Za-z0-9_]+)\s*\{/m.exec(content)?.[1] ?? '';
}

/** Builds the plan of one service's stub. */
export function planStub(ctx: StubContext): StubPlan {
  const w = ctx.wiring;
  const runtime = RUNTIMES[w.runtime];
  const wiringOf = (id: string): ServiceWiring | undefined => serviceWiring(ctx.design, id);
  const used = new Set<string>();
  const unique = (base: string): string => {
    let n = base;
    for (let i = 2; used.has(n); i++) n = `${base}_${i}`;
    used.add(n);
    return n;
  };
  const contracts = designContracts(ctx.design);
  const typedRuntime = (id: string) => {
    const t = wiringOf(id);
    return t !== undefined && RUNTIMES[t.runtime].typedContracts;
  };
  const legacyName = (name: string) => `${protoPackage(ctx.design.name, name)}.${protoServiceName(name)}`;
  const rest = w.rest.map((call): RestTarget => {
    const tw = wiringOf(call.target.id);
    const endpoints = tw ? legacyLinkEndpoints(ctx.design, [call.link]) : [];
    const base = snakeCase(call.target.name, 'svc');
    return {
      call,
      target: dnsLabel(call.target.name),
      instance: unique(`${base}_rest`),
      className: `${pascalCase(call.target.name, 'Svc')}RestClient`,
      endpoints,
      used: contracts.usedEndpoints(call.link),
      typed: typedRuntime(call.target.id),
    };
  });
  const grpc: GrpcTarget[] = [];
  for (const tp of ctx.targetProtos) {
    const tw = wiringOf(tp.call.target.id);
    const service = protoServiceOf(tp.file.content) || protoServiceName(tp.call.target.name);
    grpc.push({
      call: tp.call,
      target: dnsLabel(tp.call.target.name),
      instance: unique(`${snakeCase(tp.call.target.name, 'svc')}_grpc`),
      className: `${pascalCase(tp.call.target.name, 'Svc')}GrpcClient`,
      protoPath: tp.file.path,
      service,
      fullService: `${protoPackageOf(tp.file.content)}.${service}`,
      rpcs: tw ? serviceRpcs(tw) : [],
      services: contracts.grpc(tp.call.target.id),
      used: contracts.usedRpcs(tp.call.link),
      typed: typedRuntime(tp.call.target.id),
      legacyPing: `/${legacyName(tp.call.target.name)}/Ping`,
    });
  }
  const own =
    w.servesGrpc && ctx.ownProto
      ? {
          protoPath: ctx.ownProto.path,
          service: protoServiceOf(ctx.ownProto.content) || protoServiceName(w.node.name),
          fullService: `${protoPackageOf(ctx.ownProto.content)}.${protoServiceOf(ctx.ownProto.content)}`,
        }
      : null;
  const seen = new Set<string>();
  const uniqueSubs = w.subscribes.filter((q) => {
    const key = `${q.broker.id} ${q.topic}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const worker = isCeleryWorker(w.node);
  const broker = worker ? celeryBroker(ctx.design, w.node) : undefined;
  const fns = new Set<string>();
  const tasks: CeleryTask[] = uniqueSubs
    .filter((q) => broker !== undefined && q.broker.id === broker.id)
    .map((q) => {
      let fn = snakeCase(q.topic, 'task');
      for (let i = 2; fns.has(fn); i++) fn = `${snakeCase(q.topic, 'task')}_${i}`;
      fns.add(fn);
      return { use: q, name: q.topic, queue: celeryQueue(q.topic, w.node), fn };
    });
  const subscribes = worker ? [] : uniqueSubs;
  const routes = w.publishes.map((use): PublishRoute => {
    const r = celeryRoute(ctx.design, use.broker.id, use.topic);
    return { use, celeryQueues: r.queues, plain: r.plain };
  });
  return {
    ctx,
    w,
    dns: dnsLabel(w.node.name),
    language: runtime.language,
    framework: runtime.framework,
    endpoints: serviceEndpoints(w),
    rpcs: own ? serviceRpcs(w) : [],
    own,
    rest,
    grpc,
    publishes: w.publishes,
    routes,
    tasks,
    celeryBroker: tasks[0]?.use ?? null,
    subscribes,
    databases: w.databases,
    // the clients of the plain channels: a Celery task goes through kombu instead
    brokerKinds: new Set([...routes.filter((r) => r.plain).map((r) => r.use), ...subscribes].map((q) => q.brokerKind)),
    databaseKinds: new Set(w.databases.map((d) => d.databaseKind)),
    services: own ? contracts.grpc(w.node.id) : [],
    ownEndpoints: contracts.endpoints(w.node.id),
    pb: pbModules(ctx.contractProtos),
    legacyService: LEGACY_IN_SERVICE_PING ? legacyName(w.node.name) : null,
  };
}

/** The sample payload of a message or response: field name to sample value. */
export function samplePayload(fields: readonly ContractField[], sample: (f: ContractField) => unknown): string {
  return `{${fields.map((f) => `${JSON.stringify(f.name)}: ${String(sample(f))}`).join(', ')}}`;
}

/** A string literal for Python, JavaScript or TypeScript source (double-quoted, escaped). */
export function lit(s: string): string {
  return JSON.stringify(s);
}
