import type { ContractField } from '../../../model/contracts';
import { lit, type StubPlan } from './plan';
import { freeName, pyType } from './pyvalues';

/** The Python module of a proto's generated code: `protogen.<pkg>.<svc>.v1.<svc>_pb2`. */
export function pbModule(protoPath: string, suffix: '_pb2' | '_pb2_grpc'): string {
  return `protogen.${protoPath
    .replace(/\.proto$/, '')
    .split('/')
    .join('.')}${suffix}`;
}

function dictOf(fields: readonly ContractField[], from: string): string {
  return `{${fields.map((f) => `${lit(f.name)}: ${from}.${f.name}`).join(', ')}}`;
}

/** `app/plumbing/grpc_server.py`: the service's gRPC server, Ping plus the declared RPCs. */
export function grpcServerPy(p: StubPlan): string {
  if (!p.own) return '';
  const methods = p.rpcs.map(
    (r) => `
    def ${r.name}(self, request: Any, context: Any) -> Any:
        result = handlers.rpc_${r.snake}(${dictOf(r.request, 'request')})
        return pb.${r.name}Response(**_known(result, ${lit(r.name)}, ${fieldTuple(r.response)}))
`,
  );
  return `"""The gRPC server of ${p.own.fullService}. Generated: do not edit; the RPC bodies live in app/handlers.py."""

from __future__ import annotations

import json
import logging
import threading
import time
from concurrent import futures
from typing import Any

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

import ${pbModule(p.own.protoPath, '_pb2')} as pb
import ${pbModule(p.own.protoPath, '_pb2_grpc')} as pb_grpc

from .. import handlers
from . import config, ping, ready

log = logging.getLogger(__name__)


def _known(result: dict[str, Any], rpc: str, fields: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(result) - set(fields)
    if unknown:
        log.warning("%s: ignoring fields not in the contract: %s", rpc, sorted(unknown))
    return {k: v for k, v in result.items() if k in fields}


class _Servicer(pb_grpc.${p.own.service}Servicer):
    def Ping(self, request: Any, context: Any) -> Any:
        return pb.PingResponse(tree_json=json.dumps(ping.tree(list(request.path))))
${methods.join('')}

#: The standard health service (grpc.health.v1.Health): Kubernetes \`grpc:\` probes and grpcurl ask it.
HEALTH = health.HealthServicer()
_SERVICES = (${lit(p.own.fullService)}, "")


def _track_readiness() -> None:
    """Health follows /readyz: SERVING while every broker and database answers, else NOT_SERVING."""
    while True:
        serving = not ready.unreachable()
        status = health_pb2.HealthCheckResponse.SERVING if serving else health_pb2.HealthCheckResponse.NOT_SERVING
        for name in _SERVICES:
            HEALTH.set(name, status)
        time.sleep(2)


def serve() -> grpc.Server:
    """Starts the gRPC server on GRPC_PORT in its own threads and returns it."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    pb_grpc.add_${p.own.service}Servicer_to_server(_Servicer(), server)
    for name in _SERVICES:
        HEALTH.set(name, health_pb2.HealthCheckResponse.NOT_SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(HEALTH, server)
    reflection.enable_server_reflection(
        (
            pb.DESCRIPTOR.services_by_name[${lit(p.own.service)}].full_name,
            health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
            reflection.SERVICE_NAME,
        ),
        server,
    )
    server.add_insecure_port(f"[::]:{config.grpc_port()}")
    server.start()
    threading.Thread(target=_track_readiness, name="grpc-health", daemon=True).start()
    log.info("gRPC ${p.own.fullService} listening on %s (with health and reflection)", config.grpc_port())
    return server
`;
}

function fieldTuple(fields: readonly ContractField[]): string {
  if (fields.length === 0) return '()';
  return `(${fields.map((f) => lit(f.name)).join(', ')},)`;
}

/** `app/plumbing/grpc_clients.py`: a typed client per outgoing gRPC link. */
export function grpcClientsPy(p: StubPlan): string {
  const imports = p.grpc.map(
    (g, i) =>
      `import ${pbModule(g.protoPath, '_pb2')} as _pb_${i}\nimport ${pbModule(g.protoPath, '_pb2_grpc')} as _pb_grpc_${i}`,
  );
  const classes = p.grpc.map((g, i) => {
    const methods = g.rpcs.map((r) => {
      const args = r.request.map((f) => `${freeName(f.name, ['self'])}: ${pyType(f.type)} = ${zero(f.type)}`);
      const kw = r.request.map((f) => `${f.name}=${freeName(f.name, ['self'])}`).join(', ');
      return `
    def ${r.snake}(self${args.map((a) => `, ${a}`).join('')}) -> dict[str, Any]:
        """Calls ${r.name} on ${g.target}."""
        resp = self._stub().${r.name}(_pb_${i}.${r.name}Request(${kw}), timeout=config.TIMEOUT)
        return ${dictOf(r.response, 'resp')}
`;
    });
    return `

class ${g.className}:
    """gRPC client of ${g.fullService} at \${${g.call.envVar}}."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stub_obj: Any = None

    def _stub(self) -> Any:
        with self._lock:
            if self._stub_obj is None:
                channel = grpc.insecure_channel(config.env(${lit(g.call.envVar)}))
                self._stub_obj = _pb_grpc_${i}.${g.service}Stub(channel)
            return self._stub_obj

    def ping(self, path: list[str], timeout: float = config.TIMEOUT) -> str:
        """The contract's Ping: returns the target's tree as JSON text."""
        return str(self._stub().Ping(_pb_${i}.PingRequest(path=path), timeout=timeout).tree_json)
${methods.join('')}

${g.instance} = ${g.className}()`;
  });
  return `"""Typed gRPC clients of the services this one calls. Generated: do not edit.

Use them from app/handlers.py, e.g. \`from .plumbing.grpc_clients import ${p.grpc[0]?.instance ?? 'name_grpc'}\`.
"""

from __future__ import annotations

import threading
from typing import Any

import grpc

${imports.join('\n')}

from . import config
${classes.join('\n')}
`;
}

function zero(t: ContractField['type']): string {
  return t === 'string' ? '""' : t === 'int' ? '0' : t === 'float' ? '0.0' : 'False';
}
