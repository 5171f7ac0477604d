import { isRuntime } from '../catalog/catalog';
import { dnsLabel } from '../model/naming';
import type { Design, DesignNode } from '../model/types';
import { wireServices, type ServiceWiring } from '../model/wiring';
import { generateAsyncApi } from './asyncapi';
import { generateCompose } from './compose';
import { generateDocs } from './docs';
import { generateHelm } from './helm';
import { generateKubernetes } from './kubernetes';
import { generateOpenApi } from './openapi';
import { generateProto, protoFilesFor, protoForService, protoRelPath } from './proto';
import { placeholderStub } from './stubs/placeholder';
import { STUBS } from './stubs/registry';
import type { StubContext } from './stubs/types';
import type { GeneratedFile } from './types';

/**
 * A generator produced a path that is not safe to write or zip. This is a bug in a generator (or
 * a design whose names collide, which `exportProblems` reports first), never the user's input to
 * fix by hand, so it is thrown rather than papered over.
 */
export class ProjectPathError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`The export has unsafe or repeated file paths: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'ProjectPathError';
    this.problems = problems;
  }
}

const SAFE_PATH = /^(?:(?!\.\.?\/)[^\\/\u0000-\u001f\u007f:*?"<>|]+\/)*(?!\.\.?$)[^\\/\u0000-\u001f\u007f:*?"<>|]+$/;

/**
 * Why a path cannot be part of an export, or null when it can: it must be relative, POSIX,
 * with no empty, `.` or `..` segment, no backslash and no character that Windows refuses.
 */
export function pathProblem(path: string): string | null {
  // the common case in one test: segments of allowed characters, none of them `.` or `..`
  if (SAFE_PATH.test(path)) return null;
  if (path === '') return 'an empty path';
  if (path.includes('\\')) return `${JSON.stringify(path)} has a backslash`;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return `${JSON.stringify(path)} is absolute`;
  if (/[\u0000-\u001f\u007f:*?"<>|]/.test(path))
    return `${JSON.stringify(path)} has a character not allowed in a file name`;
  for (const seg of path.split('/')) {
    if (seg === '') return `${JSON.stringify(path)} has an empty segment`;
    if (seg === '.' || seg === '..') return `${JSON.stringify(path)} has a "${seg}" segment`;
  }
  return null;
}

/** Code-unit order of paths, the same everywhere. */
export const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Checks every path and sorts the files by path (code-unit order, the same everywhere). Throws
 * `ProjectPathError` for an unsafe path, a repeated path, or two paths that differ only in case
 * (they would overwrite each other on macOS and Windows).
 */
export function assembleFiles<F extends { path: string }>(files: readonly F[]): F[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const why = pathProblem(f.path);
    if (why) problems.push(why);
    const key = f.path.toLowerCase();
    const prev = seen.get(key);
    if (prev === f.path) problems.push(`${JSON.stringify(f.path)} is generated twice`);
    else if (prev !== undefined)
      problems.push(`${JSON.stringify(prev)} and ${JSON.stringify(f.path)} differ only in case`);
    else seen.set(key, f.path);
  }
  if (problems.length > 0) throw new ProjectPathError(problems);
  return [...files].sort(byPath);
}

const byIdOf = new WeakMap<readonly ServiceWiring[], Map<string, ServiceWiring>>();

/** The wirings by node id, made once per list (the export passes the same list for every service). */
function wiringsById(all: readonly ServiceWiring[]): Map<string, ServiceWiring> {
  let byId = byIdOf.get(all);
  if (!byId) {
    byId = new Map(all.map((w) => [w.node.id, w]));
    byIdOf.set(all, byId);
  }
  return byId;
}

/** The stub context of one service: its wiring and the .proto files it serves and calls. */
export function stubContext(design: Design, wiring: ServiceWiring, all: readonly ServiceWiring[]): StubContext {
  const byId = wiringsById(all);
  return {
    design,
    wiring,
    ownProto: wiring.servesGrpc ? protoForService(design, wiring) : null,
    targetProtos: wiring.grpc.flatMap((call) => {
      const target = byId.get(call.target.id);
      return target?.servesGrpc ? [{ call, file: protoForService(design, target) }] : [];
    }),
    contractProtos: protoFilesFor(design, [wiring.node.id, ...wiring.grpc.map((c) => c.target.id)]),
  };
}

/**
 * The files of every service, under `services/<dns>/`: its runtime's stub, or a README saying
 * there is none. With `from` and `to`, only those of the services in that range of
 * `wireServices(design)` (a part of the export made apart from the rest).
 */
export function serviceFiles(design: Design, from = 0, to?: number): GeneratedFile[] {
  const wirings = wireServices(design);
  return wirings.slice(from, to).flatMap((w) => {
    // an imported service runs its own image or builds its own context: no stub over it
    if (keepsOwnContainer(w.node)) return [];
    const stub = STUBS[w.runtime] ?? placeholderStub;
    const files = stub(stubContext(design, w, wirings));
    const base = `services/${dnsLabel(w.node.name)}/`;
    return files.map((f) => ({ path: base + f.path, content: f.content }));
  });
}

/** Whether a node runs the image or build its imported compose entry names, not a generated stub. */
export function keepsOwnContainer(node: DesignNode): boolean {
  const c = node.origin?.compose;
  return c !== undefined && (c.build !== undefined || c.image !== undefined);
}

/**
 * The whole exported project: README.md and Makefile, compose.yaml (with the gateway and frontend
 * configs), k8s/, proto/, openapi/, asyncapi.yaml and `services/<dns>/` for every service, sorted
 * by path. Pure and deterministic. Throws `ProjectPathError` if a generator breaks the path rules.
 */
export function generateProject(design: Design): GeneratedFile[] {
  const rest = [
    ...generateCompose(design),
    ...generateKubernetes(design),
    ...generateHelm(design),
    ...generateProto(design),
    ...generateOpenApi(design),
    ...generateAsyncApi(design),
    ...serviceFiles(design),
  ];
  // sorted once here: the final sort then meets runs already in order, which it merges cheaply
  rest.sort(byPath);
  const paths = rest.map((f) => f.path);
  return assembleFiles([...generateDocs(design, paths), ...rest]);
}

/** The file name of a design's zip: `<dns label of the project name>.zip`. */
export function projectFileName(design: Design): string {
  return `${dnsLabel(design.name, 'project')}.zip`;
}

/**
 * The generated files that belong to one node, for the preview of a selected node: its service
 * folder, its OpenAPI document, its .proto, its Kubernetes manifests, its gateway or frontend
 * config. A `k8s/<dns>-…` file belongs to the node with the longest matching DNS label, so
 * `orders` does not claim `orders-db`'s manifests. Unknown node: an empty list.
 */
export function filesForNode(design: Design, nodeId: string, files: readonly GeneratedFile[]): GeneratedFile[] {
  const node = design.nodes.find((n) => n.id === nodeId);
  if (!node) return [];
  const dns = dnsLabel(node.name);
  const others = design.nodes.map((n) => dnsLabel(n.name)).filter((d) => d !== dns && d.startsWith(`${dns}-`));
  const proto = isRuntime(node.kind) ? `proto/${protoRelPath(design, node)}` : null;
  const owns = (path: string): boolean => {
    const k8s = /^(?:k8s|helm\/templates)\/([^/]+)\.ya?ml$/.exec(path);
    if (k8s) {
      const stem = k8s[1] ?? '';
      if (stem !== dns && !stem.startsWith(`${dns}-`)) return false;
      return !others.some((o) => stem === o || stem.startsWith(`${o}-`));
    }
    return (
      path.startsWith(`services/${dns}/`) ||
      path.startsWith(`gateway/${dns}/`) ||
      path.startsWith(`frontend/${dns}/`) ||
      path === `openapi/${dns}.yaml` ||
      path === proto
    );
  };
  return files.filter((f) => owns(f.path));
}
