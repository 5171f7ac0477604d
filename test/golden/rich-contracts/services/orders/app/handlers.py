"""The code of orders that is yours to edit: REST endpoints, gRPC methods and the message hook.

The plumbing (HTTP server, /healthz, /ping, gRPC server, brokers, clients) lives in app/plumbing and
is generated: regenerating the project rewrites it but never needs to touch this file.
"""

from __future__ import annotations

from typing import Any


def get_orders_by_order_id(order_id: str) -> dict[str, Any]:
    """GET /orders/{order_id}; answers {order_id: string}."""
    # TODO: replace the sample data with your logic.
    return {
        "order_id": "sample-order_id",
    }


def post_orders_add_to_cart(body: dict[str, Any]) -> dict[str, Any]:
    """POST /orders/addToCart; body {sku: string}; answers {cart_id: string}."""
    # TODO: replace the sample data with your logic.
    return {
        "cart_id": "sample-cart_id",
    }


def on_message(broker: str, topic: str, message: dict[str, Any]) -> None:
    """Called for each message consumed; `message` is the envelope {id, from, topic, path, payload}."""
    # TODO: react to the message. The plumbing already lists it under "received" in /ping.
    return None
