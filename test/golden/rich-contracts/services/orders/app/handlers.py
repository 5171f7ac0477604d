"""The code of orders that is yours to edit: REST endpoints, gRPC methods and the message hook.

The plumbing (HTTP server, /healthz, /ping, gRPC server, brokers, clients) lives in app/plumbing and
is generated: regenerating the project rewrites it but never needs to touch this file. The types
are generated too: REST bodies in app/models.py, gRPC messages from proto/ (protogen/).
"""

from __future__ import annotations

from typing import Any

from . import models  # noqa: F401
from .plumbing.exercise import Problem  # noqa: F401


def get_orders_by_order_id(order_id: str, include_items: bool | None) -> models.GetOrdersByOrderIdResponse:
    """GET /orders/{order_id}.

    Raise Problem(status, detail) for the declared error answers (404)."""
    # TODO: replace the sample data with your logic.
    return models.parse(models.GetOrdersByOrderIdResponse, {"order_id": "order_id-sample", "status": "ORDER_STATUS_PLACED", "items": [{"sku": "sku-sample", "quantity": 2, "unit_price": {"currency_code": "currency_code-sample", "units": 2, "nanos": 3}}, {"sku": "sku-sample", "quantity": 2, "unit_price": {"currency_code": "currency_code-sample", "units": 2, "nanos": 3}}], "total": {"currency_code": "currency_code-sample", "units": 2, "nanos": 3}})


def post_orders_add_to_cart(body: models.PostOrdersAddToCartRequest | None) -> models.PostOrdersAddToCartResponse:
    """POST /orders/addToCart."""
    # TODO: replace the sample data with your logic.
    return models.parse(models.PostOrdersAddToCartResponse, {"cart_id": "cart_id-sample", "items": [{"sku": "sku-sample", "quantity": 2, "unit_price": {"currency_code": "currency_code-sample", "units": 2, "nanos": 3}}, {"sku": "sku-sample", "quantity": 2, "unit_price": {"currency_code": "currency_code-sample", "units": 2, "nanos": 3}}]})


def on_message(broker: str, topic: str, message: dict[str, Any]) -> None:
    """Called for each message consumed; `message` is the envelope {id, from, topic, path, payload}."""
    # TODO: react to the message. The plumbing already lists it under "received" in /ping.
    return None
