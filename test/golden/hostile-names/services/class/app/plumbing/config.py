"""The links of this service, as the design declares them. Generated: regenerate, do not edit.

Every address is read from an environment variable, which compose.yaml and the Kubernetes
ConfigMap set; nothing here names a host.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from typing import Any

LANGUAGE = "Python"
FRAMEWORK = "Flask"
DEFAULT_SERVICE_NAME = "class"
DEFAULT_PORT = 5000
DEFAULT_GRPC_PORT = 50051
SERVES_GRPC = False
#: Seconds a broker or database operation may take before it counts as failed.
TIMEOUT = 5.0


def call_timeout(hop_len: int) -> float:
    """Seconds a call to another service may take: more the nearer the call is to the entry, so
    that a slow link deep in the tree shows up as failed there, not as a time-out of every caller
    above it (each hop waits a second longer than the one below, down to TIMEOUT + 1)."""
    return TIMEOUT + max(1, 8 - hop_len)


_http_client: Any = None
_http_lock = threading.Lock()


def http_client() -> Any:
    """The service's one HTTP client (httpx, thread-safe), made on first use: its pool keeps the
    connections to the REST targets open from one call to the next, instead of a new client and
    connection per call."""
    global _http_client
    with _http_lock:
        if _http_client is None:
            import httpx

            _http_client = httpx.Client(limits=httpx.Limits(max_connections=None, max_keepalive_connections=64))
        return _http_client


def service_name() -> str:
    return os.environ.get("SERVICE_NAME") or DEFAULT_SERVICE_NAME


def http_port() -> int:
    return int(os.environ.get("PORT") or DEFAULT_PORT)


def grpc_port() -> int:
    return int(os.environ.get("GRPC_PORT") or DEFAULT_GRPC_PORT)


def env(name: str) -> str:
    """The value of an address variable; raises when it is not set, so a call reports why."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise RuntimeError(f"{name} is not set")
    return value


@dataclass(frozen=True)
class RestLink:
    target: str
    env: str
    #: Name of the client instance in plumbing.rest_clients.
    client: str = ""
    #: Whether the target reads the typed contracts too: /ping then exercises every endpoint the link uses.
    typed: bool = False


@dataclass(frozen=True)
class GrpcLink:
    target: str
    env: str
    #: Name of the client instance in plumbing.grpc_clients, empty when the target serves no gRPC.
    client: str
    #: Whether the target reads the typed contracts too: /ping then exercises every RPC the link uses.
    typed: bool = False


@dataclass(frozen=True)
class QueueLink:
    broker: str
    kind: str
    env: str
    topic: str
    #: The sample of the channel's message: the payload published, and what a consumer expects.
    payload: Any = field(default_factory=dict)
    #: The Celery queues of the workers that consume this topic: each gets a task named after it.
    celery: tuple[str, ...] = ()
    #: Whether the plain message is published too (for the consumers that are not Celery workers).
    plain: bool = True


@dataclass(frozen=True)
class DatabaseLink:
    target: str
    kind: str
    env: str


REST_LINKS: list[RestLink] = [
    RestLink(target="img-src-x-onerror-alert-1", env="IMG_SRC_X_ONERROR_ALERT_1_URL", client="img_src_x_onerror_alert_1_rest", typed=True),
]

GRPC_LINKS: list[GrpcLink] = [

]

PUBLISHES: list[QueueLink] = [

]

SUBSCRIBES: list[QueueLink] = [

]

DATABASES: list[DatabaseLink] = [

]
