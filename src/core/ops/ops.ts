import { INFRA, RUNTIMES, describeKind, isInfra, isRuntime, type NodeKind } from '../catalog/catalog';
import { imageProblem } from '../model/image';
import { NATIVE_INFO, isNativeKind, nativeFits } from '../model/native';
import {
  codePackageProblem,
  envPrefixProblem,
  nameProblem,
  dnsLabel,
  nodeEnvPrefix,
  packageSegment,
} from '../model/naming';
import type { Design, DesignLink, DesignNode, XY } from '../model/types';
import { pruneOrder } from '../presentation/steps';
import { copyContracts, releaseOwnedTypes } from './copyContracts';
import { newId, type OpResult } from './ids';
import { moveAreas, removeAreas } from './boundaries';

export { newId, withCountedIds, type OpResult } from './ids';
export * from './links';
export * from './boundaries';

/**
 * Pure edits of the design document. Each returns a new design and never mutates its input;
 * untouched nodes and links keep their identity so the canvas re-renders only what changed.
 */

/** The next name like `base`, `base-2`, … that no node uses yet. */
export function uniqueName(design: Design, base: string): string {
  const taken = new Set(design.nodes.map((n) => dnsLabel(n.name)));
  const takenPkg = new Set(design.nodes.map((n) => packageSegment(n.name)));
  const free = (c: string) => !taken.has(dnsLabel(c)) && !takenPkg.has(packageSegment(c));
  if (free(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`;
    if (free(candidate)) return candidate;
    // A long name loses the suffix to the 40-character clip of its DNS label, so every candidate
    // would clash forever: number a shortened form instead.
    const short = `${dnsLabel(base).slice(0, 30)}-${i}`;
    if (free(short)) return short;
  }
}

/**
 * The first port at or above `start` that no node uses yet: neither as its own port nor as the
 * port it publishes on the host (an imported compose file's `8080:3000` takes 8080 too).
 */
export function freePort(design: Design, start: number, skip: ReadonlySet<number> = new Set()): number {
  const used = new Set(design.nodes.flatMap((n) => (n.hostPort ? [n.port, n.hostPort] : [n.port])));
  let p = start;
  while (used.has(p) || skip.has(p)) p++;
  return p;
}

function defaultName(kind: NodeKind): string {
  if (isRuntime(kind)) return `${RUNTIMES[kind].languageId}-service`;
  return kind === 'postgres' ? 'postgres' : kind;
}

export interface AddNodeArgs {
  kind: NodeKind;
  position: XY;
  name?: string;
  id?: string;
}

/** Adds a node of a catalog kind, with a unique name and a free host port. */
export function addNode(design: Design, args: AddNodeArgs): OpResult<{ id: string }> {
  const id = args.id ?? newId('n');
  const name = uniqueName(design, args.name ?? defaultName(args.kind));
  const port = freePort(design, describeKind(args.kind).defaultPort);
  const node: DesignNode = {
    id,
    kind: args.kind,
    name,
    position: { x: Math.round(args.position.x), y: Math.round(args.position.y) },
    port,
    grpcPort: isRuntime(args.kind) ? 50051 : 0,
    replicas: 1,
    env: [],
    description: '',
  };
  return { ok: true, design: { ...design, nodes: [...design.nodes, node] }, id };
}

/** Removes nodes and links by id; links of removed nodes go with them. */
export function removeElements(design: Design, ids: Iterable<string>): Design {
  const gone = new Set(ids);
  const nodes = design.nodes.filter((n) => !gone.has(n.id));
  const links = design.links.filter((l) => !gone.has(l.id) && !gone.has(l.source) && !gone.has(l.target));
  const areas = removeAreas(design, gone);
  if (nodes.length === design.nodes.length && links.length === design.links.length) return areas;
  design = areas;
  const removed = design.nodes.filter((n) => gone.has(n.id));
  return pruneOrder(releaseOwnedTypes({ ...design, nodes, links }, removed));
}

/** Moves nodes; only the moved node objects are replaced. */
export function moveNodes(design: Design, moves: ReadonlyMap<string, XY>): Design {
  design = moveAreas(design, moves);
  let changed = false;
  const nodes = design.nodes.map((n) => {
    const p = moves.get(n.id);
    if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
    changed = true;
    return { ...n, position: { x: p.x, y: p.y } };
  });
  return changed ? { ...design, nodes } : design;
}

export type NodePatch = Partial<Omit<DesignNode, 'id'>>;

/** Changes fields of one node; a rename is checked for uniqueness and validity. */
export function updateNode(design: Design, id: string, patch: NodePatch): OpResult {
  const node = design.nodes.find((n) => n.id === id);
  if (!node) return { ok: false, reason: 'That node no longer exists.' };
  if (patch.name !== undefined && patch.name !== node.name) {
    const problem = nameProblem(
      patch.name,
      design.nodes.filter((n) => n.id !== id).map((n) => n.name),
    );
    if (problem) return { ok: false, reason: problem };
  }
  if (patch.port !== undefined && !validPort(patch.port))
    return { ok: false, reason: 'A port is a whole number from 1 to 65535.' };
  if (patch.grpcPort !== undefined && !validPort(patch.grpcPort))
    return { ok: false, reason: 'A port is a whole number from 1 to 65535.' };
  if (
    patch.replicas !== undefined &&
    !(Number.isInteger(patch.replicas) && patch.replicas >= 0 && patch.replicas <= 100)
  )
    return { ok: false, reason: 'Replicas are a whole number from 0 to 100.' };
  if (patch.image !== undefined) {
    const why = imageProblem(patch.image);
    if (why) return { ok: false, reason: why };
  }
  if (patch.hostPort !== undefined && patch.hostPort !== 0 && !validPort(patch.hostPort))
    return { ok: false, reason: 'A host port is a whole number from 1 to 65535, or 0 to publish none.' };
  if (patch.envPrefix !== undefined) {
    const why = envPrefixProblem(patch.envPrefix);
    if (why) return { ok: false, reason: why };
    const other = design.nodes.find((n) => n.id !== id && nodeEnvPrefix(n) === patch.envPrefix);
    if (other) return { ok: false, reason: `${other.name}'s callers already read ${patch.envPrefix}_URL.` };
  }
  if (patch.codePackage !== undefined) {
    const why = codePackageProblem(patch.codePackage);
    if (why) return { ok: false, reason: why };
  }
  if (patch.native !== undefined) {
    const kind = patch.kind ?? node.kind;
    if (!isNativeKind(patch.native.kind))
      return { ok: false, reason: `${String(patch.native.kind)} is no kind of in-process module.` };
    if (!nativeFits(patch.native.kind, kind))
      return { ok: false, reason: `${describeKind(kind).label} cannot host ${NATIVE_INFO[patch.native.kind].label}.` };
  }
  const next = { ...node, ...patch };
  // a runtime that cannot host the module drops it (the store tells the user; undo brings it back)
  if (next.native && !nativeFits(next.native.kind, next.kind)) delete next.native;
  for (const key of ['envPrefix', 'codePackage', 'image', 'hostPort', 'native'] as const)
    if (key in patch && patch[key] === undefined) delete next[key];
  return { ok: true, design: { ...design, nodes: design.nodes.map((n) => (n.id === id ? next : n)) } };
}

export function validPort(p: number): boolean {
  return Number.isInteger(p) && p >= 1 && p <= 65535;
}

/** Copies nodes (and the links among them) with new ids and names, offset on the canvas. */
export function duplicateElements(
  design: Design,
  nodes: readonly DesignNode[],
  links: readonly DesignLink[],
  offset: XY = { x: 40, y: 40 },
  types: readonly Design['types'][number][] = [],
): { design: Design; ids: string[]; idMap: ReadonlyMap<string, string> } {
  const idMap = new Map<string, string>();
  let next = design;
  for (const n of nodes) {
    if (!isInfra(n.kind) && !isRuntime(n.kind)) continue;
    const r = addNode(next, {
      kind: n.kind,
      name: n.name,
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
    });
    if (!r.ok) continue;
    const added = r.design.nodes[r.design.nodes.length - 1];
    if (!added) continue;
    const copy = {
      ...added,
      grpcPort: n.grpcPort,
      replicas: n.replicas,
      env: n.env.map((e) => ({ ...e })),
      description: n.description,
      // the host port stays the fresh one addNode chose, so two nodes never publish the same
      ...(n.image !== undefined ? { image: n.image } : {}),
      ...(n.codePackage !== undefined ? { codePackage: n.codePackage } : {}),
      ...(n.native !== undefined ? { native: { ...n.native } } : {}),
    };
    next = { ...r.design, nodes: [...r.design.nodes.slice(0, -1), copy] };
    idMap.set(n.id, r.id);
  }
  // the copies serve what the originals served, with their own ids and their own message types
  const copied = copyContracts(next, nodes, idMap, types);
  next = copied.design;
  const newLinks: DesignLink[] = [];
  for (const l of links) {
    const s = idMap.get(l.source);
    const t = idMap.get(l.target);
    if (!s || !t) continue;
    const link: DesignLink = { ...structuredClone(l), id: newId('l'), source: s, target: t };
    if (link.uses) link.uses = link.uses.map((u) => copied.methodIds.get(u) ?? u);
    newLinks.push(link);
  }
  next = { ...next, links: [...next.links, ...newLinks] };
  return { design: next, ids: [...idMap.values(), ...newLinks.map((l) => l.id)], idMap };
}

/** Renames the project (the export's name and proto root). */
export function renameProject(design: Design, name: string): OpResult {
  if (name.trim().length === 0) return { ok: false, reason: 'The project needs a name.' };
  if (name.length > 100) return { ok: false, reason: 'Names are limited to 100 characters.' };
  if (/[\u0000-\u001f\u007f]/.test(name))
    return { ok: false, reason: 'Names cannot contain control characters or line breaks.' };
  return { ok: true, design: { ...design, name } };
}

export { INFRA };
