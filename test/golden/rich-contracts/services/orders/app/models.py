"""The design's types that this service's REST calls carry, as Pydantic models. Generated: do not edit.

JSON keys are the contract's (a field's json_name, else its name); every field may be left out,
as in protobuf's JSON mapping: singular fields are then None, lists and maps empty.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python


class GetOrdersByOrderIdResponse(BaseModel):
    """richcontracts.orders.v1.GetOrdersByOrderIdResponse"""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)

    order_id: str | None = Field(default=None)
    status: OrderStatus | None = Field(default=None)
    items: list[LineItem] = Field(default_factory=list)
    total: Money | None = Field(default=None)


class OrderStatus(str, Enum):
    """richcontracts.v1.OrderStatus"""

    ORDER_STATUS_UNSPECIFIED = "ORDER_STATUS_UNSPECIFIED"
    ORDER_STATUS_PLACED = "ORDER_STATUS_PLACED"
    ORDER_STATUS_SHIPPED = "ORDER_STATUS_SHIPPED"


class LineItem(BaseModel):
    """richcontracts.v1.LineItem"""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)

    sku: str | None = Field(default=None)
    quantity: int | None = Field(default=None)
    unit_price: Money | None = Field(default=None)


class Money(BaseModel):
    """richcontracts.v1.Money"""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)

    currency_code: str | None = Field(default=None)
    units: int | None = Field(default=None)
    nanos: int | None = Field(default=None)


class PostOrdersAddToCartRequest(BaseModel):
    """richcontracts.orders.v1.PostOrdersAddToCartRequest"""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)

    sku: str | None = Field(default=None)
    quantity: int | None = Field(default=None)


class PostOrdersAddToCartResponse(BaseModel):
    """richcontracts.orders.v1.PostOrdersAddToCartResponse"""

    model_config = ConfigDict(validate_by_name=True, validate_by_alias=True, serialize_by_alias=True)

    cart_id: str | None = Field(default=None)
    items: list[LineItem] = Field(default_factory=list)


for _model in list(globals().values()):
    if isinstance(_model, type) and issubclass(_model, BaseModel) and _model is not BaseModel:
        _model.model_rebuild()


def parse(kind: Any, data: Any) -> Any:
    """A JSON value as the given type (a model, a list of models, an enum, a scalar); ValueError when it does not fit."""
    try:
        return TypeAdapter(kind).validate_python(data)
    except ValidationError as exc:
        raise ValueError(str(exc)) from exc


def dump(value: Any) -> Any:
    """A typed value as JSON: JSON keys, enums by name, fields that are not set left out."""
    return to_jsonable_python(value, by_alias=True, exclude_none=True)
