import { RPC_KIND_WORDS, rpcKind, sampleOfType, type GrpcContract, type RpcContract } from '../../../model/contracts';
import { lit, type GrpcTarget, type StubPlan } from './plan';
import { pyLiteral, WK_IMPORTS } from './typed';

/** The Python module of a proto's generated code: `protogen.<pkg>.<svc>.v1.<svc>_pb2`. */
export { pbModulePath as pbModule } from './typed';

/** The handler function of each own RPC in app/handlers.py: `rpc_<rpc>` (`rpc_<service>_<rpc>` with several services). */
export function rpcHandlerNames(p: StubPlan): Map<RpcContract, string> {
  const out = new Map<RpcContract, string>();
  const taken = new Set<string>();
  for (const s of p.services)
    for (const r of s.rpcs) {
      let n = p.services.length > 1 ? `rpc_${s.names.snake}_${r.names.snake}` : `rpc_${r.names.snake}`;
      while (taken.has(n)) n = `${n}_`;
      taken.add(n);
      out.set(r, n);
    }
  return out;
}

/** The handlers of the own RPCs, typed, with a TODO body answering the sample (app/handlers.py). */
export function rpcHandlersPy(p: StubPlan): string {
  const names = rpcHandlerNames(p);
  return p.services
    .flatMap((s) =>
      s.rpcs.map((r) => {
        const req = p.pb.cls(r.request);
        const res = p.pb.cls(r.response);
        const kind = rpcKind(r);
        const streamIn = kind === 'client' || kind === 'bidi';
        const streamOut = kind === 'server' || kind === 'bidi';
        const arg = streamIn ? `requests: Iterator[${req}]` : `request: ${req}`;
        const ret = streamOut ? `Iterator[${res}]` : res;
        const sample = `json_format.ParseDict(${pyLiteral(sampleOfType(r.response))}, ${res}())`;
        const body = streamOut
          ? `    ${streamIn ? 'for _request in requests:\n        ' : ''}yield ${sample}`
          : `    ${streamIn ? 'for _request in requests:\n        pass\n    ' : ''}return ${sample}`;
        return `

def ${names.get(r) ?? 'rpc'}(${arg}, context: grpc.ServicerContext) -> ${ret}:
    """gRPC ${s.fullName}/${r.name} (${RPC_KIND_WORDS[kind]})."""
    # TODO: replace the sample data with your logic.
${body}
`;
      }),
    )
    .join('');
}

function servicerPy(p: StubPlan, s: GrpcContract, i: number): string {
  const names = rpcHandlerNames(p);
  const methods = s.rpcs.map((r) => {
    const req = p.pb.cls(r.request);
    const res = p.pb.cls(r.response);
    const reqS = `exercise.pb_of(${req}, ${pyLiteral(sampleOfType(r.request))})`;
    const resS = `exercise.pb_of(${res}, ${pyLiteral(sampleOfType(r.response))})`;
    const fn = `handlers.${names.get(r) ?? 'rpc'}`;
    const n = lit(r.name);
    switch (rpcKind(r)) {
      case 'unary':
        return `
    def ${r.name}(self, request: ${req}, context: grpc.ServicerContext) -> ${res}:
        if exercise.grpc_requested(context):
            exercise.grpc_check(context, ${n}, ${reqS}, request)
            return ${resS}
        return ${fn}(request, context)
`;
      case 'server':
        return `
    def ${r.name}(self, request: ${req}, context: grpc.ServicerContext) -> Iterator[${res}]:
        if exercise.grpc_requested(context):
            exercise.grpc_check(context, ${n}, ${reqS}, request)
            yield ${resS}
            yield ${resS}
            return
        yield from ${fn}(request, context)
`;
      case 'client':
        return `
    def ${r.name}(self, request_iterator: Iterator[${req}], context: grpc.ServicerContext) -> ${res}:
        if exercise.grpc_requested(context):
            exercise.grpc_check_stream(context, ${n}, ${reqS}, list(request_iterator))
            return ${resS}
        return ${fn}(request_iterator, context)
`;
      case 'bidi':
        return `
    def ${r.name}(self, request_iterator: Iterator[${req}], context: grpc.ServicerContext) -> Iterator[${res}]:
        if exercise.grpc_requested(context):
            seen = 0
            for request in request_iterator:
                exercise.grpc_check(context, ${n}, ${reqS}, request)
                seen += 1
                yield ${resS}
            if seen != 2:
                exercise.grpc_check_stream(context, ${n}, ${reqS}, [None] * seen)
            return
        yield from ${fn}(request_iterator, context)
`;
    }
  });
  // the compatibility layer's in-service Ping, for callers whose stubs are not converted yet
  const legacy =
    p.legacyService === s.fullName && !s.rpcs.some((r) => r.name === 'Ping')
      ? `
    def Ping(self, request: Any, context: grpc.ServicerContext) -> Any:
        """The in-service Ping of the compatibility layer, for callers not converted yet."""
        return ${p.pb.pb(s.file)}.PingResponse(tree_json=json.dumps(ping.tree(list(request.path))))
`
      : '';
  return `

class _Service${i}(${p.pb.grpc(s.file)}.${s.name}Servicer):
    """${s.fullName}: the RPC bodies live in app/handlers.py."""
${methods.join('')}${legacy}`;
}

/** `app/plumbing/grpc_server.py`: the node's gRPC services, the ping contract, health and reflection. */
export function grpcServerPy(p: StubPlan): string {
  if (!p.own) return '';
  const services = p.services;
  const legacyGeneric = p.legacyService !== null && !services.some((s) => s.fullName === p.legacyService);
  const names = [...services.map((s) => s.fullName), 'polyglot.ping.v1.PingService'];
  return `"""The gRPC server of ${p.dns}. Generated: do not edit; the RPC bodies live in app/handlers.py.

It serves the node's gRPC services (every RPC, streaming ones too), polyglot.ping.v1.PingService,
grpc.health.v1.Health and server reflection.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from concurrent import futures
from typing import Any

import grpc
${WK_IMPORTS.join('\n')}
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

${p.pb.imports(true).join('\n')}

from .. import handlers
from . import config, exercise, ping, ready

log = logging.getLogger(__name__)
${services.map((s, i) => servicerPy(p, s, i)).join('\n')}


class _PingService(ping_pb2_grpc.PingServiceServicer):
    """polyglot.ping.v1.PingService: the /ping tree over gRPC."""

    def Ping(self, request: Any, context: grpc.ServicerContext) -> Any:
        return ping_pb2.PingResponse(tree_json=json.dumps(ping.tree(list(request.path))))


#: The standard health service (grpc.health.v1.Health): Kubernetes \`grpc:\` probes and grpcurl ask it.
HEALTH = health.HealthServicer()
_SERVICES = (${names.map(lit).join(', ')}, "")


def _track_readiness() -> None:
    """Health follows /readyz: SERVING while every broker and database answers, else NOT_SERVING."""
    while True:
        serving = not ready.unreachable()
        status = health_pb2.HealthCheckResponse.SERVING if serving else health_pb2.HealthCheckResponse.NOT_SERVING
        for name in _SERVICES:
            HEALTH.set(name, status)
        time.sleep(2)

${
  legacyGeneric
    ? `
def _legacy_ping(request: Any, context: grpc.ServicerContext) -> Any:
    return ping_pb2.PingResponse(tree_json=json.dumps(ping.tree(list(request.path))))


#: The compatibility layer's in-service Ping (${p.legacyService}/Ping), for callers not converted yet.
_LEGACY_PING = grpc.method_handlers_generic_handler(
    ${lit(p.legacyService ?? '')},
    {
        "Ping": grpc.unary_unary_rpc_method_handler(
            _legacy_ping,
            request_deserializer=ping_pb2.PingRequest.FromString,
            response_serializer=ping_pb2.PingResponse.SerializeToString,
        )
    },
)
`
    : ''
}
def serve() -> grpc.Server:
    """Starts the gRPC server on GRPC_PORT in its own threads and returns it."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
${services.map((s, i) => `    ${p.pb.grpc(s.file)}.add_${s.name}Servicer_to_server(_Service${i}(), server)`).join('\n')}
    ping_pb2_grpc.add_PingServiceServicer_to_server(_PingService(), server)
${legacyGeneric ? '    server.add_generic_rpc_handlers((_LEGACY_PING,))\n' : ''}    for name in _SERVICES:
        HEALTH.set(name, health_pb2.HealthCheckResponse.NOT_SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(HEALTH, server)
    reflection.enable_server_reflection(
        (*_SERVICES[:-1], health_pb2.DESCRIPTOR.services_by_name["Health"].full_name, reflection.SERVICE_NAME),
        server,
    )
    server.add_insecure_port(f"[::]:{config.grpc_port()}")
    server.start()
    threading.Thread(target=_track_readiness, name="grpc-health", daemon=True).start()
    log.info("gRPC %s listening on %s (with health and reflection)", ", ".join(_SERVICES[:-1]), config.grpc_port())
    return server
`;
}

/** Method names of a target's used RPCs in its client, unique. */
function clientMethodNames(g: GrpcTarget): Map<RpcContract, string> {
  const out = new Map<RpcContract, string>();
  const taken = new Set(['ping', 'exercise']);
  for (const r of g.used) {
    let n = r.names.snake;
    while (taken.has(n) || n.startsWith('_')) n = `${n}_`;
    taken.add(n);
    out.set(r, n);
  }
  return out;
}

function clientPy(p: StubPlan, g: GrpcTarget): string {
  const names = clientMethodNames(g);
  const stubs = g.services.map((s) => `${p.pb.grpc(s.file)}.${s.name}Stub(channel)`);
  const stubOf = (r: RpcContract) => `self._stubs()[${g.services.indexOf(r.service)}]`;
  const methods = g.used.map((r) => {
    const req = p.pb.cls(r.request);
    const res = p.pb.cls(r.response);
    const k = rpcKind(r);
    const arg = k === 'client' || k === 'bidi' ? `requests: Iterable[${req}]` : `request: ${req}`;
    const ret = k === 'server' || k === 'bidi' ? `Iterator[${res}]` : res;
    return `
    def ${names.get(r) ?? 'call'}(self, ${arg}, timeout: float = config.TIMEOUT, metadata: Sequence[tuple[str, str]] = ()) -> ${ret}:
        """${r.service.fullName}/${r.name} on ${g.target} (${RPC_KIND_WORDS[k]})."""
        return ${stubOf(r)}.${r.name}(${arg.split(':')[0]}, timeout=timeout, metadata=metadata)
`;
  });
  const exercises = g.used.map((r) => {
    const req = `exercise.pb_of(${p.pb.cls(r.request)}, ${pyLiteral(sampleOfType(r.request))})`;
    const res = `exercise.pb_of(${p.pb.cls(r.response)}, ${pyLiteral(sampleOfType(r.response))})`;
    const call = `self.${names.get(r) ?? 'call'}`;
    const opts = 'timeout=timeout, metadata=exercise.METADATA';
    const run = {
      unary: `exercise.pb_diff(${res}, ${call}(${req}, ${opts}))`,
      server: `exercise.stream_diff(${res}, list(${call}(${req}, ${opts})))`,
      client: `exercise.pb_diff(${res}, ${call}(iter([${req}, ${req}]), ${opts}))`,
      bidi: `exercise.stream_diff(${res}, list(${call}(iter([${req}, ${req}]), ${opts})))`,
    }[rpcKind(r)];
    return `            exercise.method(${lit(r.name)}, lambda: ${run}),`;
  });
  const ping = g.typed
    ? `ping_pb2_grpc.PingServiceStub(self._channel()).Ping(ping_pb2.PingRequest(path=path), timeout=timeout)`
    : `self._channel().unary_unary(
            ${lit(g.legacyPing)},
            request_serializer=ping_pb2.PingRequest.SerializeToString,
            response_deserializer=ping_pb2.PingResponse.FromString,
        )(ping_pb2.PingRequest(path=path), timeout=timeout)`;
  return `

class ${g.className}:
    """gRPC client of ${g.services.map((s) => s.fullName).join(', ') || g.target} at \${${g.call.envVar}}."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._channel_obj: grpc.Channel | None = None
        self._stub_objs: list[Any] = []

    def _channel(self) -> grpc.Channel:
        with self._lock:
            if self._channel_obj is None:
                self._channel_obj = grpc.insecure_channel(config.env(${lit(g.call.envVar)}))
            return self._channel_obj

    def _stubs(self) -> list[Any]:
        channel = self._channel()
        with self._lock:
            if not self._stub_objs:
                self._stub_objs = [${stubs.join(', ')}]
            return self._stub_objs

    def ping(self, path: list[str], timeout: float = config.TIMEOUT) -> str:
        """The contract's Ping${g.typed ? ' (polyglot.ping.v1.PingService)' : ` (${g.target} is not converted to the typed contracts: its in-service Ping)`}: the target's tree as JSON text."""
        response = ${ping}
        return str(response.tree_json)
${methods.join('')}
    def exercise(self, timeout: float = config.TIMEOUT) -> list[dict[str, Any]]:
        """Calls every RPC this link uses with the sample request and checks the answers."""
        return [
${exercises.join('\n')}
        ]


${g.instance} = ${g.className}()`;
}

/** `app/plumbing/grpc_clients.py`: a typed client per outgoing gRPC link. */
export function grpcClientsPy(p: StubPlan): string {
  return `"""Typed gRPC clients of the services this one calls. Generated: do not edit.

Use them from app/handlers.py, e.g. \`from .plumbing.grpc_clients import ${p.grpc[0]?.instance ?? 'name_grpc'}\`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import grpc
${WK_IMPORTS.join('\n')}

${p.pb.imports(true).join('\n')}

from . import config, exercise
${p.grpc.map((g) => clientPy(p, g)).join('\n')}
`;
}
