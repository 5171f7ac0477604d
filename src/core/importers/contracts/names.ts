import { packageSegment, protoPackage, protoServiceName } from '../../model/naming';
import type { Design, DesignNode, DesignType, GrpcService } from '../../model/types';

/** The package a type without its own gets: its owner's, else the design's shared one. */
export function derivedPackage(project: string, owner: DesignNode | undefined): string {
  return owner ? protoPackage(project, owner.name) : `${packageSegment(project, 'project')}.v1`;
}

/**
 * The full protobuf name of a type (`shop.v1.Product.Availability`): its package, the names of
 * the messages it is nested in, its name. Import matches types by it.
 */
export function typeFullName(
  project: string,
  t: DesignType,
  types: ReadonlyMap<string, DesignType>,
  nodes: ReadonlyMap<string, DesignNode>,
): string {
  const names = [t.name];
  let top = t;
  const seen = new Set([t.id]);
  for (let p = t.parent === undefined ? undefined : types.get(t.parent); p && !seen.has(p.id);) {
    seen.add(p.id);
    names.unshift(p.name);
    top = p;
    p = p.parent === undefined ? undefined : types.get(p.parent);
  }
  const pkg = top.package ?? derivedPackage(project, top.owner === undefined ? undefined : nodes.get(top.owner));
  return pkg ? `${pkg}.${names.join('.')}` : names.join('.');
}

/** The full name a gRPC service is called by (`shop.v1.CartService`). */
export function grpcFullName(project: string, node: DesignNode, s: GrpcService): string {
  const pkg = s.package ?? protoPackage(project, node.name);
  const name = s.name ?? protoServiceName(node.name);
  return pkg ? `${pkg}.${name}` : name;
}

/** Every full type name of a design, by name. */
export function typesByFullName(design: Design): Map<string, DesignType> {
  const types = new Map(design.types.map((t) => [t.id, t]));
  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  return new Map(design.types.map((t) => [typeFullName(design.name, t, types, nodes), t]));
}
