import { RUNTIMES, isRuntime } from '../../catalog/catalog';
import { topicName } from '../naming';
import type { TypeRef } from '../typeRefs';
import type { Design, DesignLink, DesignNode } from '../types';
import { sampleOfType, type JsonValue, type SampleContext } from './sample';
import {
  channelContracts,
  endpointContracts,
  grpcContracts,
  type ChannelContract,
  type EndpointContract,
  type GrpcContract,
  type RpcContract,
} from './services';
import { buildUniverse, universeSteps, type TypeUniverse } from './universe';
import type { Steps } from '../../steps';
import { usedBy } from '../wiring';

/** Everything a generator needs to know about the contracts of one design. */
export interface DesignContracts {
  readonly design: Design;
  /** Every message and enum, resolved. */
  readonly universe: TypeUniverse;
  /** The universe worked out in steps the first time (see `universeSteps`); at once after that. */
  universeSteps(): Steps<TypeUniverse>;
  /**
   * The gRPC services a node serves, in declaration order. A gRPC-capable service that others call
   * over gRPC but that declares none serves its derived service, with no RPCs.
   */
  grpc(nodeId: string): readonly GrpcContract[];
  /** Every RPC a node serves, over all its gRPC services. */
  rpcs(nodeId: string): readonly RpcContract[];
  /** The REST endpoints a node serves, except the contract's own `/healthz` and `/ping`. */
  endpoints(nodeId: string): readonly EndpointContract[];
  /** A broker's channels. */
  channels(brokerId: string): readonly ChannelContract[];
  /** The channel of a broker that a queue link's topic names (compared as on the wire). */
  channel(brokerId: string, topic: string): ChannelContract | undefined;
  /** The target's RPCs a gRPC link uses: those in `uses`, or all of them when it has none. */
  usedRpcs(link: DesignLink): readonly RpcContract[];
  /** The target's endpoints a REST link uses: those in `uses`, or all of them when it has none. */
  usedEndpoints(link: DesignLink): readonly EndpointContract[];
  /** The sample JSON value of a type (see sample.ts for the rules). */
  sample(ref: TypeRef, ctx?: SampleContext): JsonValue;
}

function lazy<V>(make: (id: string) => V): (id: string) => V {
  const known = new Map<string, V>();
  return (id) => {
    let v = known.get(id);
    if (v === undefined) known.set(id, (v = make(id)));
    return v;
  };
}

function build(design: Design): DesignContracts {
  const nodes = new Map<string, DesignNode>(design.nodes.map((n) => [n.id, n]));
  let universe: TypeUniverse | undefined;
  const u = () => (universe ??= buildUniverse(design));
  // A service that others call over gRPC but that declares no gRPC service still serves one: its
  // derived service, with no RPCs of its own (it answers the health check and reflection).
  const calledOverGrpc = new Set(design.links.filter((l) => l.kind === 'grpc').map((l) => l.target));
  const grpc = lazy((id) => {
    const node = nodes.get(id);
    if (!node) return [];
    if (
      (node.api?.grpc.length ?? 0) === 0 &&
      calledOverGrpc.has(id) &&
      isRuntime(node.kind) &&
      RUNTIMES[node.kind].grpc
    )
      return grpcContracts(design, node, u(), [{ id: `${id}:grpc`, rpcs: [] }]);
    return grpcContracts(design, node, u());
  });
  const rpcs = lazy((id) => grpc(id).flatMap((s) => s.rpcs));
  const endpoints = lazy((id) => {
    const node = nodes.get(id);
    return node ? endpointContracts(node, u()) : [];
  });
  const channels = lazy((id) => {
    const node = nodes.get(id);
    return node ? channelContracts(node, u()) : [];
  });
  const samples = new Map<string, JsonValue>();
  return {
    design,
    get universe() {
      return u();
    },
    *universeSteps() {
      if (universe) return universe;
      const built = yield* universeSteps(design);
      // one universe per design, even if it was asked for at once between these steps
      return (universe ??= built);
    },
    grpc,
    rpcs,
    endpoints,
    channels,
    channel: (brokerId, topic) => channels(brokerId).find((c) => c.address === topicName(topic)),
    usedRpcs: (link) => usedBy(rpcs(link.target), link),
    usedEndpoints: (link) => usedBy(endpoints(link.target), link),
    sample(ref, ctx) {
      const key = ctx ? `${ref} ${ctx.number} ${ctx.name}` : ref;
      let v = samples.get(key);
      if (v === undefined) {
        const t = u().resolve(ref);
        v = t ? sampleOfType(t, ctx) : null;
        samples.set(key, v);
      }
      return v;
    },
  };
}

const known = new WeakMap<Design, DesignContracts>();

/** The contracts of a design, made once per design object. */
export function designContracts(design: Design): DesignContracts {
  let c = known.get(design);
  if (!c) known.set(design, (c = build(design)));
  return c;
}

/**
 * The sample JSON value of a type of a design: deterministic, small, the same in every language
 * (rules in sample.ts and docs/stub-contract.md). `ctx` names the field or parameter it stands for.
 */
export function sampleOf(design: Design, ref: TypeRef, ctx?: SampleContext): JsonValue {
  return designContracts(design).sample(ref, ctx);
}
