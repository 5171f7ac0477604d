/** Loads the contract protos of proto/ (copied from the project) at start. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';

/** proto/ next to dist/ and src/: the compiled file is dist/plumbing/protos.js. */
const PROTO_ROOT = fileURLToPath(new URL('../../proto/', import.meta.url));

/** The contract files this service serves and calls, as in the project's proto/. */
export const CONTRACT_FILES: string[] = [
  "polyglot/ping/v1/ping.proto",
  "rmrfetc/anextremelylongservicenamethatkeepsgoing/v1/anextremelylongservicenamethatkeepsgoing.proto",
  "rmrfetc/cafe/v1/cafe.proto",
];

/** The package definition of .proto files of proto/ (or of `includeDirs`), as the stubs load them. */
export function loadDefinition(protoPaths: string[], includeDirs: string[] = []): protoLoader.PackageDefinition {
  return protoLoader.loadSync(protoPaths, {
    includeDirs: [PROTO_ROOT, ...includeDirs],
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
  });
}

let contracts: protoLoader.PackageDefinition | undefined;

/** The package definition of every contract file. */
export function contractDefinition(): protoLoader.PackageDefinition {
  return (contracts ??= loadDefinition(CONTRACT_FILES));
}

/** The service definition of a fully qualified gRPC service of the contract files. */
export function serviceDefinition(fullName: string): grpc.ServiceDefinition {
  const def = contractDefinition()[fullName];
  if (!def || typeof (def as { format?: unknown }).format === 'string') throw new Error(`${fullName} is not a gRPC service of the contract`);
  return def as grpc.ServiceDefinition;
}

/** A client constructor of a fully qualified gRPC service of the contract files. */
export function clientOf(fullName: string): grpc.ServiceClientConstructor {
  return grpc.makeGenericClientConstructor(serviceDefinition(fullName), fullName);
}
