import { serviceRpcs, type ContractField } from '../../model/contracts';
import { nodeProtoFile } from '../../model/packages';
import { packageSegment, protoPackage, protoServiceName } from '../../model/naming';
import type { Design, DesignNode } from '../../model/types';
import type { ServiceWiring } from '../../model/wiring';
import type { GeneratedFile } from '../types';

/**
 * COMPATIBILITY LAYER (see model/contracts/legacy.ts): the one self-contained `.proto` that the
 * stubs of design version 2 copy into their folder and compile. It has the service's derived
 * package and name, `Ping`, and the unary RPCs with the fields those stubs can carry, each with
 * its real number, so it stays wire-compatible with the real contract in `proto/`. For a design
 * migrated from version 2 it is the same text as the service's file in `proto/`.
 */

const PROTO_TYPES: Record<ContractField['type'], string> = {
  string: 'string',
  int: 'int64',
  float: 'double',
  bool: 'bool',
};

/** Where a service's own .proto lives, relative to the proto root (`proto/` in the export). */
export function protoRelPath(design: Design, node: DesignNode): string {
  return nodeProtoFile(design.name, node.name);
}

function message(name: string, fields: readonly ContractField[], comment: string): string {
  const body = fields.map((f) => `  ${PROTO_TYPES[f.type]} ${f.name} = ${f.number};`).join('\n');
  return `// ${comment}\n` + (body ? `message ${name} {\n${body}\n}` : `message ${name} {}`);
}

/** The stubs' .proto of one gRPC-serving service: `Ping` plus the RPCs the stubs can carry. */
export function protoForService(design: Design, w: ServiceWiring): GeneratedFile {
  const pkg = protoPackage(design.name, w.node.name);
  const svc = protoServiceName(w.node.name);
  const rpcs = serviceRpcs(w);
  // Inside a service, an RPC named like a message (`PingRequest`) shadows that message, so type
  // references are written fully qualified when such a name exists.
  const messages = new Set([
    'PingRequest',
    'PingResponse',
    ...rpcs.flatMap((r) => [`${r.name}Request`, `${r.name}Response`]),
  ]);
  const q = rpcs.some((r) => messages.has(r.name)) ? `.${pkg}.` : '';
  const lines = [
    'syntax = "proto3";',
    '',
    `package ${pkg};`,
    '',
    `// ${svc} is served by ${packageSegment(w.node.name)}.`,
    `service ${svc} {`,
    '  // Ping fans out over every outgoing link and returns the tree of who answered, as JSON.',
    `  rpc Ping(${q}PingRequest) returns (${q}PingResponse);`,
    ...rpcs.flatMap((r) => [
      `  // ${r.name} answers with sample data until its handler is implemented.`,
      `  rpc ${r.name}(${q}${r.name}Request) returns (${q}${r.name}Response);`,
    ]),
    '}',
    '',
    '// PingRequest carries the services the call has passed through, to stop loops.',
    'message PingRequest {\n  repeated string path = 1;\n}',
    '',
    '// PingResponse carries the answer tree as JSON text.',
    'message PingResponse {\n  string tree_json = 1;\n}',
    ...rpcs.flatMap((r) => [
      '',
      message(`${r.name}Request`, r.request, `${r.name}Request is the request of ${r.name}.`),
      '',
      message(`${r.name}Response`, r.response, `${r.name}Response is the answer of ${r.name}.`),
    ]),
    '',
  ];
  return { path: protoRelPath(design, w.node), content: lines.join('\n') };
}
