"""Typed gRPC clients of the services this one calls. Generated: do not edit.

Use them from app/handlers.py, e.g. `from .plumbing.grpc_clients import inventory_grpc`.
"""

from __future__ import annotations

import threading
from typing import Any

import grpc

import protogen.polyglotshop.inventory.v1.inventory_pb2 as _pb_0
import protogen.polyglotshop.inventory.v1.inventory_pb2_grpc as _pb_grpc_0

from . import config


class InventoryGrpcClient:
    """gRPC client of polyglotshop.inventory.v1.InventoryService at ${INVENTORY_GRPC_ADDR}."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stub_obj: Any = None

    def _stub(self) -> Any:
        with self._lock:
            if self._stub_obj is None:
                channel = grpc.insecure_channel(config.env("INVENTORY_GRPC_ADDR"))
                self._stub_obj = _pb_grpc_0.InventoryServiceStub(channel)
            return self._stub_obj

    def ping(self, path: list[str], timeout: float = config.TIMEOUT) -> str:
        """The contract's Ping: returns the target's tree as JSON text."""
        return str(self._stub().Ping(_pb_0.PingRequest(path=path), timeout=timeout).tree_json)

    def reserve(self, sku: str = "", quantity: int = 0) -> dict[str, Any]:
        """Calls Reserve on inventory."""
        resp = self._stub().Reserve(_pb_0.ReserveRequest(sku=sku, quantity=quantity), timeout=config.TIMEOUT)
        return {"reserved_value": resp.reserved_value, "left": resp.left}

    def check_stock(self, sku: str = "") -> dict[str, Any]:
        """Calls CheckStock on inventory."""
        resp = self._stub().CheckStock(_pb_0.CheckStockRequest(sku=sku), timeout=config.TIMEOUT)
        return {"available": resp.available}


inventory_grpc = InventoryGrpcClient()
