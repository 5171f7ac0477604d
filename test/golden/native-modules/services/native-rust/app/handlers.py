"""The code of native-rust that is yours to edit: REST endpoints, gRPC methods and the message hook.

The plumbing (HTTP server, /healthz, /ping, gRPC server, brokers, clients) lives in app/plumbing and
is generated: regenerating the project rewrites it but never needs to touch this file. The types
are generated too: REST bodies in app/models.py, gRPC messages from proto/ (protogen/).
"""

from __future__ import annotations

from typing import Any

from . import models  # noqa: F401
from .plumbing.exercise import Problem  # noqa: F401

# Typed clients of the services this one calls:
# from .plumbing.rest_clients import native_ctypes_rest
# from .plumbing.rest_clients import native_cffi_rest


def on_message(broker: str, topic: str, message: dict[str, Any]) -> None:
    """Called for each message consumed; `message` is the envelope {id, from, topic, path, payload}."""
    # TODO: react to the message. The plumbing already lists it under "received" in /ping.
    return None
