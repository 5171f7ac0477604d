import { RUNTIMES, describeKind, isRuntime } from '../catalog/catalog';
import { designContracts } from '../model/contracts';
import type { Rule } from './types';

/** Checker rules about the contracts services serve. */
export const CONTRACT_RULES: readonly Rule[] = [
  {
    id: 'streaming-unsupported',
    severity: 'warning',
    title: 'A streaming RPC on a runtime whose stub cannot stream yet',
    why: 'The generated stub serves and calls only unary RPCs on this runtime, so a client of a streaming RPC gets UNIMPLEMENTED until someone writes it.',
    check(design) {
      const c = designContracts(design);
      const out: ReturnType<Rule['check']> = [];
      for (const n of design.nodes) {
        if (!isRuntime(n.kind) || RUNTIMES[n.kind].grpcStreaming) continue;
        const streaming = c.rpcs(n.id).filter((r) => r.clientStreaming || r.serverStreaming);
        if (streaming.length === 0) continue;
        const callers = design.links.filter((l) => l.kind === 'grpc' && l.target === n.id);
        out.push({
          message: `${n.name} (${describeKind(n.kind).label}) declares streaming RPCs its stub cannot serve yet: ${streaming
            .map(
              (r) =>
                `${r.name} (${r.clientStreaming && r.serverStreaming ? 'both ways' : r.clientStreaming ? 'client-streaming' : 'server-streaming'})`,
            )
            .join(', ')}.`,
          nodeIds: [n.id],
          linkIds: callers.map((l) => l.id),
        });
      }
      return out;
    },
  },
  {
    id: 'grpc-api-unsupported',
    severity: 'error',
    title: 'gRPC services on a runtime that cannot serve gRPC',
    why: 'The contract says the service answers gRPC, but its runtime has no gRPC server here: every call would fail.',
    check(design) {
      return design.nodes
        .filter((n) => isRuntime(n.kind) && !RUNTIMES[n.kind].grpc && (n.api?.grpc.length ?? 0) > 0)
        .map((n) => ({
          message: `${n.name} (${describeKind(n.kind).label}) declares gRPC services but cannot serve gRPC; serve them over REST or pick another runtime.`,
          nodeIds: [n.id],
          linkIds: [],
        }));
    },
  },
];
