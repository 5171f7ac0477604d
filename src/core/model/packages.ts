import { packageSegment, protoPackage } from './naming';
import type { DesignNode, DesignType, GrpcService } from './types';

/**
 * Where the contracts of a design live in protobuf terms: the package of a type or a gRPC service
 * when none was given (a derived one), and the `.proto` file it is written to. One place decides,
 * so restore, the ops, the contract layer and the proto generator agree.
 */

/** The shared package of a design's types that no service owns: `<project>.v1`. */
export function sharedPackage(project: string): string {
  return `${packageSegment(project, 'project')}.v1`;
}

/** The derived package of a service node: `<project>.<service>.v1`. */
export function nodePackage(project: string, node: Pick<DesignNode, 'name'>): string {
  return protoPackage(project, node.name);
}

/**
 * The package of the types a service node owns: the package of its first gRPC service when the
 * user set one (so that renaming the package takes the node's messages along), else its derived one.
 */
export function ownerPackage(project: string, node: Pick<DesignNode, 'name' | 'api'>): string {
  return node.api?.grpc[0]?.package ?? nodePackage(project, node);
}

/** The package of a type: its own, its owner's, or the shared one. */
export function typePackage(
  project: string,
  type: Pick<DesignType, 'package' | 'owner'>,
  nodeById: (id: string) => Pick<DesignNode, 'name' | 'api'> | undefined,
): string {
  if (type.package !== undefined) return type.package;
  const owner = type.owner === undefined ? undefined : nodeById(type.owner);
  return owner ? ownerPackage(project, owner) : sharedPackage(project);
}

/** The package of a gRPC service: its own, or the one derived from its node. */
export function servicePackage(project: string, node: Pick<DesignNode, 'name'>, service: GrpcService): string {
  return service.package ?? nodePackage(project, node);
}

/** The file of a service node's own contracts: `<project>/<service>/v1/<service>.proto`. */
export function nodeProtoFile(project: string, nodeName: string): string {
  const p = packageSegment(project, 'project');
  const s = packageSegment(nodeName);
  return `${p}/${s}/v1/${s}.proto`;
}

/** `shop.orders.v1` -> `shop/orders/v1`: where buf wants a package's files. */
export function packageDir(pkg: string): string {
  return pkg.replace(/\./g, '/');
}

/**
 * The file a package's contracts are written to when no imported file says otherwise:
 * `<dir>/<last part that is not a version>.proto` (`shop/orders/v1/orders.proto`), and
 * `<project>/v1/types.proto` for the shared package.
 */
export function packageFile(pkg: string, project: string): string {
  if (pkg === sharedPackage(project)) return `${packageDir(pkg)}/types.proto`;
  const parts = pkg.split('.');
  const named = [...parts].reverse().find((p) => !/^v\d+((alpha|beta)\d*)?$/.test(p)) ?? 'api';
  const stem = named.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase() || 'api';
  return `${packageDir(pkg)}/${stem}.proto`;
}

/** Whether a path may name an imported `.proto` file: relative, POSIX, no `..`, ending in `.proto`. */
export function validProtoFile(path: string): boolean {
  return (
    path.length <= 300 &&
    /^(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+\.proto$/.test(path) &&
    !path.split('/').some((s) => s === '.' || s === '..')
  );
}
