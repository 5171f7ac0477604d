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
  /**
   * The real contract files the service serves and calls, as in the export's `proto/` (paths
   * relative to the proto root): its own gRPC services' files, its targets', what they import,
   * and `polyglot/ping/v1/ping.proto`. `ownProto` and `targetProtos` are the compatibility
   * layer's single files (see model/contracts/legacy.ts); stubs that read the typed contracts
   * compile these instead.
   */
  contractProtos: GeneratedFile[];
}

/**
 * A runtime's stub generator: the files of `services/<name>/`, with paths relative to that
 * folder. The build context of a service is its own folder, so the protos it needs are copied
 * into it (under `proto/`).
 */
export type StubGenerator = (ctx: StubContext) => GeneratedFile[];
