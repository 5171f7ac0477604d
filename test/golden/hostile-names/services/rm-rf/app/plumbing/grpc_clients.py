"""Typed gRPC clients of the services this one calls. Generated: do not edit.

Use them from app/handlers.py, e.g. `from .plumbing.grpc_clients import cafe_grpc`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import grpc
from google.protobuf import any_pb2, duration_pb2, empty_pb2, field_mask_pb2, struct_pb2, timestamp_pb2, wrappers_pb2  # noqa: F401

import protogen.polyglot.ping.v1.ping_pb2 as ping_pb2
import protogen.polyglot.ping.v1.ping_pb2_grpc as ping_pb2_grpc
import protogen.rmrfetc.cafe.v1.cafe_pb2 as cafe_pb2
import protogen.rmrfetc.cafe.v1.cafe_pb2_grpc as cafe_pb2_grpc

from . import config, exercise


class CafeGrpcClient:
    """gRPC client of rmrfetc.cafe.v1.CafeService at ${CAFE_GRPC_ADDR}."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._channel_obj: grpc.Channel | None = None
        self._stub_objs: list[Any] = []

    def _channel(self) -> grpc.Channel:
        with self._lock:
            if self._channel_obj is None:
                self._channel_obj = grpc.insecure_channel(config.env("CAFE_GRPC_ADDR"))
            return self._channel_obj

    def _stubs(self) -> list[Any]:
        channel = self._channel()
        with self._lock:
            if not self._stub_objs:
                self._stub_objs = [cafe_pb2_grpc.CafeServiceStub(channel)]
            return self._stub_objs

    def ping(self, path: list[str], timeout: float = config.TIMEOUT) -> str:
        """The contract's Ping (polyglot.ping.v1.PingService): the target's tree as JSON text."""
        response = ping_pb2_grpc.PingServiceStub(self._channel()).Ping(ping_pb2.PingRequest(path=path), timeout=timeout)
        return str(response.tree_json)

    def ping_call(self, request: cafe_pb2.PingCallRequest, timeout: float = config.TIMEOUT, metadata: Sequence[tuple[str, str]] = ()) -> cafe_pb2.PingCallResponse:
        """rmrfetc.cafe.v1.CafeService/PingCall on cafe (unary)."""
        return self._stubs()[0].PingCall(request, timeout=timeout, metadata=metadata)

    def delete_everything(self, request: cafe_pb2.DeleteEverythingRequest, timeout: float = config.TIMEOUT, metadata: Sequence[tuple[str, str]] = ()) -> cafe_pb2.DeleteEverythingResponse:
        """rmrfetc.cafe.v1.CafeService/DeleteEverything on cafe (unary)."""
        return self._stubs()[0].DeleteEverything(request, timeout=timeout, metadata=metadata)

    def ping_request(self, request: cafe_pb2.PingRequestRequest, timeout: float = config.TIMEOUT, metadata: Sequence[tuple[str, str]] = ()) -> cafe_pb2.PingRequestResponse:
        """rmrfetc.cafe.v1.CafeService/PingRequest on cafe (unary)."""
        return self._stubs()[0].PingRequest(request, timeout=timeout, metadata=metadata)

    def exercise(self, timeout: float = config.TIMEOUT) -> list[dict[str, Any]]:
        """Calls every RPC this link uses with the sample request and checks the answers."""
        return [
            exercise.method("PingCall", lambda: exercise.pb_diff(exercise.pb_of(cafe_pb2.PingCallResponse, {"y": "y-sample"}), self.ping_call(exercise.pb_of(cafe_pb2.PingCallRequest, {"x": "x-sample"}), timeout=timeout, metadata=exercise.METADATA))),
            exercise.method("DeleteEverything", lambda: exercise.pb_diff(exercise.pb_of(cafe_pb2.DeleteEverythingResponse, {"from_value": "from_value-sample", "path_value": "path_value-sample", "class_value": "class_value-sample", "quoted_field": "quoted_field-sample", "naive_field": 5.5, "field_1st": 6, "service_value": True}), self.delete_everything(exercise.pb_of(cafe_pb2.DeleteEverythingRequest, {"from_value": "from_value-sample", "path_value": "path_value-sample", "class_value": "class_value-sample", "quoted_field": "quoted_field-sample", "naive_field": 5.5, "field_1st": 6, "service_value": True}), timeout=timeout, metadata=exercise.METADATA))),
            exercise.method("PingRequest", lambda: exercise.pb_diff(exercise.pb_of(cafe_pb2.PingRequestResponse, {}), self.ping_request(exercise.pb_of(cafe_pb2.PingRequestRequest, {}), timeout=timeout, metadata=exercise.METADATA))),
        ]


cafe_grpc = CafeGrpcClient()
