import type { Design } from '../../model/types';
import type { GeneratedFile } from '../types';
import { runSteps, type Steps } from '../../steps';
import { protoLayout } from './layout';
import { PING_PROTO, PING_PROTO_PATH } from './ping';
import { writeProtoFile } from './write';

export { protoForService, protoRelPath } from './legacy';
export { protoLayout, type ProtoFileLayout } from './layout';
export { LEGACY_IN_SERVICE_PING, PING_PROTO, PING_PROTO_PATH, PING_SERVICE } from './ping';

/** The root of the proto module inside the exported project. */
export const PROTO_ROOT = 'proto';

/**
 * buf v2 workspace config. STANDARD lint is what the generated files are held to; FILE is the
 * strictest breaking-change category, so a user sees every change that breaks generated code.
 */
export const BUF_YAML = [
  '# buf configuration: https://buf.build/docs/configuration/v2/buf-yaml',
  'version: v2',
  'modules:',
  '  - path: "."',
  'lint:',
  '  use:',
  '    - STANDARD',
  '  # google.protobuf.Empty may be the request or answer of several RPCs, as teams often use it',
  '  rpc_allow_google_protobuf_empty_requests: true',
  '  rpc_allow_google_protobuf_empty_responses: true',
  'breaking:',
  '  use:',
  '    - FILE',
  '',
].join('\n');

/**
 * buf v2 code generation config for the languages of the exported stubs. Remote plugins run on
 * the Buf Schema Registry, so `buf generate` needs no local protoc plugins; the stubs themselves
 * generate their code at build time with their own toolchains and do not depend on this file.
 */
export const BUF_GEN_YAML = [
  '# Code generation: run `buf generate` in this folder (needs network access to buf.build).',
  '# Remote plugins without a version use the newest one; pin them (e.g. `:v1.36.6`) to match',
  '# the protobuf and gRPC library versions your services use.',
  'version: v2',
  'clean: true',
  'plugins:',
  '  - remote: buf.build/protocolbuffers/go',
  '    out: gen/go',
  '    opt: paths=source_relative',
  '  - remote: buf.build/grpc/go',
  '    out: gen/go',
  '    opt: paths=source_relative',
  '  - remote: buf.build/protocolbuffers/python',
  '    out: gen/python',
  '  - remote: buf.build/protocolbuffers/pyi',
  '    out: gen/python',
  '  - remote: buf.build/grpc/python',
  '    out: gen/python',
  '  - remote: buf.build/protocolbuffers/java',
  '    out: gen/java',
  '  - remote: buf.build/grpc/java',
  '    out: gen/java',
  '',
].join('\n');

/**
 * The proto module of the export: the `.proto` files of every gRPC service and the types they use
 * (one file per package, or the files imported contracts came from), the ping contract every gRPC
 * server serves (`polyglot/ping/v1/ping.proto`), `buf.yaml` and `buf.gen.yaml`. A design without
 * gRPC and without imported types gets no `proto/` folder at all: buf refuses a module without
 * .proto files, so an empty one would only give the user a failing `buf lint`.
 */
export function generateProto(design: Design): GeneratedFile[] {
  return runSteps(protoSteps(design));
}

/** `generateProto` in steps: the layout, then one per `.proto` file written. */
export function* protoSteps(design: Design): Steps<GeneratedFile[]> {
  return [...(yield* protoModuleSteps(design)).files];
}

interface ProtoModule {
  files: readonly GeneratedFile[];
  /** Relative path (under the proto root) -> the file and what it imports from the module. */
  byPath: ReadonlyMap<string, { file: GeneratedFile; imports: readonly string[] }>;
  /** Node id -> the files of its gRPC services. */
  ofNode: ReadonlyMap<string, readonly string[]>;
}

const modules = new WeakMap<Design, ProtoModule>();

/**
 * The `.proto` files a service's code needs, relative to the proto root: the files of its own gRPC
 * services and of those it calls, everything they import from the module, and the ping contract.
 * (`google/protobuf/*.proto` come with every protobuf toolchain and are not included.)
 */
export function protoFilesFor(design: Design, nodeIds: readonly string[]): GeneratedFile[] {
  const m = protoModule(design);
  const wanted = new Set<string>(m.byPath.has(PING_PROTO_PATH) ? [PING_PROTO_PATH] : []);
  const queue = nodeIds.flatMap((id) => m.ofNode.get(id) ?? []);
  while (queue.length > 0) {
    const path = queue.pop() ?? '';
    if (wanted.has(path) || !m.byPath.has(path)) continue;
    wanted.add(path);
    queue.push(...(m.byPath.get(path)?.imports ?? []));
  }
  return [...wanted].sort().flatMap((p) => {
    const f = m.byPath.get(p)?.file;
    return f ? [{ path: p, content: f.content }] : [];
  });
}

function protoModule(design: Design): ProtoModule {
  return runSteps(protoModuleSteps(design));
}

function* protoModuleSteps(design: Design): Steps<ProtoModule> {
  const known = modules.get(design);
  if (known) return known;
  const m = yield* buildModule(design);
  modules.set(design, m);
  return m;
}

function* buildModule(design: Design): Steps<ProtoModule> {
  const layout = protoLayout(design);
  const byPath = new Map<string, { file: GeneratedFile; imports: readonly string[] }>();
  const ofNode = new Map<string, string[]>();
  for (const f of layout) {
    yield;
    byPath.set(f.path, { file: { path: f.path, content: writeProtoFile(design, f) }, imports: f.imports });
    for (const s of f.services) ofNode.set(s.node.id, [...(ofNode.get(s.node.id) ?? []), f.path]);
  }
  if (layout.some((f) => f.services.length > 0))
    byPath.set(PING_PROTO_PATH, { file: { path: PING_PROTO_PATH, content: PING_PROTO }, imports: [] });
  if (byPath.size === 0) return { files: [], byPath, ofNode };
  const files = [...byPath.values()]
    .map(({ file }) => ({ path: `${PROTO_ROOT}/${file.path}`, content: file.content }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    files: [
      { path: `${PROTO_ROOT}/buf.yaml`, content: BUF_YAML },
      { path: `${PROTO_ROOT}/buf.gen.yaml`, content: BUF_GEN_YAML },
      ...files,
    ],
    byPath,
    ofNode,
  };
}
