"""Typed gRPC clients of the services this one calls. Generated: do not edit.

Use them from app/handlers.py, e.g. `from .plumbing.grpc_clients import cafe_grpc`.
"""

from __future__ import annotations

import threading
from typing import Any

import grpc

import protogen.rmrfetc.cafe.v1.cafe_pb2 as _pb_0
import protogen.rmrfetc.cafe.v1.cafe_pb2_grpc as _pb_grpc_0

from . import config


class CafeGrpcClient:
    """gRPC client of rmrfetc.cafe.v1.CafeService at ${CAFE_GRPC_ADDR}."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stub_obj: Any = None

    def _stub(self) -> Any:
        with self._lock:
            if self._stub_obj is None:
                channel = grpc.insecure_channel(config.env("CAFE_GRPC_ADDR"))
                self._stub_obj = _pb_grpc_0.CafeServiceStub(channel)
            return self._stub_obj

    def ping(self, path: list[str], timeout: float = config.TIMEOUT) -> str:
        """The contract's Ping: returns the target's tree as JSON text."""
        return str(self._stub().Ping(_pb_0.PingRequest(path=path), timeout=timeout).tree_json)

    def ping_call(self, x: str = "") -> dict[str, Any]:
        """Calls PingCall on cafe."""
        resp = self._stub().PingCall(_pb_0.PingCallRequest(x=x), timeout=config.TIMEOUT)
        return {"y": resp.y}

    def delete_everything(self, from_value: str = "", path_value: str = "", class_value: str = "", quoted_field: str = "", naive_field: float = 0.0, field_1st: int = 0, service_value: bool = False) -> dict[str, Any]:
        """Calls DeleteEverything on cafe."""
        resp = self._stub().DeleteEverything(_pb_0.DeleteEverythingRequest(from_value=from_value, path_value=path_value, class_value=class_value, quoted_field=quoted_field, naive_field=naive_field, field_1st=field_1st, service_value=service_value), timeout=config.TIMEOUT)
        return {"from_value": resp.from_value, "path_value": resp.path_value, "class_value": resp.class_value, "quoted_field": resp.quoted_field, "naive_field": resp.naive_field, "field_1st": resp.field_1st, "service_value": resp.service_value}

    def ping_request(self) -> dict[str, Any]:
        """Calls PingRequest on cafe."""
        resp = self._stub().PingRequest(_pb_0.PingRequestRequest(), timeout=config.TIMEOUT)
        return {}


cafe_grpc = CafeGrpcClient()
