/** Loads the service definitions of proto/ (copied from the project) at start. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';

/** proto/ next to dist/ and src/: the compiled file is dist/plumbing/protos.js. */
const PROTO_ROOT = fileURLToPath(new URL('../../proto/', import.meta.url));

/** The package definition of .proto files of proto/ (or of `includeDirs`), as the stubs load them. */
export function loadDefinition(protoPaths: string[], includeDirs: string[] = []): protoLoader.PackageDefinition {
  return protoLoader.loadSync(protoPaths, {
    includeDirs: [PROTO_ROOT, ...includeDirs],
    keepCase: true,
    longs: Number,
    enums: String,
    defaults: true,
  });
}

/** The client constructor (and service definition) of a fully qualified gRPC service. */
export function loadService(protoPath: string, fullName: string): grpc.ServiceClientConstructor {
  let node: unknown = grpc.loadPackageDefinition(loadDefinition([protoPath]));
  for (const part of fullName.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'function') throw new Error(`${fullName} is not in ${protoPath}`);
  return node as grpc.ServiceClientConstructor;
}
