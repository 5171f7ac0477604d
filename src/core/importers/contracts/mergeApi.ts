import type { Channel, Design, DesignNode, GrpcService, HttpEndpoint, ServiceApi } from '../../model/types';
import { IdPool } from './ids';
import { grpcFullName } from './names';
import type { ImportSummary } from './types';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The ids a node's API already uses: RPCs, endpoints and services share one space per node. */
function poolOf(api: ServiceApi): IdPool {
  return new IdPool([...api.grpc.flatMap((g) => [g.id, ...g.rpcs.map((r) => r.id)]), ...api.rest.map((e) => e.id)]);
}

/**
 * Adds gRPC services to a node's API. A service the node already serves (same full name) takes
 * the imported RPCs, each keeping the id it had (links that use it keep working); RPCs the
 * contract no longer has are kept and named.
 */
export function mergeGrpc(
  design: Design,
  node: DesignNode,
  api: ServiceApi,
  incoming: readonly GrpcService[],
  summary: ImportSummary,
  warn: (w: string) => void,
): ServiceApi {
  const grpc = [...api.grpc];
  const pool = poolOf(api);
  for (const g of incoming) {
    const full = grpcFullName(design.name, node, g);
    const at = grpc.findIndex((e) => grpcFullName(design.name, node, e) === full);
    const old = at < 0 ? undefined : grpc[at];
    if (!old) {
      const rpcs = g.rpcs.map((r) => ({ ...r, id: pool.take(r.id) }));
      grpc.push({ ...g, id: pool.take(g.id), rpcs });
      summary.servicesAdded++;
      continue;
    }
    const byName = new Map(old.rpcs.map((r) => [r.name, r]));
    const rpcs = g.rpcs.map((r) => ({ ...r, id: byName.get(r.name)?.id ?? pool.take(r.id) }));
    const names = new Set(g.rpcs.map((r) => r.name));
    const stale = old.rpcs.filter((r) => !names.has(r.name));
    if (stale.length > 0)
      warn(
        `${node.name}: ${full} keeps ${stale.map((r) => r.name).join(', ')}, which the imported contract does not declare.`,
      );
    const next: GrpcService = { ...g, id: old.id, rpcs: [...rpcs, ...stale] };
    if (!same(next, old)) {
      grpc[at] = next;
      summary.servicesUpdated++;
    }
  }
  return { ...api, grpc };
}

/** Adds REST endpoints to a node's API; one with the same method and path is replaced, keeping its id. */
export function mergeRest(
  node: DesignNode,
  api: ServiceApi,
  incoming: readonly HttpEndpoint[],
  summary: ImportSummary,
  warn: (w: string) => void,
): ServiceApi {
  const rest = [...api.rest];
  const pool = poolOf(api);
  for (const e of incoming) {
    const at = rest.findIndex((x) => x.method === e.method && x.path === e.path);
    const old = at < 0 ? undefined : rest[at];
    if (!old) {
      rest.push({ ...e, id: pool.take(e.id) });
      summary.endpointsAdded++;
    } else if (!same({ ...e, id: old.id }, old)) {
      rest[at] = { ...e, id: old.id };
      summary.endpointsUpdated++;
      warn(`${node.name}: ${e.method} ${e.path} was replaced by the imported one.`);
    }
  }
  return { ...api, rest };
}

/** Adds channels to a broker; a topic it already has takes the imported message, with a warning. */
export function mergeChannels(
  node: DesignNode,
  incoming: readonly Channel[],
  summary: ImportSummary,
  warn: (w: string) => void,
): Channel[] {
  const channels = [...(node.channels ?? [])];
  for (const c of incoming) {
    const at = channels.findIndex((x) => x.topic === c.topic);
    const old = at < 0 ? undefined : channels[at];
    if (!old) {
      channels.push(c);
      summary.channelsAdded++;
    } else if (!same(old, c)) {
      if (old.message !== c.message)
        warn(`${node.name}: channel ${c.topic} now carries the imported message instead of the one it had.`);
      channels[at] = { ...old, ...c };
    }
  }
  return channels;
}
