import type { Design } from '../../model/types';
import type { GrpcCall, ServiceWiring } from '../../model/wiring';
import type { GeneratedFile } from '../types';

/** Everything a runtime's stub generator needs to write one service. */
export interface StubContext {
  design: Design;
  wiring: ServiceWiring;
  /** The service's own .proto when it serves gRPC (path relative to the proto root). */
  ownProto: GeneratedFile | null;
  /** The .proto of each outgoing gRPC call's target (paths relative to the proto root). */
  targetProtos: { call: GrpcCall; file: GeneratedFile }[];
}

/**
 * A runtime's stub generator: the files of `services/<name>/`, with paths relative to that
 * folder. The build context of a service is its own folder, so the protos it needs are copied
 * into it (under `proto/`).
 */
export type StubGenerator = (ctx: StubContext) => GeneratedFile[];
