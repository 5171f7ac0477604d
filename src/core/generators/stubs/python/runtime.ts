import type { StubPlan } from './plan';

/** `app/plumbing/runtime.py`: starts what runs beside the HTTP server (gRPC server, consumers). */
export function runtimePy(p: StubPlan): string {
  return `"""Starts the gRPC server and the consumers beside the HTTP server. Generated: do not edit."""

from __future__ import annotations

import logging
import threading
from typing import Any

from . import config, messaging

log = logging.getLogger(__name__)

_lock = threading.Lock()
_started = False
_grpc_server: Any = None


def start() -> None:
    """Starts once; never blocks: consumers connect in the background, retrying until brokers are up."""
    global _started, _grpc_server
    with _lock:
        if _started:
            return
        _started = True
        if config.SERVES_GRPC:
            from . import grpc_server

            _grpc_server = grpc_server.serve()
        messaging.start_consumers()
        log.info("%s started (${p.language} / ${p.framework})", config.service_name())


def stop() -> None:
    with _lock:
        if _grpc_server is not None:
            from . import grpc_server

            grpc_server.HEALTH.enter_graceful_shutdown()
            _grpc_server.stop(grace=2)
`;
}

/** \`gen_proto.py\`: generates the Python code of every .proto under proto/ into protogen/. */
export const GEN_PROTO_PY = `"""Generates the gRPC code of every .proto under proto/ into protogen/ (a build step).

The Dockerfile and a native build both run \`python gen_proto.py\` after installing
requirements.txt. The proto root is mapped to the package \`protogen\`, so the generated modules
import each other as \`protogen.<project>.<service>.v1\` and can never shadow another package.
"""

from __future__ import annotations

import pathlib
import sys


def main() -> int:
    root = pathlib.Path(__file__).resolve().parent
    protos = sorted(p.relative_to(root).as_posix() for p in (root / "proto").rglob("*.proto"))
    if not protos:
        print("gen_proto: no .proto files, nothing to generate")
        return 0
    import grpc_tools
    from grpc_tools import protoc

    well_known = pathlib.Path(grpc_tools.__file__).resolve().parent / "_proto"
    args = ["grpc_tools.protoc", "-Iprotogen=proto", f"-I{well_known}", "--python_out=.", "--grpc_python_out=.", *protos]
    import os

    os.chdir(root)
    code = protoc.main(args)
    if code != 0:
        print(f"gen_proto: protoc failed with exit code {code}", file=sys.stderr)
        return int(code)
    print(f"gen_proto: generated {len(protos)} file(s) into protogen/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;
