import { designContracts, type GrpcContract, type ResolvedDesignType, type ResolvedType } from '../../model/contracts';
import { packageFile } from '../../model/packages';
import { WELL_KNOWN_TYPES, isWellKnown } from '../../model/typeRefs';
import type { Design } from '../../model/types';
import { wireServices } from '../../model/wiring';

/**
 * Which `.proto` files an export has, and what goes in each: the gRPC services of the design (one
 * file per package, or per original file for imported contracts) and every type they reach, plus
 * every imported type (kept where it came from, so `buf breaking` against the original files
 * finds each one). A nested type is written inside its message.
 */
export interface ProtoFileLayout {
  /** Relative to the proto root: `shop/orders/v1/orders.proto`. */
  path: string;
  package: string;
  services: GrpcContract[];
  /** Top-level messages and enums, in design order. */
  types: ResolvedDesignType[];
  /** Other files it imports (theirs and google/protobuf/*.proto), sorted. */
  imports: string[];
}

/** The top-level type a type is written in (itself when it is not nested). */
export function topOf(t: ResolvedDesignType): ResolvedDesignType {
  let r: ResolvedDesignType = t;
  for (let i = 0; r.parent && i < 100; i++) r = r.parent;
  return r;
}

/** The gRPC services an export writes: of every node that declares one or that serves gRPC. */
export function exportedServices(design: Design): GrpcContract[] {
  const c = designContracts(design);
  const nodes = new Set(
    wireServices(design)
      .filter((w) => w.servesGrpc)
      .map((w) => w.node.id),
  );
  for (const n of design.nodes) if ((n.api?.grpc.length ?? 0) > 0) nodes.add(n.id);
  return design.nodes.filter((n) => nodes.has(n.id)).flatMap((n) => c.grpc(n.id));
}

/** The proto files of a design, sorted by path; none when it has no gRPC and imported no types. */
export function protoLayout(design: Design): ProtoFileLayout[] {
  const c = designContracts(design);
  const services = exportedServices(design);
  const u = c.universe;
  // every type a service reaches, and every imported one
  const included = new Set<string>();
  const queue: ResolvedDesignType[] = [];
  const reach = (t: ResolvedType) => {
    if (t.kind !== 'message' && t.kind !== 'enum') return;
    const top = topOf(t.type);
    if (included.has(top.id)) return;
    included.add(top.id);
    queue.push(top);
  };
  for (const s of services) for (const r of s.rpcs) [r.request, r.response].forEach(reach);
  for (const t of u.types)
    if (t.source.file !== undefined)
      reach(t.kind === 'message' ? { kind: 'message', ref: t.id, type: t } : { kind: 'enum', ref: t.id, type: t });
  const walk = (t: ResolvedDesignType) => {
    if (t.kind === 'message') for (const f of t.fields) reach(f.type);
    for (const n of u.nested(t.id)) walk(n);
  };
  for (let i = 0; i < queue.length; i++) {
    const t = queue[i];
    if (t) walk(t);
  }

  const files = new Map<string, ProtoFileLayout>();
  const fileFor = (path: string, pkg: string): ProtoFileLayout => {
    let f = files.get(path);
    // two packages cannot share a file: the later one moves to its package's own file
    if (f && f.package !== pkg) return fileFor(packageFile(pkg, design.name), pkg);
    if (!f) files.set(path, (f = { path, package: pkg, services: [], types: [], imports: [] }));
    return f;
  };
  const home = new Map<string, string>();
  for (const s of services) fileFor(s.file, s.package).services.push(s);
  for (const t of u.types)
    if (included.has(t.id)) {
      const f = fileFor(t.file, t.package);
      f.types.push(t);
      home.set(t.id, f.path);
    }
  for (const f of files.values()) {
    const imports = new Set<string>();
    const need = (t: ResolvedType) => {
      if (t.kind === 'wellKnown') imports.add(WELL_KNOWN_TYPES[t.name].file);
      else if (t.kind === 'message' || t.kind === 'enum') {
        const where = home.get(topOf(t.type).id);
        if (where && where !== f.path) imports.add(where);
      }
    };
    for (const s of f.services) for (const r of s.rpcs) [r.request, r.response].forEach(need);
    const scan = (t: ResolvedDesignType) => {
      if (t.kind === 'message') for (const fl of t.fields) need(fl.type);
      for (const n of u.nested(t.id)) scan(n);
    };
    f.types.forEach(scan);
    f.imports = [...imports].sort();
  }
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Whether a ref is a well-known message (written with its full name, imported from its file). */
export const isWellKnownRef = isWellKnown;
