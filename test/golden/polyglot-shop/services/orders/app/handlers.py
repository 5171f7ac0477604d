"""The code of orders that is yours to edit: REST endpoints, gRPC methods and the message hook.

The plumbing (HTTP server, /healthz, /ping, gRPC server, brokers, clients) lives in app/plumbing and
is generated: regenerating the project rewrites it but never needs to touch this file.
"""

from __future__ import annotations

from typing import Any

# Typed clients of the services this one calls:
# from .plumbing.grpc_clients import inventory_grpc


def post_orders(body: dict[str, Any]) -> dict[str, Any]:
    """POST /orders; body {customer_id: string, sku: string, quantity: int}; answers {order_id: string, status: string}."""
    # TODO: replace the sample data with your logic.
    return {
        "order_id": "sample-order_id",
        "status": "sample-status",
    }


def get_orders_by_id(id: str) -> dict[str, Any]:
    """GET /orders/{id}; answers {order_id: string, status: string, total: float}."""
    # TODO: replace the sample data with your logic.
    return {
        "order_id": "sample-order_id",
        "status": "sample-status",
        "total": 0.5,
    }


def on_message(broker: str, topic: str, message: dict[str, Any]) -> None:
    """Called for each message consumed; `message` is the envelope {id, from, topic, path, payload}."""
    # TODO: react to the message. The plumbing already lists it under "received" in /ping.
    return None
