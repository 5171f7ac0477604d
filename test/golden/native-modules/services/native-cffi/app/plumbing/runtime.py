"""Starts the gRPC server and the consumers beside the HTTP server. Generated: do not edit."""

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
        log.info("%s started (Python / FastAPI)", config.service_name())


def stop() -> None:
    with _lock:
        if _grpc_server is not None:
            from . import grpc_server

            grpc_server.HEALTH.enter_graceful_shutdown()
            _grpc_server.stop(grace=2)
