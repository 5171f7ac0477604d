/** Loads the service definitions of proto/ (copied from the project) at start. Generated: do not edit. */

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';

/** proto/ next to dist/ and src/: the compiled file is dist/plumbing/protos.js. */
const PROTO_ROOT = fileURLToPath(new URL('../../proto/', import.meta.url));

/** The client constructor (and service definition) of a fully qualified gRPC service. */
export function loadService(protoPath: string, fullName: string): grpc.ServiceClientConstructor {
  const definition = protoLoader.loadSync(protoPath, {
    includeDirs: [PROTO_ROOT],
    keepCase: true,
    longs: Number,
    enums: String,
    defaults: true,
  });
  let node: unknown = grpc.loadPackageDefinition(definition);
  for (const part of fullName.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'function') throw new Error(`${fullName} is not in ${protoPath}`);
  return node as grpc.ServiceClientConstructor;
}
