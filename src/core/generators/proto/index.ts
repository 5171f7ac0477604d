import { wireServices } from '../../model/wiring';
import type { Design } from '../../model/types';
import type { GeneratedFile } from '../types';
import { protoForService } from './proto';

export { protoForService, protoRelPath } from './proto';

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
 * The proto module of the export: one `.proto` per service that serves gRPC, under
 * `proto/<project>/<service>/v1/`, plus `buf.yaml` and `buf.gen.yaml`. A design in which no
 * service serves gRPC gets no `proto/` folder at all: buf refuses a module without .proto files,
 * so an empty one would only give the user a failing `buf lint`.
 */
export function generateProto(design: Design): GeneratedFile[] {
  const files = wireServices(design)
    .filter((w) => w.servesGrpc)
    .map((w) => protoForService(design, w))
    .map((f) => ({ path: `${PROTO_ROOT}/${f.path}`, content: f.content }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (files.length === 0) return [];
  return [
    { path: `${PROTO_ROOT}/buf.yaml`, content: BUF_YAML },
    { path: `${PROTO_ROOT}/buf.gen.yaml`, content: BUF_GEN_YAML },
    ...files,
  ];
}
