import { INFRA, RUNTIMES, isRuntime, type NodeKind } from '../../catalog/catalog';
import { dnsLabel } from '../../model/naming';
import type { Design, DesignLink, DesignNode, ServiceApi, XY } from '../../model/types';
import { freePort, uniqueName } from '../../ops/ops';
import { IdPool, idFrom } from './ids';
import { mergeChannels, mergeGrpc, mergeRest } from './mergeApi';
import { mergeTypes } from './mergeTypes';
import { grpcFullName } from './names';
import { placeBelow } from './place';
import { refKnown, refsOf, remapChannel, remapEndpoint, remapGrpc } from './refs';
import { Warnings } from './text';
import type { ApplyResult, ContractImportOptions, ImportSummary, ImportedContracts, ImportedService } from './types';

/** A summary of an import that changed nothing yet. */
export function noChanges(): ImportSummary {
  return {
    typesAdded: 0,
    typesUpdated: 0,
    nodesAdded: 0,
    servicesAdded: 0,
    servicesUpdated: 0,
    endpointsAdded: 0,
    endpointsUpdated: 0,
    channelsAdded: 0,
    linksAdded: 0,
  };
}

const fail = (error: string, warnings: Warnings): ApplyResult => ({ ok: false, error, warnings: warnings.all() });

/** Every reference of the import names a scalar, a well-known type or one of its own types. */
function unknownRefs(imported: ImportedContracts): string | undefined {
  const ids = new Set(imported.types.map((t) => t.id));
  const bad = refsOf({
    types: imported.types,
    grpc: imported.services.flatMap((s) => s.grpc),
    rest: imported.services.flatMap((s) => s.rest),
    channels: imported.brokers.flatMap((b) => b.channels),
  }).filter((r) => !refKnown(r.ref, ids));
  if (bad.length === 0) return undefined;
  const lines = bad.slice(0, 10).map((b) => `Unknown type "${b.ref}" in ${b.where}.`);
  return lines.join('\n') + (bad.length > 10 ? `\n… and ${bad.length - 10} more.` : '');
}

function newNode(d: Design, ids: IdPool, kind: NodeKind, name: string, description: string): DesignNode {
  const free = uniqueName(d, name);
  const runtime = isRuntime(kind);
  const port = freePort(d, runtime ? RUNTIMES[kind].defaultPort : INFRA[kind].defaultPort);
  return {
    id: ids.take(`n-${idFrom(dnsLabel(free), 'node', 40)}`),
    kind,
    name: free,
    position: { x: 0, y: 0 },
    port,
    grpcPort: runtime ? 50051 : 0,
    replicas: 1,
    env: [],
    description,
  };
}

/**
 * The node an imported service lands on: one that serves it already (a gRPC service of the same
 * full name), else a service node of the same name; `byName` says which.
 */
function existingNode(d: Design, s: ImportedService): { node: DesignNode; byName: boolean } | undefined {
  const wanted = new Set(s.grpc.map((g) => `${g.package ? `${g.package}.` : ''}${g.name ?? ''}`));
  const serving = d.nodes.find((n) => n.api?.grpc.some((g) => wanted.has(grpcFullName(d.name, n, g))));
  if (serving) return { node: serving, byName: false };
  const named = d.nodes.find((n) => isRuntime(n.kind) && dnsLabel(n.name) === dnsLabel(s.name));
  return named ? { node: named, byName: true } : undefined;
}

/** Whether a node already has something of the imported service: an endpoint, or a queue link's topic. */
function hasAnyOf(d: Design, node: DesignNode, s: ImportedService, imported: ImportedContracts): boolean {
  if (s.rest.some((e) => node.api?.rest.some((x) => x.method === e.method && x.path === e.path))) return true;
  const topics = new Set(imported.links.filter((l) => l.service === s.key).map((l) => l.topic));
  return d.links.some(
    (l) => l.kind === 'queue' && (l.source === node.id || l.target === node.id) && topics.has(l.topic),
  );
}

/**
 * Adds imported contracts to a design: services land on new service nodes (or on the node
 * `attachTo` names, or on the node that already serves them), types are matched by full name so
 * importing twice adds nothing twice, brokers and their channels and queue links follow. The
 * design given is never changed; a reference to a type the import lacks fails the whole import.
 */
export function applyImport(
  design: Design,
  imported: ImportedContracts,
  options: ContractImportOptions & {
    /** `false` leaves new nodes at 0,0 for the caller to place (several imports placed as one). */
    place?: boolean;
  } = {},
): ApplyResult {
  const warnings = new Warnings();
  for (const w of imported.warnings) warnings.add(w);
  const warn = (w: string) => warnings.add(w);
  const summary = noChanges();
  const bad = unknownRefs(imported);
  if (bad) return fail(bad, warnings);
  const runtime = options.runtime ?? 'go-nethttp';
  if (!isRuntime(runtime)) return fail(`"${String(runtime)}" is not a runtime of the catalog.`, warnings);
  const target = options.attachTo === undefined ? undefined : design.nodes.find((n) => n.id === options.attachTo);
  if (options.attachTo !== undefined && (!target || !isRuntime(target.kind)))
    return fail(`There is no service node with the id "${options.attachTo}" to import into.`, warnings);

  let d: Design = { ...design, nodes: [...design.nodes], links: [...design.links], types: [...(design.types ?? [])] };
  const ids = new IdPool([...d.nodes.map((n) => n.id), ...d.links.map((l) => l.id)]);
  const added: DesignNode[] = [];
  const nodeOf = new Map<string, string>();
  for (const s of imported.services) {
    const found = target ? undefined : existingNode(d, s);
    let node = target ?? found?.node;
    if (found?.byName && !hasAnyOf(d, found.node, s, imported))
      warn(`${s.source}: "${s.name}" is added to the node ${found.node.name}, which has its name.`);
    if (!node) {
      const about = `Imported from ${s.source}.${s.description ? ` ${s.description}` : ''}`.slice(0, 2000);
      node = newNode(d, ids, runtime, s.name, about);
      d = { ...d, nodes: [...d.nodes, node] };
      added.push(node);
    }
    if (s.grpc.length > 0 && isRuntime(node.kind) && !RUNTIMES[node.kind].grpc)
      warn(
        `${node.name} runs ${RUNTIMES[node.kind].label}, which cannot serve gRPC; its gRPC services are kept in the design.`,
      );
    nodeOf.set(s.key, node.id);
  }
  for (const b of imported.brokers) {
    const sameKind = d.nodes.filter((n) => n.kind === b.kind);
    let node = sameKind.length === 1 ? sameKind[0] : sameKind.find((n) => dnsLabel(n.name) === dnsLabel(b.name));
    if (!node) {
      node = newNode(d, ids, b.kind, b.name, `Imported from ${b.source}.`);
      d = { ...d, nodes: [...d.nodes, node] };
      added.push(node);
    }
    nodeOf.set(b.key, node.id);
  }

  const merged = mergeTypes(d, imported.types, (key) => nodeOf.get(key), warn);
  if (merged.error) return fail(merged.error, warnings);
  d = { ...d, types: merged.types };
  const map = (ref: string) => merged.ids.get(ref) ?? ref;

  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const update = (id: string, patch: Partial<DesignNode>) => {
    const n = byId.get(id);
    if (n) byId.set(id, { ...n, ...patch });
  };
  for (const s of imported.services) {
    const node = byId.get(nodeOf.get(s.key) ?? '');
    if (!node) continue;
    let api: ServiceApi = node.api ?? { grpc: [], rest: [] };
    api = mergeGrpc(
      d,
      node,
      api,
      s.grpc.map((g) => remapGrpc(g, map)),
      summary,
      warn,
    );
    api = mergeRest(
      node,
      api,
      s.rest.map((e) => remapEndpoint(e, map)),
      summary,
      warn,
    );
    update(node.id, { api });
  }
  for (const b of imported.brokers) {
    const node = byId.get(nodeOf.get(b.key) ?? '');
    if (node)
      update(node.id, {
        channels: mergeChannels(
          node,
          b.channels.map((c) => remapChannel(c, map)),
          summary,
          warn,
        ),
      });
  }
  const positions = options.place === false ? new Map<string, XY>() : placeBelow(design.nodes, added);
  d = {
    ...d,
    nodes: d.nodes.map((n) => {
      const next = byId.get(n.id) ?? n;
      const at = positions.get(n.id);
      return at ? { ...next, position: at } : next;
    }),
  };

  const links: DesignLink[] = [];
  for (const l of imported.links) {
    const service = nodeOf.get(l.service);
    const broker = nodeOf.get(l.broker);
    if (service === undefined || broker === undefined) continue;
    const [source, target] = l.direction === 'publish' ? [service, broker] : [broker, service];
    const exists = [...d.links, ...links].some(
      (x) => x.kind === 'queue' && x.source === source && x.target === target && x.topic === l.topic,
    );
    if (exists) continue;
    links.push({
      id: ids.take(`l-${links.length + d.links.length + 1}`),
      kind: 'queue',
      source,
      target,
      topic: l.topic,
    });
  }
  d = { ...d, links: [...d.links, ...links] };
  summary.linksAdded = links.length;
  summary.nodesAdded = added.length;
  summary.typesAdded = merged.added;
  summary.typesUpdated = merged.updated;
  return { ok: true, design: d, warnings: warnings.all(), summary };
}
