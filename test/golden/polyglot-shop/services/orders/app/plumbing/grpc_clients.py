"""Typed gRPC clients of the services this one calls. Generated: do not edit.

Use them from app/handlers.py, e.g. `from .plumbing.grpc_clients import inventory_grpc`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import grpc
from google.protobuf import any_pb2, duration_pb2, empty_pb2, field_mask_pb2, struct_pb2, timestamp_pb2, wrappers_pb2  # noqa: F401

import protogen.polyglot.ping.v1.ping_pb2 as ping_pb2
import protogen.polyglot.ping.v1.ping_pb2_grpc as ping_pb2_grpc
import protogen.polyglotshop.inventory.v1.inventory_pb2 as inventory_pb2
import protogen.polyglotshop.inventory.v1.inventory_pb2_grpc as inventory_pb2_grpc

from . import config, exercise


class InventoryGrpcClient:
    """gRPC client of polyglotshop.inventory.v1.InventoryService at ${INVENTORY_GRPC_ADDR}."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._channel_obj: grpc.Channel | None = None
        self._stub_objs: list[Any] = []

    def _channel(self) -> grpc.Channel:
        with self._lock:
            if self._channel_obj is None:
                self._channel_obj = grpc.insecure_channel(config.env("INVENTORY_GRPC_ADDR"))
            return self._channel_obj

    def _stubs(self) -> list[Any]:
        channel = self._channel()
        with self._lock:
            if not self._stub_objs:
                self._stub_objs = [inventory_pb2_grpc.InventoryServiceStub(channel)]
            return self._stub_objs

    def ping(self, path: list[str], timeout: float = config.TIMEOUT) -> str:
        """The contract's Ping (polyglot.ping.v1.PingService): the target's tree as JSON text."""
        response = ping_pb2_grpc.PingServiceStub(self._channel()).Ping(ping_pb2.PingRequest(path=path), timeout=timeout)
        return str(response.tree_json)

    def reserve(self, request: inventory_pb2.ReserveRequest, timeout: float = config.TIMEOUT, metadata: Sequence[tuple[str, str]] = ()) -> inventory_pb2.ReserveResponse:
        """polyglotshop.inventory.v1.InventoryService/Reserve on inventory (unary)."""
        return self._stubs()[0].Reserve(request, timeout=timeout, metadata=metadata)

    def check_stock(self, request: inventory_pb2.CheckStockRequest, timeout: float = config.TIMEOUT, metadata: Sequence[tuple[str, str]] = ()) -> inventory_pb2.CheckStockResponse:
        """polyglotshop.inventory.v1.InventoryService/CheckStock on inventory (unary)."""
        return self._stubs()[0].CheckStock(request, timeout=timeout, metadata=metadata)

    def exercise(self, timeout: float = config.TIMEOUT) -> list[dict[str, Any]]:
        """Calls every RPC this link uses with the sample request and checks the answers."""
        return [
            exercise.method("Reserve", lambda: exercise.pb_diff(exercise.pb_of(inventory_pb2.ReserveResponse, {"reserved_value": True, "left": 2}), self.reserve(exercise.pb_of(inventory_pb2.ReserveRequest, {"sku": "sku-sample", "quantity": 2}), timeout=timeout, metadata=exercise.METADATA))),
            exercise.method("CheckStock", lambda: exercise.pb_diff(exercise.pb_of(inventory_pb2.CheckStockResponse, {"available": 1}), self.check_stock(exercise.pb_of(inventory_pb2.CheckStockRequest, {"sku": "sku-sample"}), timeout=timeout, metadata=exercise.METADATA))),
        ]


inventory_grpc = InventoryGrpcClient()
